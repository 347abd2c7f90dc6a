//! The real binary in a real terminal: a tmux server of its own (its own
//! socket, so parallel runs never meet), killed when dropped. tmux must be
//! installed (`.ci/run` installs it): without it the test fails.

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` (a shell line) in a detached 100×30 session.
    pub fn start(name: &str, command: &str) -> Tmux {
        Tmux::start_sized(name, command, (100, 30))
    }

    /// Starts `command` (a shell line) in a detached session of `size`.
    pub fn start_sized(name: &str, command: &str, size: (u16, u16)) -> Tmux {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|o| o.status.success()),
            "tmux is required for this test: install it (apt-get install tmux; .ci/run does)"
        );
        let socket = format!("zj-{name}-{}", std::process::id());
        let (width, height) = (size.0.to_string(), size.1.to_string());
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width, "-y", &height, command])
            .status()
            .unwrap();
        assert!(status.success(), "tmux could not start {command}");
        Tmux { socket }
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
        std::thread::sleep(Duration::from_millis(100));
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// The process running in the pane.
    pub fn pid(&self) -> i32 {
        let pid = self.tmux(&["list-panes", "-F", "#{pane_pid}"]);
        pid.trim().parse().expect("a pane pid")
    }

    /// Waits until the screen shows `needle`.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {needle:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session"])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Waits until the program has exited (the session is gone).
    pub fn wait_exit(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the program did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Closes the terminal, as a writer closing the window does (the
    /// program gets SIGHUP).
    pub fn close(&self) {
        self.tmux(&["kill-session"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// Waits until process `pid` has ended.
pub fn wait_gone(pid: i32) {
    let start = Instant::now();
    // SAFETY: signal 0 only asks whether the process exists.
    while unsafe { libc::kill(pid, 0) } == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "process {pid} did not end"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

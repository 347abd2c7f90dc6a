//! Stop signals are caught and reported to the event loop instead of
//! killing the process; a second one ends it; dropping the handlers puts
//! the default back. Each case runs in a child process (this test binary
//! again), so that signals never hit the test runner.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use zongjie::tui::signals::StopSignals;

const CHILD: &str = "ZONGJIE_SIGNALS_CHILD";

/// The child's side: install, say "ready", then act as `mode` says.
#[test]
fn child_process() {
    let Ok(mode) = std::env::var(CHILD) else {
        return;
    };
    let signals = StopSignals::install().unwrap();
    let signals = if mode == "dropped" {
        drop(signals);
        None
    } else {
        Some(signals)
    };
    println!("ready");
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Some(signal) = signals.as_ref().and_then(StopSignals::pending)
            && mode == "report"
        {
            println!("caught {}", signal.name());
            std::process::exit(0);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    println!("timeout");
    std::process::exit(3);
}

/// Starts a child in `mode` and waits until its handlers are in place.
fn child(mode: &str) -> (Child, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("ready") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "child gave up");
    }
    (child, out)
}

fn send(child: &Child, signal: i32) {
    // SAFETY: sends a signal to our own child; no memory involved.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
}

#[test]
fn each_stop_signal_is_reported_not_fatal() {
    for (signal, name) in [
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
    ] {
        let (mut child, mut out) = child("report");
        let sent = Instant::now();
        send(&child, signal);
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), format!("caught {name}"));
        assert!(child.wait().unwrap().success());
        assert!(sent.elapsed() < Duration::from_secs(2));
    }
}

#[test]
fn a_second_signal_ends_the_process() {
    let (mut child, _out) = child("stubborn");
    send(&child, libc::SIGTERM);
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        child.try_wait().unwrap().is_none(),
        "one signal is only noted"
    );
    send(&child, libc::SIGTERM);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM));
}

#[test]
fn dropped_handlers_restore_the_default() {
    let (mut child, _out) = child("dropped");
    send(&child, libc::SIGHUP);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGHUP));
}

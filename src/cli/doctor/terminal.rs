//! What the process can tell about its terminal for `zongjie doctor`: which
//! standard streams are a terminal, its size, and whether it draws UTF-8
//! Chinese two columns wide (asked of the terminal itself).

use std::io::{self, IsTerminal, Write};

/// What the process can tell about its terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerminalFacts {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// Columns × rows, if a terminal answers.
    pub size: Option<(u16, u16)>,
    pub utf8: Utf8Probe,
}

/// Whether the terminal draws UTF-8 Chinese two columns wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8Probe {
    Yes,
    /// UTF-8, but Chinese characters take one column: the layout will break.
    NarrowCjk,
    No,
    NoAnswer,
    NotATerminal,
}

impl TerminalFacts {
    /// Looks at the real terminal. When standard input and output are both a
    /// terminal it prints `é中` at the start of the line, asks the terminal
    /// where its cursor is, and erases the line again.
    pub fn detect() -> TerminalFacts {
        let stdin = io::stdin().is_terminal();
        let stdout = io::stdout().is_terminal();
        let stderr = io::stderr().is_terminal();
        // window_size asks /dev/tty or stdout; unlike size() it never falls
        // back to `tput`, which reports 80×24 even without a terminal. With
        // no standard stream on a terminal there is no screen to measure,
        // even when the process still has a controlling terminal (a test
        // run or a script started from one), so the report says the same
        // wherever it runs.
        let size = (stdin || stdout || stderr)
            .then(crossterm::terminal::window_size)
            .and_then(Result::ok)
            .filter(|s| s.columns > 0 && s.rows > 0)
            .map(|s| (s.columns, s.rows));
        let utf8 = if stdin && stdout {
            probe_utf8()
        } else {
            Utf8Probe::NotATerminal
        };
        TerminalFacts {
            stdin,
            stdout,
            stderr,
            size,
            utf8,
        }
    }
}

fn probe_utf8() -> Utf8Probe {
    let mut out = io::stdout();
    // é is one column in UTF-8 and 中 two, so a UTF-8 terminal ends at column
    // 3; GBK or Latin-1 terminals read the five bytes as other characters.
    if write!(out, "\ré中").and_then(|()| out.flush()).is_err() {
        return Utf8Probe::NoAnswer;
    }
    let position = crossterm::cursor::position();
    let _ = write!(out, "\r\x1b[K");
    let _ = out.flush();
    match position {
        Ok((3, _)) => Utf8Probe::Yes,
        Ok((2, _)) => Utf8Probe::NarrowCjk,
        Ok(_) => Utf8Probe::No,
        Err(_) => Utf8Probe::NoAnswer,
    }
}

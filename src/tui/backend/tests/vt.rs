//! The oracle of the backend's tests: a tiny terminal emulator that both
//! backends' bytes are played into, so the tests compare the screens a
//! terminal would show, not the bytes.

use unicode_width::UnicodeWidthChar;

/// What one screen cell shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Shown {
    pub(super) text: String,
    /// The right half of a wide character.
    pub(super) continuation: bool,
    pub(super) style: (String, String, String, u16),
}

/// Just enough of a terminal: printing with East Asian widths (a wide
/// character overwritten by half is erased whole), cursor addressing and
/// forward moves, SGR colours and attributes, erase, a scroll region with
/// lines inserted and deleted in it. Any other control character is a test
/// failure: nothing else may reach the terminal.
pub(super) struct Vt {
    width: u16,
    height: u16,
    /// The scroll region's first and last rows.
    margins: (u16, u16),
    pub(super) cells: Vec<Shown>,
    x: u16,
    y: u16,
    fg: String,
    bg: String,
    ul: String,
    attrs: u16,
}

impl Vt {
    pub(super) fn new(width: u16, height: u16) -> Vt {
        let mut vt = Vt {
            width,
            height,
            margins: (0, height - 1),
            cells: Vec::new(),
            x: 0,
            y: 0,
            fg: "39".into(),
            bg: "49".into(),
            ul: "59".into(),
            attrs: 0,
        };
        vt.cells = vec![vt.blank(); usize::from(width) * usize::from(height)];
        vt
    }

    pub(super) fn blank(&self) -> Shown {
        Shown {
            text: " ".into(),
            continuation: false,
            style: ("39".into(), "49".into(), "59".into(), 0),
        }
    }

    pub(super) fn index(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.width) + usize::from(x)
    }

    /// Clears a cell, and the other half of a wide character it belongs to.
    pub(super) fn erase_around(&mut self, x: u16, y: u16) {
        let i = self.index(x, y);
        if self.cells[i].continuation && x > 0 {
            let j = self.index(x - 1, y);
            self.cells[j] = self.blank();
        }
        if x + 1 < self.width {
            let j = self.index(x + 1, y);
            if self.cells[j].continuation {
                self.cells[j] = self.blank();
            }
        }
    }

    pub(super) fn feed(&mut self, bytes: &[u8]) {
        let text = std::str::from_utf8(bytes).expect("UTF-8 output");
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                assert_eq!(chars.next(), Some('['), "only CSI sequences are expected");
                let mut params = String::new();
                let final_char = loop {
                    let c = chars.next().expect("unterminated CSI");
                    if c.is_ascii_digit() || c == ';' || c == '?' {
                        params.push(c);
                    } else {
                        break c;
                    }
                };
                self.csi(&params, final_char);
                continue;
            }
            assert!(
                !c.is_control(),
                "raw control character {c:?} reached the terminal"
            );
            self.print(c);
        }
    }

    pub(super) fn print(&mut self, c: char) {
        let w = c.width().unwrap_or(0) as u16;
        if w == 0 {
            // Combining marks and variation selectors join the previous cell.
            if self.x > 0 {
                let i = self.index(self.x - 1, self.y);
                let i = if self.cells[i].continuation { i - 1 } else { i };
                self.cells[i].text.push(c);
            }
            return;
        }
        if self.x + w > self.width {
            return;
        }
        self.erase_around(self.x, self.y);
        if w == 2 {
            self.erase_around(self.x + 1, self.y);
        }
        let style = (
            self.fg.clone(),
            self.bg.clone(),
            self.ul.clone(),
            self.attrs,
        );
        let i = self.index(self.x, self.y);
        self.cells[i] = Shown {
            text: c.to_string(),
            continuation: false,
            style: style.clone(),
        };
        if w == 2 {
            self.cells[i + 1] = Shown {
                text: String::new(),
                continuation: true,
                style,
            };
        }
        self.x += w;
    }

    pub(super) fn csi(&mut self, params: &str, final_char: char) {
        let numbers: Vec<u16> = params
            .trim_start_matches('?')
            .split(';')
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let n = |i: usize| numbers.get(i).copied().filter(|n| *n > 0).unwrap_or(1);
        match final_char {
            'H' => {
                self.y = (n(0) - 1).min(self.height - 1);
                self.x = (n(1) - 1).min(self.width - 1);
            }
            'C' => self.x = (self.x + n(0)).min(self.width - 1),
            'm' => self.sgr(params),
            'J' | 'K' => {
                if params == "2" && final_char == 'J' {
                    let blank = self.blank();
                    self.cells.fill(blank);
                }
            }
            'h' | 'l' if params == "?25" => {}
            'r' => {
                let top = n(0) - 1;
                let bottom = numbers
                    .get(1)
                    .copied()
                    .filter(|n| *n > 0)
                    .unwrap_or(self.height)
                    - 1;
                assert!(
                    top < bottom && bottom < self.height,
                    "bad scroll region {params}"
                );
                self.margins = (top, bottom);
                (self.x, self.y) = (0, 0);
            }
            'L' | 'M' => {
                let (top, bottom) = self.margins;
                // Outside the region the terminal ignores it: a bug here.
                assert!(
                    (top..=bottom).contains(&self.y),
                    "{final_char} outside the region"
                );
                let w = usize::from(self.width);
                let count = usize::from(n(0)).min(usize::from(bottom - self.y) + 1);
                let mut rows: Vec<Vec<Shown>> = (self.y..=bottom)
                    .map(|y| self.cells[self.index(0, y)..self.index(0, y) + w].to_vec())
                    .collect();
                let blank = vec![self.blank(); w];
                if final_char == 'L' {
                    rows.truncate(rows.len() - count);
                    for _ in 0..count {
                        rows.insert(0, blank.clone());
                    }
                } else {
                    rows.drain(..count);
                    rows.extend(std::iter::repeat_n(blank, count));
                }
                for (i, row) in rows.into_iter().enumerate() {
                    let at = self.index(0, self.y + i as u16);
                    self.cells[at..at + w].clone_from_slice(&row);
                }
                self.x = 0;
            }
            other => panic!("unexpected CSI {params}{other}"),
        }
    }

    pub(super) fn sgr(&mut self, params: &str) {
        let parts: Vec<&str> = if params.is_empty() {
            vec!["0"]
        } else {
            params.split(';').collect()
        };
        let mut i = 0;
        while i < parts.len() {
            let p: u16 = parts[i].parse().expect("SGR number");
            match p {
                0 => {
                    self.fg = "39".into();
                    self.bg = "49".into();
                    self.ul = "59".into();
                    self.attrs = 0;
                }
                1..=9 => self.attrs |= 1 << p,
                22 => self.attrs &= !(1 << 1 | 1 << 2),
                23 | 24 | 27 | 28 | 29 => self.attrs &= !(1 << (p - 20)),
                25 => self.attrs &= !(1 << 5 | 1 << 6),
                39 => self.fg = "39".into(),
                49 => self.bg = "49".into(),
                59 => self.ul = "59".into(),
                38 | 48 | 58 => {
                    let take = if parts[i + 1] == "5" { 2 } else { 4 };
                    let value = parts[i + 1..=i + take].join(";");
                    match p {
                        38 => self.fg = value,
                        48 => self.bg = value,
                        _ => self.ul = value,
                    }
                    i += take;
                }
                other => panic!("unexpected SGR {other}"),
            }
            i += 1;
        }
    }
}

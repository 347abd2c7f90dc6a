//! What a draft file looked like when it was loaded or saved, so that a
//! change made on disk by someone else (another program, another zongjie on
//! another machine) is noticed before saving over it.

use std::fs::Metadata;
use std::time::SystemTime;

/// The length, modification time and content hash of a draft's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes`, as read from (or written to) a file with `meta`.
    pub fn of(bytes: &[u8], meta: Option<&Metadata>) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            hash: content_hash(bytes),
        }
    }

    /// Whether `bytes` are different content. The time is not compared: a
    /// file touched or rewritten with the same bytes has not changed, and a
    /// clock's coarse resolution could hide a real change, so the content decides.
    pub fn differs_from(&self, bytes: &[u8]) -> bool {
        self.len != bytes.len() as u64 || self.hash != content_hash(bytes)
    }
}

/// 64-bit FNV-1a: stable across runs and builds, fast enough for drafts.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides() {
        let a = Fingerprint::of("党建工作".as_bytes(), None);
        assert!(!a.differs_from("党建工作".as_bytes()));
        assert!(a.differs_from("党建工做".as_bytes()));
        assert!(a.differs_from("党建工作 ".as_bytes()));
        assert!(a.differs_from(b""));
        assert_ne!(content_hash(b"ab"), content_hash(b"ba"));
    }
}

//! Export, load and save of the 6,000- and 200,000-character drafts
//! (see `support`). Run with `cargo bench --bench core`; import and check
//! have their own (`--bench import`, `--bench check`).

mod support;

use support::SIZES;
use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::storage::{parse_draft, write_draft};

fn main() {
    divan::main();
}

#[divan::bench(args = SIZES)]
fn export_plain(bencher: divan::Bencher, chars: usize) {
    let doc = support::draft(chars);
    bencher.bench(|| export_text(divan::black_box(&doc), &ExportOptions::default()));
}

/// `zongjie export --width 40 --indent`
#[divan::bench(args = SIZES)]
fn export_width_40(bencher: divan::Bencher, chars: usize) {
    let doc = support::draft(chars);
    let options = ExportOptions {
        width: Some(40),
        indent: true,
        ..ExportOptions::default()
    };
    bencher.bench(|| export_text(divan::black_box(&doc), &options));
}

/// The draft as TOML text.
#[divan::bench(args = SIZES)]
fn save_to_toml(bencher: divan::Bencher, chars: usize) {
    let doc = support::draft(chars);
    bencher.bench(|| write_draft(divan::black_box(&doc)));
}

/// TOML text and writing it to a file, without the fsync of a real save
/// (that is the disk's time, not zongjie's).
#[divan::bench(args = SIZES)]
fn save_to_file_no_fsync(bencher: divan::Bencher, chars: usize) {
    let doc = support::draft(chars);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("draft.toml");
    bencher.bench(|| std::fs::write(&path, write_draft(divan::black_box(&doc))));
}

/// TOML text to a document.
#[divan::bench(args = SIZES)]
fn load_from_toml(bencher: divan::Bencher, chars: usize) {
    let text = write_draft(&support::draft(chars));
    bencher.bench(|| parse_draft(divan::black_box(&text)));
}

/// A data directory holding the draft of `chars` characters.
fn stored(
    chars: usize,
) -> (
    tempfile::TempDir,
    zongjie::storage::Store,
    zongjie::storage::DraftLocation,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = zongjie::storage::Store::new(dir.path());
    let id = store
        .create(None, &support::draft(chars))
        .expect("create draft");
    let location = store.location(&id);
    (dir, store, location)
}

/// Read and parse the file.
#[divan::bench(args = SIZES)]
fn load_from_file(bencher: divan::Bencher, chars: usize) {
    let (_dir, store, location) = stored(chars);
    bencher.bench(|| store.load(divan::black_box(&location)));
}

/// What `zongjie open` does before the screen: read and parse the file,
/// and fingerprint its bytes (to notice a change on disk before saving).
#[divan::bench(args = SIZES)]
fn load_from_file_with_fingerprint(bencher: divan::Bencher, chars: usize) {
    let (_dir, store, location) = stored(chars);
    bencher.bench(|| store.load_with_fingerprint(divan::black_box(&location)));
}

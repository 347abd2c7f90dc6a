//! Release builds for Linux link the code an editing session runs into one
//! stretch of the binary, `.text.hot`, by the linker script `link/hot.ld`
//! (written by `scripts/hot-code`).
//!
//! The kernel maps a program's code 64 KiB around each page it first runs,
//! so a session's code scattered over the 4 MB of `.text` made 3 MB of it
//! resident; packed together it makes about 1.5 MB, and the editor's peak
//! memory falls by as much. The script only names input sections: a
//! function it names that no longer exists is no error, and one it misses
//! is linked where it would have been without it.

use std::env;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=link/hot.ld");
    // scripts/hot-code profiles a build in the default layout (valgrind
    // finds code in `.text` only) and asks the linker for its map.
    println!("cargo:rerun-if-env-changed=ZONGJIE_LINK_MAP");
    let linux = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    // Debug builds (the tests) keep the default layout, and link sooner.
    let release = env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let Ok(dir) = env::var("CARGO_MANIFEST_DIR") else {
        return;
    };
    if !(linux && release) {
        return;
    }
    let (option, path) = match env::var("ZONGJIE_LINK_MAP") {
        Ok(map) => ("-Map=", map),
        Err(_) => ("-T,", format!("{dir}/link/hot.ld")),
    };
    // Without the script (a copy of the sources without it) the default
    // layout will do. `-Wl,` splits its argument at commas.
    if (option == "-Map=" || Path::new(&path).exists()) && !path.contains(',') {
        println!("cargo:rustc-link-arg-bin=zongjie=-Wl,{option}{path}");
    }
}

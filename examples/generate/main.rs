//! Regenerate the committed completion scripts, man pages and the Debian
//! package's copyright file:
//!
//!     cargo run --example generate
//!
//! `tests/it/generated.rs` fails when the committed files are stale.

use std::path::Path;

mod deb_copyright;

fn main() -> std::process::ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copyright = match deb_copyright::generate(root) {
        Ok(text) => (deb_copyright::PATH.into(), text.into_bytes()),
        Err(e) => {
            eprintln!("generate: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut files = backfix::generate::files();
    files.push(copyright);
    for (rel, content) in files {
        let path = root.join(&rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, content));
        if let Err(e) = written {
            eprintln!("generate: cannot write {}: {e}", path.display());
            return std::process::ExitCode::FAILURE;
        }
        println!("wrote {}", rel.display());
    }
    std::process::ExitCode::SUCCESS
}

//! Regenerate the committed completion scripts and man pages:
//!
//!     cargo run --example generate
//!
//! `tests/it/generated.rs` fails when the committed files are stale.

use std::path::Path;

fn main() -> std::process::ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (rel, content) in backfix::generate::files() {
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

//! `backfix completions` and the hidden `backfix generate`.

use crate::cli::Shell;
use crate::error::{Error, Result};
use crate::output::Out;
use std::path::Path;

pub fn completions(out: &mut Out, shell: Shell) -> Result<u8> {
    std::io::Write::write_all(out, &crate::generate::completion(shell))?;
    Ok(0)
}

/// Write completions/ and man/ under `root`.
pub fn write_all(out: &mut Out, root: &Path) -> Result<u8> {
    for (rel, content) in crate::generate::files() {
        let path = root.join(&rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::failure(format!("cannot create {}: {e}", dir.display())))?;
        }
        std::fs::write(&path, content)
            .map_err(|e| Error::failure(format!("cannot write {}: {e}", path.display())))?;
        out.line(&format!("wrote {}", rel.display()))?;
    }
    Ok(0)
}

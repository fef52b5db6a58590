//! `backfix completions`.

use crate::cli::Shell;
use crate::error::Result;
use crate::output::Out;

pub fn completions(out: &mut Out, shell: Shell) -> Result<u8> {
    out.raw(&crate::generate::completion(shell))?;
    Ok(0)
}

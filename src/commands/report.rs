//! `backfix report --html FILE`.

use crate::cli::ReportArgs;
use crate::error::{Error, Result};
use crate::output::Out;
use crate::record::{html, stats, store};

pub fn run(out: &mut Out, a: &ReportArgs) -> Result<u8> {
    let (journal, events) = super::progress::load()?;
    let today = store::now().date();
    let page = html::report(&journal.records, &events, today, a.since);
    if a.html.as_os_str() == "-" {
        out.raw(page.as_bytes())?;
        return Ok(0);
    }
    std::fs::write(&a.html, page)
        .map_err(|e| Error::failure(format!("cannot write {}: {e}", a.html.display())))?;
    let _ = stats::HEATMAP_WEEKS;
    out.line(&format!("Wrote {}.", a.html.display()))?;
    Ok(0)
}

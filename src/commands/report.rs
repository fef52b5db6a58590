//! `backfix report --html FILE`.

use crate::cli::ReportArgs;
use crate::error::{Error, Result};
use crate::output::Out;
use crate::record::{html, store};

pub fn run(out: &mut Out, a: &ReportArgs) -> Result<u8> {
    let (journal, events) = super::progress::load()?;
    let catalog = super::load_catalog();
    let name_of = |id: &str| -> String {
        if let Some(c) = catalog.complaint(id) {
            format!("{} routine", c.name)
        } else if let Some(e) = catalog.exercise(id) {
            e.name.to_string()
        } else {
            id.to_string()
        }
    };
    let page = html::report(
        &journal.records,
        &events,
        store::now(),
        a.since,
        a.target,
        &name_of,
    );
    if a.html.as_os_str() == "-" {
        out.raw(page.as_bytes())?;
        return Ok(0);
    }
    std::fs::write(&a.html, page)
        .map_err(|e| Error::failure(format!("cannot write {}: {e}", a.html.display())))?;
    out.line(&format!("Wrote {}.", a.html.display()))?;
    Ok(0)
}

//! `backfix search`

use crate::cli::SearchArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};

pub fn run(out: &mut Out, args: &SearchArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let hits = crate::search::search(&catalog.exercises, &args.terms);
    if hits.is_empty() {
        let shown = super::truncate(&args.terms.join(" "), 60);
        return Err(Error::usage(format!("nothing matches '{shown}'"))
            .with_hint("every word must match; try fewer or shorter words, or `backfix list`"));
    }
    if args.json {
        output::json(out, &hits)?;
        return Ok(0);
    }
    let id_w = hits.iter().map(|h| h.id.len()).max().unwrap_or(0);
    for h in &hits {
        out.styled(output::CODE, &format!("{:id_w$}", h.id))?;
        out.text("  ")?;
        out.styled(output::TITLE, &h.name)?;
        out.styled_line(
            output::DIM,
            &format!("  (matched: {})", h.fields.join(", ")),
        )?;
        if let Some(ex) = &h.excerpt {
            let ex = super::truncate(ex, out.width.saturating_sub(id_w + 4).max(20));
            out.styled_line(output::DIM, &format!("{:w$}{ex}", "", w = id_w + 2))?;
        }
    }
    Ok(0)
}

//! `backfix search`

use crate::cli::SearchArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};

pub fn run(out: &mut Out, args: &SearchArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    if args
        .terms
        .iter()
        .all(|t| crate::matching::normalize(t).is_empty())
    {
        return Err(Error::usage("search needs a word to look for").with_hint(
            "for example `backfix search hamstring`, or `backfix list` for everything",
        ));
    }
    let hits = crate::search::search(&catalog.exercises, &args.terms);
    if hits.is_empty() {
        let shown = super::shown(&args.terms.join(" "));
        return Err(Error::failure(format!("nothing matches '{shown}'"))
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

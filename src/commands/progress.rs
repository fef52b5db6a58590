//! `backfix progress`: one screen of how it is going.

use crate::cli::ProgressArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::record::{stats, store, text};

/// Load the record, warning once about anything skipped.
pub fn load() -> Result<(crate::record::Journal, Vec<crate::remind::Event>)> {
    let mut errors = Vec::new();
    let loaded = store::load(&mut errors).map_err(|e| {
        Error::failure(format!("cannot read the record: {e}"))
            .with_hint("backfix paths shows where it is kept")
    })?;
    for e in errors {
        crate::output::warning(&e);
    }
    Ok(loaded)
}

pub fn run(out: &mut Out, a: &ProgressArgs) -> Result<u8> {
    let now = store::now();
    if let Some(s) = a.since
        && s > now.date()
    {
        return Err(Error::usage(format!("--since {s} is in the future"))
            .with_hint("give a date up to today, like 2026-01-31"));
    }
    let (journal, events) = load()?;
    let opt = stats::Options {
        now,
        weeks: usize::from(a.weeks.unwrap_or(if a.since.is_some() { 52 } else { 12 })),
        since: a.since,
        target: a.target,
    };
    let p = stats::progress(&journal.records, &events, &opt);
    if a.json {
        output::json(out, &p)?;
        return Ok(0);
    }
    let g = text::Glyphs {
        unicode: text::utf8_locale(|k| std::env::var(k).ok()),
    };
    text::render(out, &p, g)?;
    if let Some((alert, line)) = text::latest_check(&journal.records, now) {
        out.blank()?;
        let style = if alert { output::ALERT } else { output::DIM };
        out.styled_line(style, &line)?;
    }
    Ok(0)
}

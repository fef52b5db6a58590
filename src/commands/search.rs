//! `backfix search`

use crate::catalog::search::{Field, Group, Hit, Results, lower_first};
use crate::cli::SearchArgs;
use crate::error::{EXIT_FAILURE, Error, Result};
use crate::output::{self, Out, clean_line};

pub fn run(out: &mut Out, args: &SearchArgs) -> Result<u8> {
    let query = args.terms.join(" ");
    if crate::catalog::matching::simplify(&query).is_empty() {
        return Err(Error::usage("search needs a word to look for").with_hint(
            "for example `backfix search hamstring` or `backfix search sciatica`; \
             `backfix list` shows everything",
        ));
    }
    let catalog = super::load_catalog();
    let results = crate::catalog::search::search_catalog(&catalog, &args.terms);
    if args.json {
        // Like ripgrep: an empty result is still valid JSON, with exit 1.
        output::json(out, &results.hits)?;
        return Ok(if results.hits.is_empty() {
            EXIT_FAILURE
        } else {
            0
        });
    }
    if results.hits.is_empty() {
        return Err(
            Error::failure(format!("nothing matches '{}'", super::shown(&query)))
                .with_hint("every word must match; try fewer or shorter words, or `backfix list`"),
        );
    }
    text(out, &results)?;
    Ok(0)
}

fn heading(results: &Results, group: Group) -> String {
    let complaint = results
        .complaint
        .as_ref()
        .map(|c| lower_first(&clean_line(&c.name)));
    match (group, complaint) {
        (Group::Routine, Some(c)) => format!("In the routine for {c}"),
        (Group::Routine, None) => "In the routine".to_string(),
        (Group::Match, Some(_)) => "Other matches (not in that routine)".to_string(),
        (Group::Match, None) => "Matches".to_string(),
        (Group::NotAdvised, Some(c)) => format!("Not advised for {c}"),
        (Group::NotAdvised, None) => "Not advised if this applies to you".to_string(),
        (Group::Mention, _) => {
            "Mentioned only in cautions or mistakes (not a recommendation)".to_string()
        }
    }
}

fn text(out: &mut Out, results: &Results) -> std::io::Result<()> {
    let width = out.width;
    if let Some(c) = &results.complaint {
        let cmd = super::show::routine_command(&c.id);
        out.para(0, &format!("{}: its routine is", clean_line(&c.name)))?;
        out.styled_line(output::CODE, &fit(&format!("  {cmd}"), width))?;
    }
    let only_matches =
        results.complaint.is_none() && results.hits.iter().all(|h| h.group == Group::Match);
    let mut group = None;
    for h in &results.hits {
        if group != Some(h.group) && !only_matches {
            if group.is_some() || results.complaint.is_some() {
                out.blank()?;
            }
            let style = if h.group == Group::NotAdvised {
                output::WARN
            } else {
                output::HEADING
            };
            out.styled_line(style, &fit(&heading(results, h.group), width))?;
        }
        group = Some(h.group);
        hit(out, h, width)?;
    }
    Ok(())
}

/// One result: the id and name, then where it matched, then the reason or
/// a passage; every line cleaned and fitted to the width.
fn hit(out: &mut Out, h: &Hit, width: usize) -> std::io::Result<()> {
    let id = clean_line(&h.id);
    let id = fit(&id, width);
    out.styled(output::CODE, &id)?;
    let room = width.saturating_sub(id.chars().count() + 2);
    if room > 0 {
        out.text("  ")?;
        out.styled(output::TITLE, &fit(&clean_line(&h.name), room))?;
    }
    out.blank()?;
    let inner = width.saturating_sub(4);
    let fields: Vec<&str> = h
        .fields
        .iter()
        .map(|f| match f {
            Field::Routine => "the routine",
            Field::AvoidIn => "its avoid list",
            Field::NotFor => "not a good fit for",
            other => other.as_str(),
        })
        .collect();
    out.styled_line(
        output::DIM,
        &format!(
            "    {}",
            fit(&format!("matched: {}", fields.join(", ")), inner)
        ),
    )?;
    let detail = match (&h.reason, h.group) {
        (Some(r), Group::NotAdvised) => Some(format!("why not: {r}")),
        (Some(r), _) => Some(format!("note: {r}")),
        (None, _) => h.excerpt.clone(),
    };
    match detail {
        // A reason is advice: wrapped, never cut.
        Some(d) if h.reason.is_some() => out.para(4, &clean_line(&d))?,
        Some(d) => out.styled_line(output::DIM, &format!("    {}", fit(&clean_line(&d), inner)))?,
        None => {}
    }
    Ok(())
}

/// Cut clean text to `width` characters, marking the cut.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else if width == 0 {
        String::new()
    } else {
        format!("{}…", s.chars().take(width - 1).collect::<String>())
    }
}

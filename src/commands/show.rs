//! `backfix show`

use crate::catalog::Catalog;
use crate::catalog::matching::{Resolution, resolve};
use crate::cli::ShowArgs;
use crate::error::{Error, Result};
use crate::model::{Exercise, Str};
use crate::output::clean_line;
use crate::output::{self, Out};
use crate::routine::dose;
use anstyle::Style;

pub fn run(out: &mut Out, args: &ShowArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let query = args.name.join(" ");
    let e = lookup(&catalog, &query)?;
    if args.json {
        output::json(out, &WithCitations::new(&catalog, e))?;
    } else {
        card(out, &catalog, e)?;
    }
    Ok(0)
}

/// Find the exercise the user means. An empty name or an ambiguous one is a
/// usage error (exit 2); a name that matches nothing is "nothing found"
/// (exit 1), with a hint: the routine when the words name a complaint, the
/// nearest exercise when they name one backfix leaves out, else suggestions.
pub fn lookup<'a>(catalog: &'a Catalog, query: &str) -> Result<&'a Exercise> {
    let items = &catalog.exercises;
    if crate::catalog::matching::normalize(query).is_empty() {
        return Err(super::no_name("exercise", "backfix list"));
    }
    let suggestions = match resolve(query, items) {
        Resolution::Found(i) => return Ok(&items[i]),
        Resolution::Ambiguous(hits) => {
            return Err(super::ambiguous(query, items, &hits, "exercise"));
        }
        Resolution::NotFound { suggestions } => suggestions,
    };
    let shown = super::shown(query);
    if let Some(o) = crate::catalog::matching::omitted(query) {
        let instead = catalog
            .exercise(o.instead)
            .map_or(o.instead.to_string(), |e| {
                format!("{} ({})", clean_line(&e.name), e.id)
            });
        return Err(
            Error::failure(format!("'{shown}' is not in backfix: {}", o.what)).with_hint(format!(
                "{}: the {instead}. See `backfix show {}`",
                o.why, o.instead
            )),
        );
    }
    let e = Error::failure(format!("no exercise called '{shown}'"));
    if let Some((i, _)) = crate::catalog::matching::named_in(query, &catalog.complaints).first() {
        let c = &catalog.complaints[*i];
        return Err(e.with_hint(format!(
            "that names a complaint, {}: for its routine run `{}`; for the exercises that suit it, `backfix search {}`",
            clean_line(&c.name),
            routine_command(&c.id),
            clean_line(&c.id)
        )));
    }
    Err(e.with_hint(super::suggestion_hint(items, &suggestions, "backfix list")))
}

/// The command that prints a complaint's routine: its flag where it has one
/// (`backfix routine --sciatica`), else its name (`backfix routine my-knee`).
pub fn routine_command(id: &str) -> String {
    let has_flag = crate::cli::command()
        .find_subcommand("routine")
        .is_some_and(|r| r.get_arguments().any(|a| a.get_long() == Some(id)));
    if has_flag {
        format!("backfix routine --{id}")
    } else {
        format!("backfix routine {}", clean_line(id))
    }
}

/// `show --json`: the record, with its sources as full citations.
#[derive(serde::Serialize)]
struct WithCitations<'a> {
    #[serde(flatten)]
    exercise: &'a Exercise,
    citations: Vec<super::sources::Citation<'a>>,
}

impl<'a> WithCitations<'a> {
    fn new(catalog: &'a Catalog, e: &'a Exercise) -> Self {
        WithCitations {
            exercise: e,
            citations: e
                .sources
                .iter()
                .filter_map(|id| catalog.source(id))
                .map(super::sources::Citation::from)
                .collect(),
        }
    }
}

fn section(out: &mut Out, title: &str) -> std::io::Result<()> {
    out.blank()?;
    out.styled_line(output::HEADING, title)
}

fn bullets(out: &mut Out, items: &[Str], marker: &str, style: Style) -> std::io::Result<()> {
    for item in items {
        out.hanging(2, marker, item, style)?;
    }
    Ok(())
}

fn field(out: &mut Out, label: &str, value: &str) -> std::io::Result<()> {
    out.styled(output::TITLE, &format!("{label:<11}"))?;
    let width = out.width.saturating_sub(11).max(20);
    for (i, l) in output::wrap(value, width).iter().enumerate() {
        if i > 0 {
            out.text(&" ".repeat(11))?;
        }
        out.line(l)?;
    }
    Ok(())
}

fn variants(catalog: &Catalog, ids: &[Str]) -> String {
    ids.iter()
        .map(|id| match catalog.exercise(id) {
            Some(v) => format!("{} ({id})", v.name),
            None => id.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The full card for one exercise.
pub fn card(out: &mut Out, catalog: &Catalog, e: &Exercise) -> std::io::Result<()> {
    let tag = format!("({} · {})", e.id, e.category.label());
    // The id and category go beside the name, or under it when that is too
    // wide; widths are those of the text as printed (cleaned).
    if output::display_width(&e.name) + 2 + output::display_width(&tag) <= out.width {
        out.styled(output::TITLE, &e.name)?;
        out.styled_line(output::DIM, &format!("  {tag}"))?;
    } else {
        out.styled_para(output::TITLE, 0, &e.name)?;
        out.styled_para(output::DIM, 0, &tag)?;
    }
    out.para(0, &e.summary)?;
    out.blank()?;
    field(out, "Targets", &e.targets.join(", "))?;
    field(out, "Position", &e.position)?;
    if !e.equipment.is_empty() {
        field(out, "Equipment", &e.equipment.join(", "))?;
    }
    field(out, "At a desk", if e.desk { "yes" } else { "no" })?;
    if !e.aliases.is_empty() {
        field(out, "Also", &e.aliases.join(", "))?;
    }

    section(out, "Why it may help")?;
    out.para(2, &e.why)?;

    section(out, "Steps")?;
    for (i, step) in e.steps.iter().enumerate() {
        out.hanging(2, &format!("{}.", i + 1), step, output::TITLE)?;
    }

    section(out, "Dose")?;
    out.para(2, &dose::describe(&e.dose))?;
    if let Some(note) = &e.dose.note {
        out.para(2, note)?;
    }

    section(out, "Form cues")?;
    bullets(out, &e.cues, "-", output::GOOD)?;
    section(out, "Common mistakes")?;
    bullets(out, &e.mistakes, "-", output::DIM)?;

    out.blank()?;
    out.styled_line(output::WARN, "Cautions")?;
    bullets(out, &e.cautions, "!", output::WARN)?;
    if !e.not_for.is_empty() {
        out.blank()?;
        out.styled_line(output::WARN, "Not a good fit for")?;
        bullets(out, &e.not_for, "!", output::WARN)?;
    }

    if !e.easier.is_empty() || !e.harder.is_empty() {
        section(out, "Variants")?;
        if !e.easier.is_empty() {
            out.hanging(2, "Easier:", &variants(catalog, &e.easier), output::TITLE)?;
        }
        if !e.harder.is_empty() {
            out.hanging(2, "Harder:", &variants(catalog, &e.harder), output::TITLE)?;
        }
    }

    section(out, "Sources")?;
    for id in e.sources.iter() {
        let text = match catalog.source(id) {
            Some(s) => format!("{} [{}: {id}]", s.short, s.kind.label()),
            None => id.to_string(),
        };
        out.hanging(2, "-", &text, output::DIM)?;
    }
    if let Some(first) = e.sources.first() {
        let command = format!("backfix sources {first}");
        if output::display_width(&command) + 11 <= out.width {
            out.styled(output::DIM, "  In full: ")?;
        } else {
            out.styled_line(output::DIM, "  In full:")?;
            out.text("    ")?;
        }
        out.styled_line(output::CODE, &command)?;
    }
    out.blank()?;
    out.styled_line(output::DIM, "General information, not a diagnosis.")?;
    out.styled_para(
        output::DIM,
        0,
        "Stop if pain spreads down a leg, or if you feel numbness or weakness.",
    )?;
    out.styled(output::DIM, "Warning signs: ")?;
    out.styled_line(output::CODE, "backfix redflags")?;
    Ok(())
}

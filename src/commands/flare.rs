//! `backfix flare`: a flare-up plan. The person's own notes first, then the
//! first days (with the complaint's first-aid routine: the gentle level in
//! 5 minutes, planned by [`crate::routine::plan::build`]), scaling back and
//! rebuilding, how long a flare lasts, and the signs that need help with the
//! region's numbers. The content is in `data/flare.json`.
//!
//! `--start` marks a flare-up in the record (a check-in with `flare: true`,
//! see [`super::plan::mark_flare`]); a running plan steps back from it.

use crate::catalog::Catalog;
use crate::catalog::builtin::FLARE;
use crate::cli::FlareArgs;
use crate::error::{Error, Result};
use crate::model::Level;
use crate::model::{Complaint, FlareSection, TierId};
use crate::output::{self, Out, clean_line};
use crate::region::Setting;
use crate::routine::dose::{self, format_duration};
use crate::routine::plan::{self as routine, Plan, Planned};
use std::path::PathBuf;

/// The complaint used when none is given.
pub const DEFAULT_COMPLAINT: &str = "low-back";
/// Minutes of the first-aid routine.
pub const FIRST_AID_MINUTES: u16 = 5;
/// The person's notes, in the config directory: the first that exists.
pub const NOTES_FILES: [&str; 2] = ["flare.md", "flare.txt"];
/// At most this many lines of the notes are shown.
pub const MAX_NOTE_LINES: usize = 200;

/// The section after which the first-aid routine is printed.
const FIRST_DAYS: &str = "first-days";

/// The first line of the plan.
pub const REASSURANCE: &str = "Flare-ups are common and usually settle within 2 to 7 days. Keep moving gently, scale back rather than stop, and rebuild in small steps.";

/// The person's own flare notes: where they are, and their text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Notes {
    pub path: PathBuf,
    pub text: String,
}

/// Read the person's notes through the same safe reader as the catalogue
/// (regular files only, size cap, UTF-8); problems become warnings.
pub fn own_notes(warnings: &mut Vec<String>) -> Option<Notes> {
    let dir = crate::paths::config_dir()?;
    for name in NOTES_FILES {
        let path = dir.join(name);
        match crate::catalog::user::read_user_text(&path) {
            Ok(Some(text)) => return Some(Notes { path, text }),
            Ok(None) => {}
            Err(message) => warnings.push(format!("{message}; your flare notes are not shown")),
        }
    }
    None
}

/// Where the notes go (the first of [`NOTES_FILES`]), for the hint.
pub fn notes_path() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join(NOTES_FILES[0]))
}

fn complaint<'a>(catalog: &'a Catalog, args: &FlareArgs) -> Result<&'a Complaint> {
    if let Some(id) = args.flag() {
        return catalog
            .complaint(id)
            .ok_or_else(|| Error::failure(format!("the routine '{id}' is missing")));
    }
    if !args.name.is_empty() {
        return super::find(
            &args.name.join(" "),
            &catalog.complaints,
            "complaint",
            "backfix routine --list",
        );
    }
    catalog
        .complaint(DEFAULT_COMPLAINT)
        .ok_or_else(|| Error::failure(format!("the routine '{DEFAULT_COMPLAINT}' is missing")))
}

/// The first-aid routine: the complaint's routine at the gentle level, fitted
/// into [`FIRST_AID_MINUTES`] (or its shortest useful form). The routine's
/// rules hold, since the routine module plans it.
pub fn first_aid(catalog: &Catalog, complaint: &Complaint) -> Plan {
    match routine::build(
        catalog,
        complaint,
        Level::Gentle,
        None,
        Some(FIRST_AID_MINUTES),
    ) {
        Ok(p) => p,
        Err(short) => *short.shortest,
    }
}

/// The command that prints the first-aid routine step by step.
pub fn first_aid_command(complaint: &Complaint) -> String {
    format!(
        "{} --level gentle --minutes {FIRST_AID_MINUTES}",
        super::routine::command_for(&clean_line(&complaint.id))
    )
}

pub fn run(out: &mut Out, args: &FlareArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let complaint = complaint(&catalog, args)?;
    let mut warnings = Vec::new();
    let notes = own_notes(&mut warnings);
    for w in warnings {
        crate::output::warning(&w);
    }
    let region = crate::region::load();
    let plan = first_aid(&catalog, complaint);
    if args.start {
        if args.json {
            super::plan::record_flare()?;
        } else {
            super::plan::mark_flare(out, false)?;
            out.blank()?;
        }
    }
    if args.json {
        return json(out, &catalog, complaint, notes.as_ref(), &plan, &region);
    }
    print(out, &catalog, complaint, notes.as_ref(), &plan, &region)?;
    Ok(0)
}

fn section(out: &mut Out, s: &FlareSection) -> std::io::Result<()> {
    out.blank()?;
    out.styled_line(output::HEADING, &clean_line(&s.title))?;
    for p in s.points.iter() {
        out.hanging(2, "-", p, output::GOOD)?;
    }
    Ok(())
}

fn planned(out: &mut Out, num: usize, p: &Planned) -> std::io::Result<()> {
    out.hanging(
        2,
        &format!("{num:>2}."),
        &format!("{} ({})", clean_line(&p.name), dose::amount(&p.dose)),
        output::TITLE,
    )?;
    out.text("      ")?;
    out.styled_line(output::CODE, &format!("backfix show {}", clean_line(&p.id)))
}

fn first_aid_section(out: &mut Out, complaint: &Complaint, plan: &Plan) -> std::io::Result<()> {
    out.blank()?;
    out.styled_line(
        output::HEADING,
        &format!(
            "First-aid routine: {}, gentle, about {}",
            clean_line(&complaint.name),
            format_duration(plan.total_seconds)
        ),
    )?;
    out.para(
        2,
        "Once or twice a day, within comfort. Stop any exercise that sends pain further down a leg, or brings on numbness, tingling or weakness.",
    )?;
    let mut num = 0;
    for (i, p) in plan.items.iter().enumerate() {
        if let Some(c) = plan.choice.as_ref().filter(|c| c.at == i) {
            num += 1;
            choice(out, num, c)?;
        }
        num += 1;
        planned(out, num, p)?;
    }
    if let Some(c) = plan.choice.as_ref().filter(|c| c.at >= plan.items.len()) {
        num += 1;
        choice(out, num, c)?;
    }
    out.text("  Step by step: ")?;
    out.styled_line(output::CODE, &first_aid_command(complaint))
}

fn choice(out: &mut Out, num: usize, c: &routine::Choice) -> std::io::Result<()> {
    let names: Vec<String> = c
        .options
        .iter()
        .map(|p| format!("{} ({})", clean_line(&p.name), dose::amount(&p.dose)))
        .collect();
    out.hanging(
        2,
        &format!("{num:>2}."),
        &format!(
            "Your direction, one only, never both: {}",
            names.join(" or ")
        ),
        output::TITLE,
    )?;
    out.para(6, super::routine::DIRECTION_CHECK_HOW)
}

/// The signs that need help: the emergency tier in full with the region's
/// number, the same-day signs in one line, and where the rest are.
fn help_section(out: &mut Out, catalog: &Catalog, region: &Setting) -> std::io::Result<()> {
    out.blank()?;
    out.styled_line(output::HEADING, "When a flare is not just a flare")?;
    out.para(
        2,
        "A flare feels like your usual pain, only more. New symptoms are different:",
    )?;
    if let Some(t) = catalog.tiers.iter().find(|t| t.id == TierId::Emergency) {
        super::redflags::print_tier(out, t, region)?;
    }
    if let Some(t) = catalog.tiers.iter().find(|t| t.id == TierId::Urgent) {
        out.blank()?;
        out.styled_line(super::redflags::tier_style(t.id), &clean_line(&t.title))?;
        out.hanging(
            2,
            "!",
            &clean_line(&t.summary),
            super::redflags::tier_style(t.id),
        )?;
        super::redflags::print_action(out, 2, t, region)?;
    }
    out.blank()?;
    out.text("Every warning sign and how soon to act: ")?;
    out.styled_line(output::CODE, "backfix redflags")?;
    out.text("Answer them one by one: ")?;
    out.styled_line(output::CODE, "backfix check")
}

fn print(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    notes: Option<&Notes>,
    plan: &Plan,
    region: &Setting,
) -> std::io::Result<()> {
    out.styled_line(
        output::TITLE,
        &format!("Flare-up plan: {}", clean_line(&complaint.name)),
    )?;
    out.hanging(0, "+", REASSURANCE, output::GOOD)?;
    match notes {
        Some(n) => {
            out.blank()?;
            out.styled_line(
                output::HEADING,
                &format!("Your own plan ({})", n.path.display()),
            )?;
            let lines: Vec<&str> = n.text.lines().collect();
            for l in lines.iter().take(MAX_NOTE_LINES) {
                if l.trim().is_empty() {
                    out.blank()?;
                } else {
                    out.para(2, l)?;
                }
            }
            if lines.len() > MAX_NOTE_LINES {
                out.styled_para(
                    output::DIM,
                    2,
                    &format!(
                        "... and {} more lines in {}",
                        lines.len() - MAX_NOTE_LINES,
                        n.path.display()
                    ),
                )?;
            }
        }
        None => {
            if let Some(p) = notes_path() {
                out.styled_para(
                    output::DIM,
                    0,
                    &format!(
                        "Your own flare notes go in {}: what helps you, what to cut back, whom to call. They are shown here first.",
                        p.display()
                    ),
                )?;
            }
        }
    }
    for s in FLARE {
        section(out, s)?;
        if s.id == FIRST_DAYS {
            first_aid_section(out, complaint, plan)?;
        }
    }
    if !FLARE.iter().any(|s| s.id == FIRST_DAYS) {
        first_aid_section(out, complaint, plan)?;
    }
    help_section(out, catalog, region)?;
    out.blank()?;
    let mut ids: Vec<&str> = Vec::new();
    for id in FLARE.iter().flat_map(|s| s.sources.iter()) {
        if !ids.contains(&&**id) {
            ids.push(id);
        }
    }
    let names: Vec<String> = ids
        .iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| clean_line(&s.short).into_owned())
        .collect();
    out.hanging(0, "Sources:", &names.join("; "), output::DIM)?;
    out.styled_line(output::DIM, "General information, not a diagnosis.")?;
    out.text("Why a flare is not a setback: ")?;
    out.styled_line(output::CODE, "backfix learn flare")
}

fn item_json(p: &Planned) -> serde_json::Value {
    serde_json::json!({
        "id": p.id,
        "name": p.name,
        "dose": p.dose,
        "dose_text": dose::describe(&p.dose),
        "seconds": p.seconds,
        "direction": p.direction,
        "more": format!("backfix show {}", p.id),
    })
}

fn json(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    notes: Option<&Notes>,
    plan: &Plan,
    region: &Setting,
) -> Result<u8> {
    let tier = |id: TierId| {
        catalog.tiers.iter().find(|t| t.id == id).map(|t| {
            serde_json::json!({
                "id": t.id,
                "title": t.title,
                "summary": t.summary,
                "action": t.action,
                "signs": t.signs.iter().map(|s| &s.text).collect::<Vec<_>>(),
                "contact": super::redflags::contact(t.id, region),
            })
        })
    };
    let v = serde_json::json!({
        "complaint": { "id": complaint.id, "name": complaint.name },
        "reassurance": REASSURANCE,
        "own_notes": notes.map(|n| serde_json::json!({
            "path": n.path.display().to_string(),
            "text": n.text,
        })),
        "notes_path": notes_path().map(|p| p.display().to_string()),
        "sections": FLARE,
        "first_aid": {
            "command": first_aid_command(complaint),
            "level": plan.level,
            "budget_seconds": plan.budget_seconds,
            "total_seconds": plan.total_seconds,
            "items": plan.items.iter().map(item_json).collect::<Vec<_>>(),
            "choice": plan.choice.as_ref().map(|c| serde_json::json!({
                "at": c.at,
                "rule": "do one direction only, as the direction check decides; never both",
                "direction_check": super::routine::DIRECTION_CHECK_HOW,
                "options": c.options.iter().map(item_json).collect::<Vec<_>>(),
            })),
        },
        "help": {
            "emergency": tier(TierId::Emergency),
            "urgent": tier(TierId::Urgent),
            "red_flags_command": "backfix redflags",
            "check_command": "backfix check",
        },
        "region": region.json(),
        "lesson": "backfix learn flare",
    });
    output::json(out, &v)?;
    Ok(0)
}

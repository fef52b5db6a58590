//! `backfix routine`

use crate::catalog::Catalog;
use crate::cli::RoutineArgs;
use crate::dose::{self, format_duration};
use crate::error::{Error, Result};
use crate::model::{Complaint, TierId};
use crate::output::{self, Out};
use crate::routine::{self, Plan, TooShort};

pub const STOP_RULES: [&str; 3] = [
    "Stop any exercise that sends pain further down a leg, or brings on numbness, tingling or weakness.",
    "Mild discomfort is fine. Sharp pain, or pain that is worse the next day, means do less.",
    "This is general information, not a diagnosis.",
];

pub fn run(out: &mut Out, args: &RoutineArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    if args.list {
        return list(out, &catalog, args.json);
    }
    let complaint = match (args.flag(), args.name.is_empty()) {
        (Some(id), _) => catalog
            .complaint(id)
            .ok_or_else(|| Error::failure(format!("the routine '{id}' is missing")))?,
        (None, false) => super::find(
            &args.name.join(" "),
            &catalog.complaints,
            "complaint",
            "backfix routine --list",
        )?,
        (None, true) => {
            return Err(
                Error::usage("which complaint? give a flag such as --sciatica, or a name")
                    .with_hint("run `backfix routine --list` to see them all"),
            );
        }
    };
    let plan = match routine::build(&catalog, complaint, args.level, args.minutes) {
        Ok(p) => p,
        Err(TooShort { shortest }) => {
            let names: Vec<String> = shortest
                .items
                .iter()
                .map(|p| format!("{} ({})", p.name, dose::amount(&p.dose)))
                .collect();
            let need = shortest.total_seconds.div_ceil(60);
            return Err(Error::usage(format!(
                "{} minute{} is too short for a useful {} routine; the shortest takes about {}: {}",
                args.minutes.unwrap_or(0),
                if args.minutes == Some(1) { "" } else { "s" },
                complaint.id,
                format_duration(shortest.total_seconds),
                names.join(", ")
            ))
            .with_hint(format!("try --minutes {need}")));
        }
    };
    if args.guided {
        return crate::guided::run(&catalog, complaint, &plan);
    }
    if args.json {
        return json(out, &catalog, complaint, &plan);
    }
    print(out, &catalog, complaint, &plan)?;
    Ok(0)
}

fn list(out: &mut Out, catalog: &Catalog, json: bool) -> Result<u8> {
    if json {
        let v: Vec<_> = catalog
            .complaints
            .iter()
            .map(|c| serde_json::json!({ "id": c.id, "flag": format!("--{}", c.id), "name": c.name, "aliases": c.aliases }))
            .collect();
        output::json(out, &v)?;
        return Ok(0);
    }
    let w = catalog
        .complaints
        .iter()
        .map(|c| c.id.len() + 2)
        .max()
        .unwrap_or(0);
    for c in &catalog.complaints {
        out.styled(output::CODE, &format!("--{:w$}", c.id, w = w))?;
        out.line(&c.name)?;
    }
    out.blank()?;
    out.para(
        0,
        "Use a flag or a name: `backfix routine --sciatica`, `backfix routine outer hip`.",
    )?;
    Ok(0)
}

/// The banner printed above every routine: stop rules and the red-flag command.
pub fn banner(out: &mut Out, catalog: &Catalog) -> std::io::Result<()> {
    for rule in STOP_RULES {
        out.hanging(0, "!", rule, output::WARN)?;
    }
    if let Some(t) = catalog.tiers.iter().find(|t| t.id == TierId::Emergency) {
        out.hanging(
            0,
            "!",
            &format!("Call 999 / go to A&E for: {}.", t.summary),
            output::ALERT,
        )?;
    }
    out.styled(output::WARN, "! ")?;
    out.text("All warning signs and how soon to act: ")?;
    out.styled_line(output::CODE, "backfix redflags")?;
    Ok(())
}

fn print(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    plan: &Plan,
) -> std::io::Result<()> {
    out.styled_line(output::TITLE, &complaint.name)?;
    out.para(0, &complaint.about)?;
    out.blank()?;
    banner(out, catalog)?;
    out.blank()?;
    let count = plan.items.len();
    let what = format!(
        "{count} exercise{}, about {}",
        if count == 1 { "" } else { "s" },
        format_duration(plan.total_seconds)
    );
    let heading = match plan.budget_seconds {
        Some(b) => format!("Routine for {} ({what})", format_duration(b)),
        None => format!("Routine ({what})"),
    };
    let heading = match plan.level {
        crate::cli::Level::Standard => heading,
        level => format!(
            "{heading}, {} level",
            serde_json::to_value(level)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        ),
    };
    out.styled_line(output::HEADING, &heading)?;
    for (i, p) in plan.items.iter().enumerate() {
        let Some(e) = catalog.exercise(&p.id) else {
            continue;
        };
        out.blank()?;
        let num = format!("{:>2}.", i + 1);
        out.styled(output::TITLE, &format!("{num} {}", e.name))?;
        out.styled_line(output::DIM, &format!("  ~{}", format_duration(p.seconds)))?;
        out.hanging(4, "Dose:", &dose::describe(&p.dose), output::DIM)?;
        if let Some(cue) = e.cues.first() {
            out.hanging(4, "Cue:", cue, output::DIM)?;
        }
        out.hanging(4, "How:", &e.summary, output::DIM)?;
        if let Some(note) = &p.note {
            out.hanging(4, "Note:", note, output::DIM)?;
        }
        if let Some(from) = &p.swapped_from {
            out.hanging(
                4,
                "Note:",
                &format!("in place of {from} at this level"),
                output::DIM,
            )?;
        }
        if let Some(c) = e.cautions.first() {
            out.hanging(4, "Care:", c, output::WARN)?;
        }
        out.styled(output::DIM, "    More: ")?;
        out.styled_line(output::CODE, &format!("backfix show {}", e.id))?;
    }
    if !plan.dropped.is_empty() {
        out.blank()?;
        out.para(
            0,
            &format!("Left out to fit the time: {}.", plan.dropped.join(", ")),
        )?;
    }
    let lists: [(&str, &[crate::model::Str], &str, anstyle::Style); 3] = [
        ("Do", &complaint.dos, "+", output::GOOD),
        ("Don't", &complaint.donts, "-", output::WARN),
        (
            "See a professional",
            &complaint.see_professional,
            "-",
            output::TITLE,
        ),
    ];
    for (title, items, marker, style) in lists {
        out.blank()?;
        out.styled_line(output::HEADING, title)?;
        for item in items {
            out.hanging(2, marker, item, style)?;
        }
    }
    out.blank()?;
    out.styled_line(output::HEADING, "Warning signs for this complaint")?;
    for flag in complaint.red_flags.iter() {
        let style = super::redflags::tier_style(flag.tier);
        out.hanging(
            2,
            "!",
            &format!("{} ({})", flag.text, flag.tier.when()),
            style,
        )?;
    }
    out.blank()?;
    let names: Vec<String> = complaint
        .sources
        .iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| s.short.to_string())
        .collect();
    out.hanging(0, "Sources:", &names.join("; "), output::DIM)?;
    Ok(())
}

fn json(out: &mut Out, catalog: &Catalog, complaint: &Complaint, plan: &Plan) -> Result<u8> {
    let items: Vec<_> = plan
        .items
        .iter()
        .map(|p| {
            let e = catalog.exercise(&p.id);
            serde_json::json!({
                "id": p.id,
                "name": p.name,
                "priority": p.priority,
                "dose": p.dose,
                "dose_text": dose::describe(&p.dose),
                "seconds": p.seconds,
                "cue": e.and_then(|e| e.cues.first()),
                "summary": e.map(|e| &e.summary),
                "note": p.note,
                "swapped_from": p.swapped_from,
                "more": format!("backfix show {}", p.id),
            })
        })
        .collect();
    let emergency = catalog
        .tiers
        .iter()
        .find(|t| t.id == TierId::Emergency)
        .map(|t| &t.summary);
    let v = serde_json::json!({
        "complaint": { "id": complaint.id, "name": complaint.name, "about": complaint.about },
        "level": plan.level,
        "budget_seconds": plan.budget_seconds,
        "total_seconds": plan.total_seconds,
        "items": items,
        "dropped": plan.dropped,
        "stop_rules": STOP_RULES,
        "emergency_signs": emergency,
        "red_flags_command": "backfix redflags",
        "do": complaint.dos,
        "donts": complaint.donts,
        "see_professional": complaint.see_professional,
        "red_flags": complaint.red_flags,
        "sources": complaint.sources,
    });
    output::json(out, &v)?;
    Ok(0)
}

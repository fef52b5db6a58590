//! `backfix routine`

use crate::catalog::Catalog;
use crate::cli::{COMPLAINT_FLAGS, RoutineArgs};
use crate::error::{Error, Result};
use crate::model::{Complaint, Direction, Level, TierId};
use crate::output::{self, Out};
use crate::region::Setting;
use crate::routine::dose::{self, format_duration};
use crate::routine::plan::{self, Choice, Plan, Planned, TooShort};

/// The one place a routine says it is not a diagnosis.
pub const NOT_A_DIAGNOSIS: &str = "This is general information, not a diagnosis.";

pub const STOP_RULES: [&str; 3] = [
    "Stop any exercise that sends pain further down a leg, or brings on numbness, tingling or weakness.",
    "Mild discomfort is fine. Sharp pain, or pain that is worse the next day, means do less.",
    NOT_A_DIAGNOSIS,
];

/// The stop rules to print under a complaint: "not a diagnosis" only when
/// the complaint's own text does not already say it.
pub fn stop_rules(complaint: &Complaint) -> Vec<&'static str> {
    let said = |s: &str| s.to_lowercase().contains("not a diagnosis");
    let skip = said(&complaint.about) || said(&complaint.reassurance);
    STOP_RULES
        .into_iter()
        .filter(|r| !(skip && *r == NOT_A_DIAGNOSIS))
        .collect()
}

/// How to read the direction check's answer, per direction.
pub fn direction_rule(d: Direction) -> &'static str {
    match d {
        Direction::Extension => {
            "Extension (bending backwards): if lying face down eased your leg pain, or drew it back towards your spine."
        }
        Direction::Flexion => {
            "Flexion (bending forwards): if lying face down made the pain spread further down your leg."
        }
    }
}

/// The direction check in a few words, for plans without a check of their own.
pub const DIRECTION_CHECK_HOW: &str = "To find your direction, lie face down, or propped on your elbows, for 1 to 2 minutes, and notice where the leg pain is. If it eases or moves back towards your spine, your direction is extension. If it spreads further down the leg, stop: your direction is flexion.";

/// The complaint's command: `backfix routine --sciatica`, or by name for
/// a complaint without a flag (`backfix routine my-knee`).
pub fn command_for(id: &str) -> String {
    if COMPLAINT_FLAGS.contains(&id) {
        format!("backfix routine --{id}")
    } else {
        format!("backfix routine {id}")
    }
}

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
    let direction: Option<Direction> = args.direction.map(Into::into);
    if let Some(d) = direction
        && plan::directions(complaint).is_empty()
    {
        let with: Vec<String> = catalog
            .complaints
            .iter()
            .filter(|c| !plan::directions(c).is_empty())
            .map(|c| format!("`{}`", command_for(&c.id)))
            .collect();
        let hint = if with.is_empty() {
            "leave out --direction".to_string()
        } else {
            format!(
                "leave out --direction; routines with a direction check: {}",
                with.join(", ")
            )
        };
        return Err(Error::usage(format!(
            "the {} routine has no direction check, so --direction {} does not apply",
            output::clean_line(&complaint.id),
            d.as_str()
        ))
        .with_hint(hint));
    }
    let plan = match plan::build(
        &catalog,
        complaint,
        args.level.into(),
        direction,
        args.minutes,
    ) {
        Ok(p) => p,
        Err(TooShort { shortest }) => {
            let mut names: Vec<String> = shortest
                .items
                .iter()
                .map(|p| format!("{} ({})", p.name, dose::amount(&p.dose)))
                .collect();
            if let Some(c) = &shortest.choice {
                let alts: Vec<&str> = c.options.iter().map(|p| p.name.as_str()).collect();
                names.insert(c.at, format!("one of {}", alts.join(" or ")));
            }
            let need = shortest.total_seconds.div_ceil(60);
            return Err(Error::usage(format!(
                "{} minute{} is too short for a useful {} routine; the shortest takes about {}: {}",
                args.minutes.unwrap_or(0),
                if args.minutes == Some(1) { "" } else { "s" },
                output::clean_line(&complaint.id),
                format_duration(shortest.total_seconds),
                output::clean_line(&names.join(", "))
            ))
            .with_hint(format!("try --minutes {need}")));
        }
    };
    if args.guided {
        // Guided mode walks through what is prescribed; the either/or choice
        // needs the person's direction first.
        if plan.choice.is_some() {
            return Err(Error::usage(format!(
                "guided mode needs your direction for the {} routine",
                output::clean_line(&complaint.id)
            ))
            .with_hint(format!(
                "find it with the direction check (`{}` explains it), then add --direction extension or --direction flexion",
                command_for(&complaint.id)
            )));
        }
        return crate::routine::guided::run(out, &catalog, complaint, &plan);
    }
    let region = crate::region::load();
    if args.json {
        return json(out, &catalog, complaint, &plan, &region);
    }
    print(out, &catalog, complaint, &plan, &region)?;
    Ok(0)
}

fn list(out: &mut Out, catalog: &Catalog, json: bool) -> Result<u8> {
    let flag = |id: &str| COMPLAINT_FLAGS.contains(&id).then(|| format!("--{id}"));
    if json {
        let v: Vec<_> = catalog
            .complaints
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id,
                    "flag": flag(&c.id),
                    "command": command_for(&c.id),
                    "name": c.name,
                    "aliases": c.aliases,
                })
            })
            .collect();
        output::json(out, &v)?;
        return Ok(0);
    }
    let shown: Vec<(String, &Complaint)> = catalog
        .complaints
        .iter()
        .map(|c| {
            (
                flag(&c.id).unwrap_or_else(|| output::clean_line(&c.id).into_owned()),
                c,
            )
        })
        .collect();
    let w = shown
        .iter()
        .map(|(s, _)| s.chars().count() + 2)
        .max()
        .unwrap_or(0);
    for (shown, c) in &shown {
        out.styled(output::CODE, &format!("{shown:w$}"))?;
        out.line(&output::clean_line(&c.name))?;
    }
    out.blank()?;
    out.para(
        0,
        "Use a flag or a name: `backfix routine --sciatica`, `backfix routine outer hip`.",
    )?;
    if shown.iter().any(|(_, c)| flag(&c.id).is_none()) {
        out.para(0, "Your own routines go by name: `backfix routine <name>`.")?;
    }
    Ok(0)
}

/// The banner printed above every routine: stop rules, the emergency line
/// for the region, and the red-flag command.
pub fn banner(
    out: &mut Out,
    catalog: &Catalog,
    rules: &[&str],
    region: &Setting,
) -> std::io::Result<()> {
    for rule in rules {
        out.hanging(0, "!", rule, output::WARN)?;
    }
    if let Some(t) = catalog.tiers.iter().find(|t| t.id == TierId::Emergency) {
        out.hanging(
            0,
            "!",
            &format!(
                "Emergency: {} for: {}.",
                region.emergency_action(),
                output::clean_line(&t.summary)
            ),
            output::ALERT,
        )?;
    }
    out.styled(output::WARN, "! ")?;
    out.text("All warning signs and how soon to act: ")?;
    out.styled_line(output::CODE, "backfix redflags")?;
    Ok(())
}

/// One exercise: title, dose, cue, how, notes and every caution.
fn exercise(
    out: &mut Out,
    catalog: &Catalog,
    indent: usize,
    title: &str,
    p: &Planned,
) -> std::io::Result<()> {
    let e = catalog.at(p.exercise);
    let i = indent;
    out.text(&" ".repeat(i))?;
    out.styled(output::TITLE, &output::clean_line(title))?;
    out.styled_line(output::DIM, &format!("  ~{}", format_duration(p.seconds)))?;
    let at = i + 4;
    out.hanging(
        at,
        "Dose:",
        &output::clean(&dose::describe(&p.dose)),
        output::DIM,
    )?;
    if let Some(cue) = e.cues.first() {
        out.hanging(at, "Cue:", &output::clean(cue), output::DIM)?;
    }
    out.hanging(at, "How:", &output::clean(&e.summary), output::DIM)?;
    if let Some(note) = &p.note {
        out.hanging(at, "Note:", &output::clean(note), output::DIM)?;
    }
    if let Some(from) = &p.swapped_from {
        let name = catalog.exercise(from).map_or(from.as_str(), |b| &b.name);
        out.hanging(
            at,
            "Note:",
            &format!("in place of {} at this level", output::clean_line(name)),
            output::DIM,
        )?;
    }
    for c in e.cautions.iter() {
        out.hanging(at, "Care:", &output::clean(c), output::WARN)?;
    }
    out.text(&" ".repeat(at))?;
    out.styled(output::DIM, "More: ")?;
    out.styled_line(
        output::CODE,
        &format!("backfix show {}", output::clean_line(&e.id)),
    )?;
    Ok(())
}

/// The either/or choice: one direction's exercises, decided by the check.
fn choice(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    num: usize,
    c: &Choice,
    has_check: bool,
) -> std::io::Result<()> {
    out.blank()?;
    out.styled(
        output::TITLE,
        &format!("{num:>2}. Your direction: one of these, never both"),
    )?;
    out.styled_line(output::DIM, &format!("  ~{}", format_duration(c.seconds)))?;
    out.para(
        4,
        "Do only your direction's exercises: the other direction can make leg pain worse.",
    )?;
    if !has_check {
        out.para(4, DIRECTION_CHECK_HOW)?;
    }
    for d in c.directions() {
        out.blank()?;
        out.hanging(4, "->", direction_rule(d), output::HEADING)?;
        for p in c.of(d) {
            exercise(out, catalog, 7, &p.name, p)?;
        }
    }
    out.blank()?;
    out.para(
        4,
        &format!(
            "Once you know your direction: `{} --direction extension` (or `flexion`) prints only its exercises.",
            command_for(&complaint.id)
        ),
    )?;
    Ok(())
}

fn print(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    plan: &Plan,
    region: &Setting,
) -> std::io::Result<()> {
    out.styled_line(output::TITLE, &output::clean_line(&complaint.name))?;
    if !complaint.reassurance.trim().is_empty() {
        out.hanging(0, "+", &output::clean(&complaint.reassurance), output::GOOD)?;
    }
    out.para(0, &output::clean(&complaint.about))?;
    out.blank()?;
    banner(out, catalog, &stop_rules(complaint), region)?;
    out.blank()?;
    let count = plan.items.len() + usize::from(plan.choice.is_some());
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
        Level::Standard => heading,
        level => format!("{heading}, {} level", level.as_str()),
    };
    let heading = match plan.direction {
        Some(d) => format!("{heading}, {} direction", d.as_str()),
        None => heading,
    };
    out.styled_line(output::HEADING, &heading)?;
    let has_check = plan
        .items
        .iter()
        .any(|p| plan::is_direction_check(catalog.at(p.exercise)));
    let mut num = 0;
    for (i, p) in plan.items.iter().enumerate() {
        if let Some(c) = plan.choice.as_ref().filter(|c| c.at == i) {
            num += 1;
            choice(out, catalog, complaint, num, c, has_check)?;
        }
        num += 1;
        out.blank()?;
        exercise(out, catalog, 0, &format!("{num:>2}. {}", p.name), p)?;
    }
    if let Some(c) = plan.choice.as_ref().filter(|c| c.at >= plan.items.len()) {
        num += 1;
        choice(out, catalog, complaint, num, c, has_check)?;
    }
    if !plan.dropped.is_empty() {
        out.blank()?;
        out.para(
            0,
            &output::clean(&format!(
                "Left out to fit the time: {}.",
                plan.dropped.join(", ")
            )),
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
            out.hanging(2, marker, &output::clean(item), style)?;
        }
    }
    out.blank()?;
    out.styled_line(output::HEADING, "Warning signs for this complaint")?;
    for flag in complaint.red_flags.iter() {
        let style = super::redflags::tier_style(flag.tier);
        out.hanging(
            2,
            "!",
            &format!("{} ({})", output::clean(&flag.text), flag.tier.when()),
            style,
        )?;
    }
    let tiers: Vec<TierId> = complaint.red_flags.iter().map(|f| f.tier).collect();
    if tiers.contains(&TierId::Emergency) {
        out.hanging(2, "->", &region.emergency_line(), output::ALERT)?;
    }
    if tiers.contains(&TierId::Urgent) {
        out.hanging(2, "->", &region.urgent_line(), output::WARN)?;
    }
    out.blank()?;
    let names: Vec<String> = complaint
        .sources
        .iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| output::clean_line(&s.short).into_owned())
        .collect();
    out.hanging(0, "Sources:", &names.join("; "), output::DIM)?;
    Ok(())
}

fn item_json(catalog: &Catalog, p: &Planned) -> serde_json::Value {
    let e = catalog.at(p.exercise);
    serde_json::json!({
        "id": p.id,
        "name": p.name,
        "priority": p.priority,
        "dose": p.dose,
        "dose_text": dose::describe(&p.dose),
        "seconds": p.seconds,
        "cue": e.cues.first(),
        "summary": &e.summary,
        "cautions": &e.cautions,
        "note": p.note,
        "direction": p.direction,
        "swapped_from": p.swapped_from,
        "more": format!("backfix show {}", p.id),
    })
}

fn json(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    plan: &Plan,
    region: &Setting,
) -> Result<u8> {
    let items: Vec<_> = plan.items.iter().map(|p| item_json(catalog, p)).collect();
    let choice = plan.choice.as_ref().map(|c| {
        let options: Vec<_> = c
            .directions()
            .into_iter()
            .map(|d| {
                serde_json::json!({
                    "direction": d,
                    "when": direction_rule(d),
                    "items": c.of(d).map(|p| item_json(catalog, p)).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::json!({
            "at": c.at,
            "seconds": c.seconds,
            "rule": "do one direction only, as the direction check decides; never both",
            "direction_check": DIRECTION_CHECK_HOW,
            "how_to_choose": format!("{} --direction extension|flexion", command_for(&complaint.id)),
            "options": options,
        })
    });
    let emergency = catalog
        .tiers
        .iter()
        .find(|t| t.id == TierId::Emergency)
        .map(|t| &t.summary);
    let v = serde_json::json!({
        "complaint": {
            "id": complaint.id,
            "name": complaint.name,
            "reassurance": complaint.reassurance,
            "about": complaint.about,
        },
        "level": plan.level,
        "direction": plan.direction,
        "budget_seconds": plan.budget_seconds,
        "total_seconds": plan.total_seconds,
        "items": items,
        "choice": choice,
        "dropped": plan.dropped,
        "stop_rules": stop_rules(complaint),
        "emergency_signs": emergency,
        "region": region.json(),
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

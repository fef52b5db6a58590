//! `backfix today`: the running plan's day. The view is computed by
//! [`crate::programme::plan::today`] from the plan replayed through the
//! record.

use crate::catalog::builtin::LESSONS;
use crate::cli::JsonArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out, clean_line};
use crate::programme::plan::{self as plan, Fired};
use crate::programme::progression::{Rule, STAY_ACTIVE, WALK_GOAL_DAYS, WALK_GOAL_MINUTES};
use crate::programme::store;
use crate::record::store as record_store;
use serde::Serialize;

#[derive(Serialize)]
struct Json<'a> {
    #[serde(flatten)]
    today: &'a plan::Today,
    complaint: &'a str,
    stay_active: Option<&'static str>,
    goals: &'a [String],
    /// Each ruling's source in short form, by id.
    sources: std::collections::BTreeMap<&'static str, String>,
}

pub fn run(out: &mut Out, a: &JsonArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let date = record_store::now().date();
    let mut warnings = Vec::new();
    let running = store::running(&catalog, date, &mut warnings)?;
    for w in &warnings {
        output::warning(w);
    }
    let Some(r) = running else {
        return Err(Error::failure("no plan is running")
            .with_hint("start one: backfix plan start (or backfix plan start --help)"));
    };
    let lessons: Vec<&str> = LESSONS.iter().map(|l| &*l.id).collect();
    let t = plan::today(&catalog, &r.state, &r.journal.records, &lessons, date);
    let acute = r.state.start.rule == Rule::StayActiveFirst;
    if a.json {
        let mut sources = std::collections::BTreeMap::new();
        let fired = t
            .exercises
            .iter()
            .filter_map(|e| e.latest.as_ref())
            .chain(t.walking_rule.as_ref());
        for f in fired.map(|f| f.ruling.source).chain([r.state.start.source]) {
            sources.insert(f, super::plan::source_label(&catalog, f));
        }
        output::json(
            out,
            &Json {
                today: &t,
                complaint: &r.state.complaint,
                stay_active: acute.then_some(STAY_ACTIVE),
                goals: &r.spec.goals,
                sources,
            },
        )?;
        return Ok(0);
    }
    let complaint = catalog
        .complaint(&r.state.complaint)
        .map_or_else(|| r.state.complaint.clone(), |c| c.name.to_string());
    out.styled_line(
        output::TITLE,
        &format!(
            "Today, {}: week {}, day {} of your {} plan",
            t.date,
            t.week,
            t.day % 7 + 1,
            clean_line(&complaint)
        ),
    )?;
    if !r.spec.goals.is_empty() {
        out.styled(output::DIM, "Getting back to: ")?;
        out.line(&r.spec.goals.join(", "))?;
    }
    if acute && t.week <= 6 {
        out.styled_para(output::GOOD, 0, STAY_ACTIVE)?;
    }
    if let Some(d) = t.flare {
        out.blank()?;
        out.styled_para(
            output::WARN,
            0,
            &format!(
                "Flare-up marked on {d}: the plan has stepped back. Go gently and keep moving; \
                 the first days: backfix flare"
            ),
        )?;
    }
    out.blank()?;
    let next = (1..7)
        .map(|k| t.day + k)
        .find(|d| plan::is_session_day(*d))
        .map_or(t.date, |d| t.date + chrono::Duration::days(d - t.day));
    if t.session {
        out.styled_line(output::HEADING, "Exercise session")?;
    } else {
        out.styled_line(output::HEADING, "A rest day from exercises")?;
        out.para(2, "Walk and keep moving through the day.")?;
        out.styled_line(output::HEADING, &format!("Next exercise session, {next}"))?;
    }
    for e in &t.exercises {
        out.hanging(
            2,
            "-",
            &format!("{}: {}", clean_line(&e.name), e.amount),
            output::TITLE,
        )?;
        if let Some(f) = &e.latest {
            rule_line(out, &catalog, f)?;
        }
    }
    if t.session {
        out.text("  Step by step: ")?;
        out.styled_line(output::CODE, "backfix show <exercise>")?;
    }
    out.blank()?;
    out.styled_line(output::HEADING, "Walking")?;
    out.para(
        2,
        &format!(
            "{} minutes today, in one go or in short walks (towards {WALK_GOAL_MINUTES} minutes on {WALK_GOAL_DAYS} days a week).",
            t.walk_minutes
        ),
    )?;
    if let Some(f) = &t.walking_rule {
        rule_line(out, &catalog, f)?;
    }
    if let Some(id) = &t.lesson
        && let Some(l) = LESSONS.iter().find(|l| &*l.id == id)
    {
        out.blank()?;
        out.styled(output::HEADING, "A lesson: ")?;
        out.line(&clean_line(&l.title))?;
        out.text("  ")?;
        out.styled_line(output::CODE, &format!("backfix learn {}", clean_line(id)))?;
    }
    out.blank()?;
    if let Some(u) = t.settled_question {
        out.styled(output::HEADING, "Your last session")?;
        out.line(&format!(" ({}) hurt {}/10 during.", u.day(), u.pain))?;
        out.para(
            2,
            "Had that settled to your usual level by the next morning? If not, the plan steps back.",
        )?;
        out.text("  ")?;
        out.styled(output::CODE, "backfix log --settled yes")?;
        out.text(" or ")?;
        out.styled_line(output::CODE, "--settled no")?;
        out.blank()?;
    }
    if t.checkin_due {
        out.styled(output::HEADING, "Check in")?;
        out.line(" (once a week, under a minute):")?;
        out.text("  ")?;
        out.styled_line(output::CODE, "backfix log")?;
    }
    out.styled_line(
        output::DIM,
        "Record what you did, and how it felt: it moves the plan on.",
    )?;
    out.styled_line(
        output::CODE,
        "  backfix done <exercise> --feel too-easy|about-right|too-hard --pain-during 0-10",
    )?;
    out.styled_line(output::CODE, "  backfix done walking --minutes N")?;
    Ok(0)
}

fn rule_line(out: &mut Out, catalog: &crate::catalog::Catalog, f: &Fired) -> std::io::Result<()> {
    out.hanging(
        4,
        "·",
        &format!(
            "{}: {}",
            f.day,
            super::plan::ruling_text(catalog, &f.ruling)
        ),
        output::DIM,
    )
}

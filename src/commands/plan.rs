//! `backfix plan`: start, show, flare and stop the weekly plan. The plan's
//! logic is in [`crate::programme::plan`], its file in
//! [`crate::programme::store`].

use crate::catalog::Catalog;
use crate::cli::{PlanAction, PlanArgs, PlanStartArgs};
use crate::error::{Error, Result};
use crate::model::{Complaint, Named};
use crate::output::{self, Out, clean_line};
use crate::programme::plan::{self as plan, Fired, Lasted, MAX_GOALS, Spec, State};
use crate::programme::progression::{Rule, Ruling};
use crate::programme::store::{self, Loaded};
use crate::record::{CheckIn, Entry, Record, store as record_store};
use serde::Serialize;
use std::io::{BufRead, IsTerminal};

/// Walking minutes assumed when not given.
pub const DEFAULT_WALK: u16 = 10;
/// The most characters kept of a goal.
const MAX_GOAL: usize = 60;
/// Rulings listed by `plan show`.
const SHOWN_RULINGS: usize = 8;

pub fn run(out: &mut Out, a: &PlanArgs) -> Result<u8> {
    match &a.action {
        None => show(out, false),
        Some(PlanAction::Show(j)) => show(out, j.json),
        Some(PlanAction::Start(s)) => start(out, s),
        Some(PlanAction::Flare(j)) => {
            mark_flare(out, j.json)?;
            Ok(0)
        }
        Some(PlanAction::Stop) => stop(out),
    }
}

fn plan_path() -> Result<std::path::PathBuf> {
    let (data, _) = record_store::dirs()?;
    Ok(store::path_in(&data))
}

fn no_plan() -> Error {
    Error::failure("no plan is running")
        .with_hint("start one: backfix plan start (or backfix plan start --help)")
}

/// The source's short form, for "why (source)".
pub fn source_label(catalog: &Catalog, id: &str) -> String {
    catalog
        .source(id)
        .map_or_else(|| id.to_string(), |s| s.short.to_string())
}

/// One ruling as a line: its reason, then its source.
pub fn ruling_text(catalog: &Catalog, r: &Ruling) -> String {
    format!("{} ({})", r.why, source_label(catalog, r.source))
}

fn complaint_of<'a>(catalog: &'a Catalog, a: &PlanStartArgs) -> Result<Option<&'a Complaint>> {
    if let Some(id) = a.flag() {
        return catalog
            .complaint(id)
            .map(Some)
            .ok_or_else(|| Error::failure(format!("the routine '{id}' is missing")));
    }
    if !a.name.is_empty() {
        return super::find(
            &a.name.join(" "),
            &catalog.complaints,
            "complaint",
            "backfix routine --list",
        )
        .map(Some);
    }
    Ok(None)
}

fn start(out: &mut Out, a: &PlanStartArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let path = plan_path()?;
    match store::load(&path) {
        Loaded::Running(s) if !a.replace => {
            return Err(Error::failure(format!(
                "a plan is already running (started {})",
                clean_line(&s.started)
            ))
            .with_hint("backfix plan show to see it; --replace starts a new one"));
        }
        Loaded::Damaged(why) => output::warning(&format!("{why}; it is replaced")),
        _ => {}
    }
    if a.goal.len() > MAX_GOALS {
        return Err(Error::usage(format!(
            "{} goals given; pick at most {MAX_GOALS}",
            a.goal.len()
        ))
        .with_hint("the ones that matter most to you"));
    }
    let today = record_store::now().date();
    let (complaint, lasted, walk, goals) = if a.any_given() {
        let complaint = match complaint_of(&catalog, a)? {
            Some(c) => c,
            None => catalog
                .complaint(super::flare::DEFAULT_COMPLAINT)
                .ok_or_else(|| Error::failure("the low back routine is missing"))?,
        };
        (
            complaint,
            a.lasted.unwrap_or(Lasted::SixToTwelveWeeks),
            a.walk.unwrap_or(DEFAULT_WALK),
            a.goal
                .iter()
                .map(|g| super::truncate(g.trim(), MAX_GOAL))
                .filter(|g| !g.is_empty())
                .collect(),
        )
    } else {
        let stdin = std::io::stdin();
        let interactive = stdin.is_terminal();
        let mut input = stdin.lock();
        ask(out, &catalog, &mut input, interactive)?
    };
    let spec = Spec {
        v: plan::VERSION,
        started: today.to_string(),
        complaint: complaint.id.to_string(),
        lasted,
        walk_minutes: walk,
        goals,
        direction: a.direction.map(Into::into),
    };
    store::save(&path, &spec).map_err(|e| {
        Error::failure(format!("cannot save the plan: {e}"))
            .with_hint("backfix paths shows the data directory")
    })?;
    let state = plan::replay(&catalog, complaint, &spec, today, &[], &[], today);
    if a.json {
        output::json(out, &Shown::new(&spec, &state))?;
        return Ok(0);
    }
    if state.start.rule == Rule::StayActiveFirst {
        out.styled_para(output::GOOD, 0, crate::programme::progression::STAY_ACTIVE)?;
        out.blank()?;
    }
    out.styled_line(output::TITLE, "Your plan has started.")?;
    print(out, &catalog, complaint, &spec, &state, false)?;
    out.blank()?;
    out.text("Each day: ")?;
    out.styled_line(output::CODE, "backfix today")?;
    Ok(0)
}

/// Ask until a usable answer; `None` for the default (Enter or end of input).
fn ask_until<T>(
    out: &mut Out,
    input: &mut dyn BufRead,
    interactive: bool,
    prompt: &str,
    help: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    for _ in 0..3 {
        let Some(line) = super::log::read_line(out, input, interactive, prompt)? else {
            return Ok(None);
        };
        if line.is_empty() {
            return Ok(None);
        }
        if let Some(v) = parse(&line) {
            return Ok(Some(v));
        }
        out.styled_line(output::WARN, help)?;
    }
    Err(Error::usage("3 answers in a row were not usable")
        .with_hint("give the answers as flags: backfix plan start --help"))
}

type Answers<'a> = (&'a Complaint, Lasted, u16, Vec<String>);

/// The four questions. Tests drive them through standard input.
fn ask<'a>(
    out: &mut Out,
    catalog: &'a Catalog,
    input: &mut dyn BufRead,
    interactive: bool,
) -> Result<Answers<'a>> {
    out.styled_line(
        output::DIM,
        "A few questions to set up your plan; Enter takes the answer in [brackets].",
    )?;
    let names: Vec<String> = catalog
        .complaints
        .iter()
        .map(|c| clean_line(c.id()).into_owned())
        .collect();
    let prompt = format!(
        "Which complaint? ({}) [{}]: ",
        names.join(", "),
        super::flare::DEFAULT_COMPLAINT
    );
    let complaint = ask_until(
        out,
        input,
        interactive,
        &prompt,
        "Please give one of the names listed.",
        |s| match crate::catalog::matching::resolve(s, &catalog.complaints) {
            crate::catalog::matching::Resolution::Found(i) => Some(&catalog.complaints[i]),
            _ => None,
        },
    )?;
    let complaint = match complaint {
        Some(c) => c,
        None => catalog
            .complaint(super::flare::DEFAULT_COMPLAINT)
            .ok_or_else(|| Error::failure("the low back routine is missing"))?,
    };
    let lasted = ask_until(
        out,
        input,
        interactive,
        "How long has the pain lasted? 1) under 6 weeks  2) 6 to 12 weeks  3) over 12 weeks [2]: ",
        "Please answer 1, 2 or 3.",
        |s| match s.trim() {
            "1" => Some(Lasted::UnderSixWeeks),
            "2" => Some(Lasted::SixToTwelveWeeks),
            "3" => Some(Lasted::OverTwelveWeeks),
            other => <Lasted as clap::ValueEnum>::from_str(other, true).ok(),
        },
    )?
    .unwrap_or(Lasted::SixToTwelveWeeks);
    let walk = ask_until(
        out,
        input,
        interactive,
        &format!("How many minutes can you walk in a day now, comfortably? [{DEFAULT_WALK}]: "),
        "Please give minutes, from 0 to 180.",
        |s| crate::cli::parse_walk(s).ok(),
    )?
    .unwrap_or(DEFAULT_WALK);
    out.para(
        0,
        "Name 1 to 3 activities to get back to (say, 'gardening'), one per line; an empty line when done.",
    )?;
    let mut goals = Vec::new();
    while goals.len() < MAX_GOALS {
        match super::log::read_line(out, input, interactive, "Activity (Enter when done): ")? {
            Some(g) if !g.is_empty() => goals.push(super::truncate(&g, MAX_GOAL)),
            _ => break,
        }
    }
    Ok((complaint, lasted, walk, goals))
}

/// `plan show --json` and `plan start --json`.
#[derive(Serialize)]
pub struct Shown<'a> {
    pub plan: &'a Spec,
    pub state: &'a State,
}

impl<'a> Shown<'a> {
    pub fn new(plan: &'a Spec, state: &'a State) -> Self {
        Shown { plan, state }
    }
}

fn show(out: &mut Out, json: bool) -> Result<u8> {
    let catalog = super::load_catalog();
    let today = record_store::now().date();
    let mut warnings = Vec::new();
    let running = store::running(&catalog, today, &mut warnings)?;
    for w in &warnings {
        output::warning(w);
    }
    let Some(r) = running else {
        return Err(no_plan());
    };
    let Some(complaint) = catalog.complaint(&r.spec.complaint) else {
        return Err(no_plan());
    };
    if json {
        output::json(out, &Shown::new(&r.spec, &r.state))?;
        return Ok(0);
    }
    print(out, &catalog, complaint, &r.spec, &r.state, true)?;
    Ok(0)
}

/// The plan: how it started, the exercises and their amounts, walking,
/// goals, and (with `history`) the latest rulings that fired.
pub fn print(
    out: &mut Out,
    catalog: &Catalog,
    complaint: &Complaint,
    spec: &Spec,
    st: &State,
    history: bool,
) -> std::io::Result<()> {
    let acute = st.start.rule == Rule::StayActiveFirst;
    if acute && history {
        out.styled_para(output::GOOD, 0, crate::programme::progression::STAY_ACTIVE)?;
        out.blank()?;
    }
    // The acute start's reason repeats the stay-active advice, shown above.
    let why = if acute {
        format!(
            "A lighter plan: the gentle level to start with ({}).",
            source_label(catalog, st.start.source)
        )
    } else {
        ruling_text(catalog, &st.start)
    };
    out.para(
        0,
        &format!(
            "{}, started {} (pain for {}). {why}",
            clean_line(complaint.display_name()),
            st.started,
            spec.lasted.words(),
        ),
    )?;
    out.blank()?;
    out.styled_line(
        output::HEADING,
        "Exercises (3 days a week: plan days 1, 3 and 5 of each week)",
    )?;
    for p in &st.exercises {
        let name = catalog
            .exercise(&p.exercise)
            .map_or_else(|| p.exercise.clone(), |e| e.name.to_string());
        let instead = if p.item == p.exercise {
            String::new()
        } else {
            let item = catalog
                .exercise(&p.item)
                .map_or_else(|| p.item.clone(), |e| e.name.to_string());
            format!(" (instead of {})", clean_line(&item))
        };
        out.hanging(
            2,
            "-",
            &format!(
                "{}{instead}: {}",
                clean_line(&name),
                crate::routine::dose::amount(&p.dose)
            ),
            output::TITLE,
        )?;
    }
    if st.direction_left_out {
        out.para(
            2,
            &format!(
                "Your routine also has exercises for one direction, bending backwards or forwards, \
                 left out until you know yours: the direction check is in `{}`. Then start again \
                 with --direction.",
                super::routine::command_for(&clean_line(&complaint.id))
            ),
        )?;
    }
    out.blank()?;
    out.styled_line(output::HEADING, "Walking")?;
    out.para(
        2,
        &format!(
            "{} minutes a day (you started at {}), building towards {} minutes on {} days a week.",
            st.walking.minutes,
            st.walking.baseline,
            crate::programme::progression::WALK_GOAL_MINUTES,
            crate::programme::progression::WALK_GOAL_DAYS
        ),
    )?;
    if !spec.goals.is_empty() {
        out.blank()?;
        out.styled_line(output::HEADING, "Getting back to")?;
        for g in &spec.goals {
            out.hanging(2, "-", g, output::GOOD)?;
        }
    }
    if history {
        out.blank()?;
        out.styled_line(
            output::HEADING,
            &format!(
                "Recorded since the start: {} session{}, {} walk{}",
                st.sessions,
                crate::record::plural(st.sessions),
                st.walks,
                crate::record::plural(st.walks)
            ),
        )?;
        let shown: Vec<&Fired> = st.fired.iter().rev().take(SHOWN_RULINGS).collect();
        if shown.is_empty() {
            out.para(
                2,
                "No feedback yet: record sessions with --feel and --pain-during (backfix done --help).",
            )?;
        }
        for f in shown.into_iter().rev() {
            out.hanging(
                2,
                "-",
                &format!(
                    "{} {}: {}",
                    f.day,
                    about_name(catalog, &f.about),
                    ruling_text(catalog, &f.ruling)
                ),
                output::DIM,
            )?;
        }
    }
    Ok(())
}

/// The name of what a ruling was about (an exercise, or walking).
pub fn about_name(catalog: &Catalog, id: &str) -> String {
    clean_line(
        &catalog
            .exercise(id)
            .map_or_else(|| id.to_string(), |e| e.name.to_string()),
    )
    .into_owned()
}

fn stop(out: &mut Out) -> Result<u8> {
    let path = plan_path()?;
    let removed = store::remove(&path).map_err(|e| {
        Error::failure(format!("cannot remove {}: {e}", path.display()))
            .with_hint("remove the file by hand")
    })?;
    if !removed {
        return Err(no_plan());
    }
    out.line("The plan is stopped. Your record is kept: backfix progress.")?;
    Ok(0)
}

/// Append the flare mark to the journal; returns its time.
pub fn record_flare() -> Result<chrono::NaiveDateTime> {
    let now = record_store::now();
    let rec = Record {
        time: now,
        entry: Entry::Checkin(CheckIn {
            flare: true,
            ..CheckIn::default()
        }),
    };
    record_store::append_here(&rec).map_err(|e| {
        Error::failure(format!("cannot mark the flare-up: {e}"))
            .with_hint("backfix paths shows where the journal is kept")
    })?;
    Ok(now)
}

/// Mark a flare-up starting now: a check-in with `flare: true` in the
/// journal. A running plan steps back when it next replays the record.
pub fn mark_flare(out: &mut Out, json: bool) -> Result<()> {
    let now = record_flare()?;
    let catalog = super::load_catalog();
    let mut warnings = Vec::new();
    let running = store::running(&catalog, now.date(), &mut warnings)?;
    for w in &warnings {
        output::warning(w);
    }
    let stepped: Vec<&Fired> = running
        .as_ref()
        .map(|r| {
            r.state
                .fired
                .iter()
                .filter(|f| {
                    f.day == now.date()
                        && (f.ruling.rule == Rule::Flare || f.about == plan::WALKING)
                })
                .collect()
        })
        .unwrap_or_default();
    if json {
        output::json(
            out,
            &serde_json::json!({
                "marked": now.format(crate::record::TIME_FORMAT).to_string(),
                "plan_running": running.is_some(),
                "stepped_back": stepped,
            }),
        )?;
        return Ok(());
    }
    out.line(&format!(
        "Marked a flare-up in your record ({}).",
        now.date()
    ))?;
    if running.is_some() {
        out.para(
            0,
            "Your plan steps back: smaller amounts for a week, then build up again. See backfix today.",
        )?;
        for f in stepped {
            out.hanging(
                2,
                "-",
                &format!(
                    "{}: {}",
                    about_name(&catalog, &f.about),
                    ruling_text(&catalog, &f.ruling)
                ),
                output::DIM,
            )?;
        }
    }
    Ok(())
}

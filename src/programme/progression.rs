//! Progression rules, pure: given what the person reported and the date
//! (a fake clock in tests), decide whether an exercise or the walking target
//! holds, progresses or steps back. Each rule returns a [`Ruling`]: a typed
//! [`Decision`], the [`Rule`] that fired, its source id (in
//! `data/sources.json`) and a plain explanation to show ("easier last 2
//! sessions, so 2 more reps").
//!
//! The rules, in the order they are applied to one exercise after a session:
//! 1. **Flare or too hard** steps back: a smaller amount (or the easier
//!    version at the smallest), held for a week (Sherwood Forest Hospitals
//!    Back Pain Unit: restart at an amount you could do every day).
//! 2. **Traffic light** (pain-monitoring model, Silbernagel 2007: pain during
//!    up to about 5/10, settled by the next morning, not rising week to week).
//!    Red (above 5, not settled, or rising) steps back; amber (3 to 5,
//!    settled) holds; green (0 to 2, settled) lets the next rules progress.
//!    The model was tested in Achilles tendinopathy: using it for back pain is
//!    an extrapolation, and the green band is backfix's choice (secondary
//!    sources put the "safe" band at 2 or 3).
//! 3. **A week at each amount** before a step up (Sherwood Forest Hospitals).
//! 4. **Too easy twice in a row** adds 2 reps (or 5 seconds of hold, or a
//!    minute), up to the top of the usual range (15 reps, 30 s: ACSM), then
//!    moves to the harder version.
//! 5. The harder version must be allowed for the complaint: the rules of
//!    [`crate::routine`] decide (never an exercise whose `avoid_in` names the
//!    complaint, no tensioner in sciatica, desk stays desk, one direction),
//!    and a **nerve tensioner** only after about two weeks of comfortable
//!    sliders ([`TENSIONER_AFTER_DAYS`]).
//!
//! Walking ([`walking_week`]) starts from the person's baseline and grows
//! about 10% a week (at least 1 minute, at most 5) towards 30 minutes on 5
//! days a week: a goal in line with the WHO activity guideline (150 minutes a
//! week), not the WalkBack trial's protocol, whose dose is unverified. The
//! 10% step is a cautious rule of thumb, not a tested dose.
//!
//! Pain that started under 6 weeks ago ([`start`]) gets the "stay active"
//! message first and a lighter (gentle) plan (NICE NG59).

use crate::catalog::Catalog;
use crate::model::Level;
use crate::model::{Complaint, Dose, Exercise, RoutineItem};
use crate::routine::plan::{self as routine, Barred};
use chrono::NaiveDate;
use serde::Serialize;

/// Pain during activity above this (0-10) is red (Silbernagel 2007).
pub const ACCEPTABLE_PAIN: u8 = 5;
/// Pain during activity up to this is green: progress may continue.
pub const GREEN_PAIN: u8 = 2;
/// Days an amount is kept before a step up (Sherwood Forest Hospitals).
pub const HOLD_DAYS: i64 = 7;
/// Days of comfortable sliders before a tensioner.
pub const TENSIONER_AFTER_DAYS: i64 = 14;
/// Reps added when a session was too easy twice in a row.
pub const ADD_REPS: u16 = 2;
/// The top of the usual repetition range (ACSM: 8-12, 10-15 for people new to it).
pub const MAX_REPS: u16 = 15;
/// Seconds added to a hold.
pub const ADD_HOLD: u16 = 5;
/// The longest hold before the harder version.
pub const MAX_HOLD: u16 = 30;
/// The walking goal: minutes a day...
pub const WALK_GOAL_MINUTES: u16 = 30;
/// ...on this many days a week (WHO 2020: 150 minutes a week).
pub const WALK_GOAL_DAYS: u8 = 5;
/// Sessions in a row that were too easy before a step up.
pub const EASY_TO_PROGRESS: u8 = 2;

pub const SRC_PAIN_MONITORING: &str = "silbernagel-2007";
pub const SRC_STEPS: &str = "sfh-exercise";
pub const SRC_RANGE: &str = "acsm";
pub const SRC_SLIDERS: &str = "ellis-2012";
pub const SRC_WALK_GOAL: &str = "who-2020-activity";
pub const SRC_STAY_ACTIVE: &str = "nice-ng59";

/// The source ids the rules cite.
pub const RULE_SOURCES: &[&str] = &[
    SRC_PAIN_MONITORING,
    SRC_STEPS,
    SRC_RANGE,
    SRC_SLIDERS,
    SRC_WALK_GOAL,
    SRC_STAY_ACTIVE,
];

/// A date as `YYYY-MM-DD` (chrono is built without its serde feature).
fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn iso_date_opt<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// How a session felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effort {
    TooEasy,
    Right,
    TooHard,
}

/// Pain around a session, as reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pain {
    /// Pain during the exercise, 0 to 10.
    pub during: u8,
    /// Whether it had settled (back to the usual level) by the next morning.
    pub settled_by_morning: bool,
    /// Whether pain or stiffness is rising week to week.
    pub rising: bool,
}

impl Pain {
    /// No pain, settled, not rising.
    pub const NONE: Pain = Pain {
        during: 0,
        settled_by_morning: true,
        rising: false,
    };

    pub fn during(during: u8) -> Pain {
        Pain {
            during,
            ..Pain::NONE
        }
    }
}

/// What the person reported after a session of one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Feedback {
    #[serde(serialize_with = "iso_date")]
    pub day: NaiveDate,
    pub effort: Effort,
    pub pain: Pain,
    /// A flare-up started.
    pub flare: bool,
}

/// The pain-monitoring traffic light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Light {
    /// 0 to 2 during, settled by the morning, not rising: progress may go on.
    Green,
    /// 3 to 5 during, settled, not rising: acceptable, keep the amount.
    Amber,
    /// Above 5, not settled by the morning, or rising week to week: step back.
    Red,
}

/// The traffic light for a pain report (Silbernagel 2007, as reproduced).
pub fn light(p: &Pain) -> Light {
    if p.during > ACCEPTABLE_PAIN || !p.settled_by_morning || p.rising {
        Light::Red
    } else if p.during > GREEN_PAIN {
        Light::Amber
    } else {
        Light::Green
    }
}

/// Which rule fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The traffic light (amber holds, red steps back).
    PainMonitoring,
    /// A flare-up steps back.
    Flare,
    /// "Too hard" steps back.
    TooHard,
    /// The session felt right (or easy only once): keep going.
    KeepGoing,
    /// An amount is kept for a week before a step up.
    WeekAtEachAmount,
    /// Too easy twice in a row: more reps, hold or time.
    TooEasyTwice,
    /// At the top of the range and too easy twice: the harder version.
    HarderVersion,
    /// The harder version is a tensioner and sliders have not been
    /// comfortable for long enough.
    TensionerAfterSliders,
    /// Nothing harder suits the complaint (or there is nothing harder).
    NothingHarder,
    /// Walking grows from the baseline towards the goal.
    WalkingGrowth,
    /// The walking goal is reached.
    WalkingGoal,
    /// Acute pain: stay active first, a lighter plan.
    StayActiveFirst,
    /// Pain for longer: the standard plan.
    StandardStart,
}

/// What to do next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "decision", rename_all = "kebab-case")]
pub enum Decision {
    /// Keep the exercise and amount.
    Hold,
    /// A larger amount of the same exercise.
    Progress { dose: Dose },
    /// The harder version, at its own starting dose.
    Harder { exercise: String, dose: Dose },
    /// A smaller amount of the same exercise.
    StepBack { dose: Dose },
    /// The easier version, at its own starting dose.
    Easier { exercise: String, dose: Dose },
    /// A new daily walking target, in minutes.
    Walk { minutes: u16 },
    /// Start the plan at this level.
    Start { level: Level },
}

/// A decision with its rule, source and explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ruling {
    pub rule: Rule,
    pub decision: Decision,
    /// Source id in `data/sources.json`.
    pub source: &'static str,
    /// In plain words, to show when the rule fires.
    pub why: String,
}

/// Where one exercise of the plan stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The routine item this stands for (its exercise id in the routine).
    pub item: String,
    /// The exercise done now: the item's, or a harder or easier version.
    pub exercise: String,
    pub dose: Dose,
    /// When this exercise and amount started.
    #[serde(serialize_with = "iso_date")]
    pub since: NaiveDate,
    /// Sessions in a row reported too easy (with green pain).
    pub easy_streak: u8,
    /// The first day of the current run of comfortable (green) sessions.
    #[serde(serialize_with = "iso_date_opt")]
    pub comfortable_since: Option<NaiveDate>,
}

impl Progress {
    /// A routine item at its planned dose, from `day`.
    pub fn new(item: &str, exercise: &str, dose: Dose, day: NaiveDate) -> Progress {
        Progress {
            item: item.to_string(),
            exercise: exercise.to_string(),
            dose,
            since: day,
            easy_streak: 0,
            comfortable_since: None,
        }
    }

    /// Days of comfortable sessions up to `today` (0 without a run).
    pub fn comfortable_days(&self, today: NaiveDate) -> i64 {
        self.comfortable_since
            .map_or(0, |d| (today - d).num_days().max(0))
    }
}

fn ruling(rule: Rule, decision: Decision, source: &'static str, why: String) -> Ruling {
    Ruling {
        rule,
        decision,
        source,
        why,
    }
}

/// The dose one step up, or `None` at the top of the range.
fn step_up(d: &Dose, base: &Dose) -> Option<(Dose, String)> {
    if let Some(reps) = d.reps {
        let top = MAX_REPS.max(base.reps.unwrap_or(0));
        if reps >= top {
            return None;
        }
        let new = (reps + ADD_REPS).min(top);
        let more = new - reps;
        return Some((
            Dose {
                reps: Some(new),
                ..d.clone()
            },
            format!("{more} more rep{}", if more == 1 { "" } else { "s" }),
        ));
    }
    if let Some(hold) = d.hold_seconds {
        let top = MAX_HOLD.max(base.hold_seconds.unwrap_or(0));
        if hold >= top {
            return None;
        }
        let new = (hold + ADD_HOLD).min(top);
        return Some((
            Dose {
                hold_seconds: Some(new),
                ..d.clone()
            },
            format!("{} more seconds of hold", new - hold),
        ));
    }
    if let Some(m) = d.minutes {
        let top = base.minutes.unwrap_or(m).max(1);
        if m >= top {
            return None;
        }
        return Some((
            Dose {
                minutes: Some(m + 1),
                ..d.clone()
            },
            "1 more minute".to_string(),
        ));
    }
    None
}

/// The dose one step down, or `None` at the smallest.
fn step_down(d: &Dose) -> Option<(Dose, String)> {
    if let Some(reps) = d.reps.filter(|&r| r > 3) {
        let new = reps.saturating_sub(ADD_REPS).max(3);
        return Some((
            Dose {
                reps: Some(new),
                ..d.clone()
            },
            format!("{} fewer reps", reps - new),
        ));
    }
    if let Some(hold) = d.hold_seconds.filter(|&h| h > 5) {
        let new = hold.saturating_sub(ADD_HOLD).max(5);
        return Some((
            Dose {
                hold_seconds: Some(new),
                ..d.clone()
            },
            format!("{} fewer seconds of hold", hold - new),
        ));
    }
    if let Some(m) = d.minutes.filter(|&m| m > 1) {
        let new = m - (m / 3).max(1);
        return Some((
            Dose {
                minutes: Some(new),
                ..d.clone()
            },
            format!("{} fewer minutes", m - new),
        ));
    }
    None
}

/// Whether `v` may replace the routine item for the complaint: `Ok` when it
/// may, `Err(Some(days))` for a tensioner that needs that many more days of
/// comfortable sliders, `Err(None)` when the routine's rules bar it.
///
/// The routine's own rules decide ([`routine::substitute_barred`]); the one
/// thing relaxed is its blanket "a swap never brings a tensioner": here a
/// tensioner the complaint allows ([`routine::barred`] finds nothing) comes
/// after [`TENSIONER_AFTER_DAYS`] of comfortable sliders.
pub fn may_use(
    v: &Exercise,
    item: &RoutineItem,
    complaint: &str,
    comfortable_days: i64,
) -> Result<(), Option<i64>> {
    match routine::substitute_barred(v, item, complaint) {
        None => Ok(()),
        Some(Barred::Tensioner) if routine::barred(v, Some(complaint)).is_none() => {
            if comfortable_days >= TENSIONER_AFTER_DAYS {
                Ok(())
            } else {
                Err(Some(TENSIONER_AFTER_DAYS - comfortable_days))
            }
        }
        Some(_) => Err(None),
    }
}

/// The routine item a progress entry stands for.
fn item_of<'a>(complaint: &'a Complaint, p: &Progress) -> Option<&'a RoutineItem> {
    complaint.items.iter().find(|i| i.exercise == p.item)
}

fn name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.exercise(id).map_or(id, |e| &e.name)
}

/// Step back: a smaller amount, or the easier version (that the rules allow)
/// at the smallest, or the smallest amount held.
fn step_back(
    catalog: &Catalog,
    complaint: &Complaint,
    p: &Progress,
    rule: Rule,
    source: &'static str,
    reason: &str,
    today: NaiveDate,
) -> (Progress, Ruling) {
    let mut next = Progress {
        since: today,
        easy_streak: 0,
        comfortable_since: None,
        ..p.clone()
    };
    if let Some((dose, what)) = step_down(&p.dose) {
        next.dose = dose.clone();
        let why = format!(
            "{reason}, so {what}; keep this amount for a week, then build up in small steps"
        );
        return (next, ruling(rule, Decision::StepBack { dose }, source, why));
    }
    let easier = catalog.exercise(&p.exercise).and_then(|e| {
        let item = item_of(complaint, p)?;
        e.easier
            .iter()
            .filter_map(|id| catalog.exercise(id))
            .find(|v| may_use(v, item, &complaint.id, 0).is_ok())
    });
    if let Some(v) = easier {
        next.exercise = v.id.to_string();
        next.dose = v.dose.clone();
        let why = format!(
            "{reason} at the smallest amount, so the easier {} instead; keep it for a week",
            v.name
        );
        let decision = Decision::Easier {
            exercise: v.id.to_string(),
            dose: v.dose.clone(),
        };
        return (next, ruling(rule, decision, source, why));
    }
    let why =
        format!("{reason}, and this is already the smallest amount: keep it, gently, for a week");
    (next, ruling(rule, Decision::Hold, source, why))
}

/// The next step for one exercise after a session, with the rule that
/// decided it. `today` is the fake clock's date (normally `fb.day`).
pub fn after_session(
    catalog: &Catalog,
    complaint: &Complaint,
    p: &Progress,
    fb: &Feedback,
    today: NaiveDate,
) -> (Progress, Ruling) {
    let lit = light(&fb.pain);
    if fb.flare {
        return step_back(
            catalog,
            complaint,
            p,
            Rule::Flare,
            SRC_STEPS,
            "a flare-up",
            today,
        );
    }
    if lit == Light::Red {
        let reason = if fb.pain.during > ACCEPTABLE_PAIN {
            format!(
                "pain {}/10 during is above the acceptable {ACCEPTABLE_PAIN}/10",
                fb.pain.during
            )
        } else if !fb.pain.settled_by_morning {
            "pain had not settled by the next morning".to_string()
        } else {
            "pain is rising week to week".to_string()
        };
        return step_back(
            catalog,
            complaint,
            p,
            Rule::PainMonitoring,
            SRC_PAIN_MONITORING,
            &reason,
            today,
        );
    }
    if fb.effort == Effort::TooHard {
        return step_back(
            catalog,
            complaint,
            p,
            Rule::TooHard,
            SRC_STEPS,
            "too hard last session",
            today,
        );
    }
    let mut next = p.clone();
    if lit == Light::Amber {
        next.easy_streak = 0;
        next.comfortable_since = None;
        let why = format!(
            "pain {}/10 during: acceptable if it settles by the next morning, so keep this amount",
            fb.pain.during
        );
        return (
            next,
            ruling(
                Rule::PainMonitoring,
                Decision::Hold,
                SRC_PAIN_MONITORING,
                why,
            ),
        );
    }
    // Green.
    next.comfortable_since.get_or_insert(today);
    if fb.effort != Effort::TooEasy {
        next.easy_streak = 0;
        let why = "felt about right, with little pain: keep this amount".to_string();
        return (
            next,
            ruling(Rule::KeepGoing, Decision::Hold, SRC_STEPS, why),
        );
    }
    next.easy_streak = next.easy_streak.saturating_add(1);
    if next.easy_streak < EASY_TO_PROGRESS {
        let why = "easier once: one more easy session before a step up".to_string();
        return (
            next,
            ruling(Rule::KeepGoing, Decision::Hold, SRC_STEPS, why),
        );
    }
    let held = (today - p.since).num_days();
    if held < HOLD_DAYS {
        let left = HOLD_DAYS - held;
        let why = format!(
            "easier last {} sessions, but this amount started {held} day{} ago: keep it for a week before a step up ({left} more day{})",
            next.easy_streak,
            if held == 1 { "" } else { "s" },
            if left == 1 { "" } else { "s" }
        );
        return (
            next,
            ruling(Rule::WeekAtEachAmount, Decision::Hold, SRC_STEPS, why),
        );
    }
    let base = catalog
        .exercise(&p.exercise)
        .map_or_else(|| p.dose.clone(), |e| e.dose.clone());
    if let Some((dose, what)) = step_up(&p.dose, &base) {
        let why = format!("easier last {} sessions, so {what}", next.easy_streak);
        next.dose = dose.clone();
        next.since = today;
        next.easy_streak = 0;
        return (
            next,
            ruling(
                Rule::TooEasyTwice,
                Decision::Progress { dose },
                SRC_STEPS,
                why,
            ),
        );
    }
    harder(catalog, complaint, p, next, today)
}

/// At the top of the range: the first harder version the rules allow.
fn harder(
    catalog: &Catalog,
    complaint: &Complaint,
    p: &Progress,
    mut next: Progress,
    today: NaiveDate,
) -> (Progress, Ruling) {
    let here = name(catalog, &p.exercise).to_string();
    let (Some(e), Some(item)) = (catalog.exercise(&p.exercise), item_of(complaint, p)) else {
        let why = format!("at the top of the range for {here}: keep it up");
        return (
            next,
            ruling(Rule::NothingHarder, Decision::Hold, SRC_RANGE, why),
        );
    };
    let comfortable = next.comfortable_days(today);
    let mut waiting: Option<(&Exercise, i64)> = None;
    let mut barred: Vec<&Exercise> = Vec::new();
    let mut in_plan: Vec<&Exercise> = Vec::new();
    for v in e.harder.iter().filter_map(|id| catalog.exercise(id)) {
        // A version that is already an item of the routine is done anyway.
        if complaint.items.iter().any(|i| i.exercise == v.id) {
            in_plan.push(v);
            continue;
        }
        match may_use(v, item, &complaint.id, comfortable) {
            Ok(()) => {
                next.exercise = v.id.to_string();
                next.dose = v.dose.clone();
                next.since = today;
                next.easy_streak = 0;
                next.comfortable_since = None;
                let why = format!(
                    "easier last {EASY_TO_PROGRESS} sessions at the top of the range for {here}, so on to {}",
                    v.name
                );
                let decision = Decision::Harder {
                    exercise: v.id.to_string(),
                    dose: v.dose.clone(),
                };
                return (next, ruling(Rule::HarderVersion, decision, SRC_RANGE, why));
            }
            Err(Some(days)) => {
                waiting.get_or_insert((v, days));
            }
            Err(None) => barred.push(v),
        }
    }
    if let Some((v, days)) = waiting {
        let why = format!(
            "{} waits until sliders have been comfortable for about two weeks ({comfortable} day{} so far, {days} to go)",
            v.name,
            if comfortable == 1 { "" } else { "s" }
        );
        return (
            next,
            ruling(
                Rule::TensionerAfterSliders,
                Decision::Hold,
                SRC_SLIDERS,
                why,
            ),
        );
    }
    let why = match (barred.first(), in_plan.first()) {
        (Some(v), _) => format!(
            "at the top of the range for {here}; the harder {} is not advised for {}, so keep this up",
            v.name, complaint.name
        ),
        (None, Some(v)) => format!(
            "at the top of the range for {here}; its harder version, {}, is already in your plan: keep both up",
            v.name
        ),
        (None, None) => {
            format!("at the top of the range for {here}, which has no harder version: keep it up")
        }
    };
    (
        next,
        ruling(Rule::NothingHarder, Decision::Hold, SRC_RANGE, why),
    )
}

/// Where walking stands: minutes a day on walking days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Walking {
    /// What the person could walk comfortably at the start.
    pub baseline: u16,
    /// Today's target, minutes a day.
    pub minutes: u16,
    /// When this target started.
    #[serde(serialize_with = "iso_date")]
    pub since: NaiveDate,
}

impl Walking {
    pub fn new(baseline: u16, day: NaiveDate) -> Walking {
        let baseline = baseline.max(1);
        Walking {
            baseline,
            minutes: baseline.min(WALK_GOAL_MINUTES),
            since: day,
        }
    }
}

/// How walking went over the past week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WalkWeek {
    pub pain: Pain,
    pub flare: bool,
}

/// The walking step for the week: about 10% more (1 to 5 minutes) after a
/// green week held for 7 days, towards [`WALK_GOAL_MINUTES`]; amber holds;
/// red or a flare steps back by about a third.
pub fn walking_week(w: &Walking, week: &WalkWeek, today: NaiveDate) -> (Walking, Ruling) {
    let lit = light(&week.pain);
    let mut next = w.clone();
    if week.flare || lit == Light::Red {
        let new = w.minutes.saturating_sub((w.minutes / 3).max(1)).max(1);
        next.minutes = new;
        next.since = today;
        let reason = if week.flare {
            "a flare-up"
        } else {
            "pain was above the acceptable level, or had not settled by the morning"
        };
        let why = format!(
            "{reason}, so walking steps back to {new} minutes a day; keep it for a week, then build up again"
        );
        let source = if week.flare {
            SRC_STEPS
        } else {
            SRC_PAIN_MONITORING
        };
        return (
            next,
            ruling(
                Rule::WalkingGrowth,
                Decision::Walk { minutes: new },
                source,
                why,
            ),
        );
    }
    if w.minutes >= WALK_GOAL_MINUTES {
        let why = format!(
            "{WALK_GOAL_MINUTES} minutes a day on {WALK_GOAL_DAYS} days a week is the goal: keep it up"
        );
        return (
            next,
            ruling(Rule::WalkingGoal, Decision::Hold, SRC_WALK_GOAL, why),
        );
    }
    if lit == Light::Amber {
        let why = format!(
            "pain {}/10 while walking: acceptable if it settles by the next morning; keep {} minutes a day this week",
            week.pain.during, w.minutes
        );
        return (
            next,
            ruling(
                Rule::PainMonitoring,
                Decision::Hold,
                SRC_PAIN_MONITORING,
                why,
            ),
        );
    }
    let held = (today - w.since).num_days();
    if held < HOLD_DAYS {
        let why = format!(
            "{} minutes a day since {held} day{} ago: keep it for a week before adding",
            w.minutes,
            if held == 1 { "" } else { "s" }
        );
        return (
            next,
            ruling(Rule::WeekAtEachAmount, Decision::Hold, SRC_STEPS, why),
        );
    }
    let step = w.minutes.div_ceil(10).clamp(1, 5);
    let new = (w.minutes + step).min(WALK_GOAL_MINUTES);
    next.minutes = new;
    next.since = today;
    let why = format!(
        "a comfortable week, so {} more minute{}: {new} minutes a day, towards {WALK_GOAL_MINUTES} on {WALK_GOAL_DAYS} days a week",
        new - w.minutes,
        if new - w.minutes == 1 { "" } else { "s" }
    );
    (
        next,
        // The step itself is the NHS trust's "small steps after a week";
        // WalkBack's own dose steps are unverified, so it is not cited for them.
        ruling(
            Rule::WalkingGrowth,
            Decision::Walk { minutes: new },
            SRC_STEPS,
            why,
        ),
    )
}

/// How long the pain has lasted, as asked when a plan starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duration {
    /// Under 6 weeks.
    UnderSixWeeks,
    /// 6 to 12 weeks.
    SixToTwelveWeeks,
    /// Over 12 weeks.
    OverTwelveWeeks,
}

/// The message every acute plan leads with.
pub const STAY_ACTIVE: &str = "Stay active: keep up your normal activities as much as you can, including work; bed rest does not help. Most new back pain eases a lot within weeks.";

/// How a plan starts: acute pain gets the stay-active message first and the
/// gentle level; longer pain the standard level.
pub fn start(duration: Duration) -> Ruling {
    match duration {
        Duration::UnderSixWeeks => ruling(
            Rule::StayActiveFirst,
            Decision::Start {
                level: Level::Gentle,
            },
            SRC_STAY_ACTIVE,
            format!("pain for under 6 weeks: {STAY_ACTIVE} The plan starts at the gentle level."),
        ),
        _ => ruling(
            Rule::StandardStart,
            Decision::Start {
                level: Level::Standard,
            },
            SRC_STAY_ACTIVE,
            "pain for 6 weeks or more: the standard level, built up week by week".to_string(),
        ),
    }
}

/// A programme's exercises and walking at the start, from the complaint's
/// routine as [`routine::build`] plans it (so every routine rule holds):
/// walking becomes the walking target, the rest are tracked one by one. The
/// either/or choice is left to the caller (it needs the person's direction):
/// pass `direction` to get one direction's exercises.
pub fn programme_start(
    catalog: &Catalog,
    complaint: &Complaint,
    duration: Duration,
    direction: Option<crate::model::Direction>,
    walk_baseline: u16,
    today: NaiveDate,
) -> (Vec<Progress>, Walking, Ruling) {
    let first = start(duration);
    let level = match first.decision {
        Decision::Start { level } => level,
        _ => Level::Standard,
    };
    let plan = match routine::build(catalog, complaint, level, direction, None) {
        Ok(p) => p,
        Err(short) => *short.shortest,
    };
    let is_walk = |id: &str| {
        catalog
            .exercise(id)
            .is_some_and(|e| e.tags.iter().any(|t| t == "walking"))
    };
    let mut planned: Vec<&routine::Planned> = plan.items.iter().collect();
    if let Some(c) = &plan.choice {
        planned.extend(c.options.iter());
    }
    let exercises = planned
        .into_iter()
        // Walking (or the gentler version standing in for it) is the walking target.
        .filter(|p| !is_walk(&p.id) && !p.swapped_from.as_deref().is_some_and(is_walk))
        .filter(|p| {
            !catalog
                .exercise(&p.id)
                .is_some_and(routine::is_direction_check)
        })
        .map(|p| {
            let item = p.swapped_from.clone().unwrap_or_else(|| p.id.clone());
            Progress::new(&item, &p.id, p.dose.clone(), today)
        })
        .collect();
    (exercises, Walking::new(walk_baseline, today), first)
}

#[cfg(test)]
mod tests;

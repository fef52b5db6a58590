//! The running plan, pure: what was chosen at the start ([`Spec`], the only
//! thing stored, see [`super::store`]), and everything else derived from the
//! recovery record by replaying it through the progression rules
//! ([`replay`]): each exercise's amount, the walking target, the rulings
//! that fired and why. "Today" ([`today`]) and the reminder's suggestions
//! ([`reminder_suggestions`]) are views of that state on a date.
//!
//! Replay, in time order from the plan's first day:
//! - a session with a feel or a pain rating is feedback for each plan
//!   exercise it covered (an exercise session: that exercise; the
//!   complaint's routine: what guided mode says was done, else every plan
//!   exercise not skipped) and goes through
//!   [`super::progression::after_session`]; a session with neither is only
//!   counted;
//! - a check-in marked as a flare steps every exercise back (a flare
//!   feedback) and walking too ([`super::progression::walking_week`] with a
//!   flare);
//! - on each plan week's first day, walking takes its weekly step from the
//!   walks recorded the week before (`backfix done walking`, or Done on a
//!   reminder that suggested walking); a week without a recorded walk keeps
//!   the target.
//!
//! Pain "settled by the next morning" (the traffic light's second question)
//! comes from the first check-in after a painful session that answers it
//! (`backfix log --settled yes|no`, asked by `log` and shown by `today` the
//! day after, see [`crate::record::awaiting_settled`]); unanswered, it is
//! taken as settled, and a flare check-in still steps everything back.

use super::progression::{
    self as rules, Decision, Duration, Effort, Feedback, Pain, Progress, Rule, Ruling, WalkWeek,
    Walking,
};
use crate::catalog::Catalog;
use crate::model::{Complaint, Dose};
use crate::record::{Entry, Feel, Record};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The plan file's format version.
pub const VERSION: u32 = 1;
/// The exercise whose sessions count as walks.
pub const WALKING: &str = "walking";
/// The days of each plan week (0 = the plan's first day) that have a
/// session: three a week, a day apart, like `progress`'s weekly target.
pub const SESSION_DAYS: [i64; 3] = [0, 2, 4];
/// The most activities to get back to.
pub const MAX_GOALS: usize = 3;
/// Days a flare is shown in `today` after it was marked.
pub const FLARE_SHOWN_DAYS: i64 = 7;
/// Days between check-ins before `today` nudges.
pub const CHECKIN_EVERY_DAYS: i64 = 7;

/// How long the pain has lasted, as asked at the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
pub enum Lasted {
    /// Under 6 weeks.
    #[serde(rename = "under-6w")]
    #[value(name = "under-6w")]
    UnderSixWeeks,
    /// 6 to 12 weeks.
    #[serde(rename = "6-12w")]
    #[value(name = "6-12w")]
    SixToTwelveWeeks,
    /// Over 12 weeks.
    #[serde(rename = "over-12w")]
    #[value(name = "over-12w")]
    OverTwelveWeeks,
}

impl Lasted {
    pub fn duration(self) -> Duration {
        match self {
            Lasted::UnderSixWeeks => Duration::UnderSixWeeks,
            Lasted::SixToTwelveWeeks => Duration::SixToTwelveWeeks,
            Lasted::OverTwelveWeeks => Duration::OverTwelveWeeks,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Lasted::UnderSixWeeks => "under 6 weeks",
            Lasted::SixToTwelveWeeks => "6 to 12 weeks",
            Lasted::OverTwelveWeeks => "over 12 weeks",
        }
    }
}

/// What the person chose at the start: all that is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    pub v: u32,
    /// The first day, `YYYY-MM-DD`.
    pub started: String,
    /// The complaint's id.
    pub complaint: String,
    pub lasted: Lasted,
    /// Minutes of walking a day the person could manage at the start.
    pub walk_minutes: u16,
    /// 1 to 3 activities to get back to.
    #[serde(default)]
    pub goals: Vec<String>,
    /// The person's direction (from the routine's direction check), if
    /// known: that direction's exercises join the plan. Without it, the
    /// routine's either/or exercises are left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<crate::model::Direction>,
}

impl Spec {
    /// The first day, if the stored date reads.
    pub fn start_date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&self.started, "%Y-%m-%d").ok()
    }
}

/// A ruling with the day it fired and what it was about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fired {
    #[serde(serialize_with = "iso_date")]
    pub day: NaiveDate,
    /// The plan exercise's item id, or `walking`.
    pub about: String,
    #[serde(flatten)]
    pub ruling: Ruling,
}

fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// The plan's state on a day: the result of [`replay`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct State {
    pub complaint: String,
    #[serde(serialize_with = "iso_date")]
    pub started: NaiveDate,
    /// How the plan started (stay active first, or the standard level).
    pub start: Ruling,
    pub exercises: Vec<Progress>,
    pub walking: Walking,
    /// Every ruling that fired, in order.
    pub fired: Vec<Fired>,
    /// Days marked as a flare.
    #[serde(skip)]
    pub flares: Vec<NaiveDate>,
    /// Sessions recorded since the start (with or without feedback).
    pub sessions: usize,
    /// Walks recorded since the start.
    pub walks: usize,
    /// Whether the routine's direction exercises were left out (no
    /// direction given).
    pub direction_left_out: bool,
}

/// Something in the record that moves the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Happening {
    /// Feedback on these plan exercises (exercise ids as done).
    Session {
        exercises: Vec<String>,
        feel: Option<Feel>,
        pain: Option<u8>,
        /// Whether its pain had settled by the next morning (unanswered:
        /// taken as settled).
        settled: bool,
    },
    /// A flare-up was marked.
    Flare,
    /// A walk, with its pain rating if one was given.
    Walk { pain: Option<u8> },
}

/// The happenings in a record, with their times, for a plan of
/// `exercises` (the exercise ids done now and the items they stand for).
/// `walk_done` are the times a reminder suggesting walking got Done;
/// `journal` is the whole record, where the "settled by the next morning"
/// answers that follow a session are looked up.
pub fn happenings(
    complaint: &str,
    exercises: &[(&str, &str)],
    records: &[Record],
    walk_done: &[NaiveDateTime],
    journal: &[Record],
) -> Vec<(NaiveDateTime, Happening)> {
    let mut out = Vec::new();
    for r in records {
        match &r.entry {
            Entry::Checkin(c) if c.flare => out.push((r.time, Happening::Flare)),
            Entry::Session(s) => {
                let pain = s.pain_during.map(crate::record::Score::get);
                if s.exercise.as_deref() == Some(WALKING) {
                    out.push((r.time, Happening::Walk { pain }));
                    continue;
                }
                let covered: Vec<String> = if let Some(e) = &s.exercise {
                    exercises
                        .iter()
                        .filter(|(now, item)| now == e || item == e)
                        .map(|(now, _)| (*now).to_string())
                        .collect()
                } else if s.routine.as_deref() == Some(complaint) {
                    exercises
                        .iter()
                        .filter(|(now, item)| {
                            if s.done.is_empty() {
                                !s.skipped.iter().any(|x| x == now || x == item)
                            } else {
                                s.done.iter().any(|x| x == now || x == item)
                            }
                        })
                        .map(|(now, _)| (*now).to_string())
                        .collect()
                } else {
                    Vec::new()
                };
                if s.done.iter().any(|x| x == WALKING) {
                    out.push((r.time, Happening::Walk { pain }));
                }
                out.push((
                    r.time,
                    Happening::Session {
                        exercises: covered,
                        feel: s.feel,
                        pain,
                        settled: crate::record::settled_after(journal, r.time).unwrap_or(true),
                    },
                ));
            }
            _ => {}
        }
    }
    for t in walk_done {
        out.push((*t, Happening::Walk { pain: None }));
    }
    out.sort_by_key(|(t, _)| *t);
    out
}

fn effort(f: Feel) -> Effort {
    match f {
        Feel::TooEasy => Effort::TooEasy,
        Feel::AboutRight => Effort::Right,
        Feel::TooHard => Effort::TooHard,
    }
}

/// The plan's state on `today`: [`super::progression::programme_start`],
/// then every happening up to the end of `today`, in order (see the module
/// documentation).
pub fn replay(
    catalog: &Catalog,
    complaint: &Complaint,
    spec: &Spec,
    started: NaiveDate,
    records: &[Record],
    walk_done: &[NaiveDateTime],
    today: NaiveDate,
) -> State {
    let (exercises, walking, start) = rules::programme_start(
        catalog,
        complaint,
        spec.lasted.duration(),
        spec.direction,
        spec.walk_minutes,
        started,
    );
    // One direction per plan: without the person's direction, the routine's
    // either/or exercises are left out of the plan (the direction check in
    // `backfix routine` finds it), never both done.
    let level = match start.decision {
        Decision::Start { level } => level,
        _ => crate::model::Level::Standard,
    };
    let choice = if spec.direction.is_some() {
        Vec::new()
    } else {
        direction_choice(catalog, complaint, level)
    };
    let exercises: Vec<Progress> = exercises
        .into_iter()
        .filter(|p| !choice.contains(&p.exercise))
        .collect();
    let mut st = State {
        complaint: complaint.id.to_string(),
        started,
        start,
        exercises,
        walking,
        fired: Vec::new(),
        flares: Vec::new(),
        sessions: 0,
        walks: 0,
        direction_left_out: !choice.is_empty(),
    };
    // Which exercises a session covers is decided against the plan as it
    // stood then (an exercise may have moved to its harder version since).
    let mut week_walks: Vec<Option<u8>> = Vec::new();
    let mut next_week = started + chrono::Duration::days(7);
    let all: Vec<Record> = records
        .iter()
        .filter(|r| r.date() >= started && r.date() <= today)
        .cloned()
        .collect();
    let mut pending: Vec<(NaiveDateTime, Happening)> = Vec::new();
    // Happenings depend on the plan's exercises, which change: recompute
    // coverage per record, one record at a time.
    let walk_done: Vec<NaiveDateTime> = walk_done
        .iter()
        .copied()
        .filter(|t| t.date() >= started && t.date() <= today)
        .collect();
    let mut walk_iter = walk_done.iter().peekable();
    for r in &all {
        while let Some(t) = walk_iter.peek() {
            if **t <= r.time {
                pending.push((**t, Happening::Walk { pain: None }));
                walk_iter.next();
            } else {
                break;
            }
        }
        let ids: Vec<(String, String)> = st
            .exercises
            .iter()
            .map(|p| (p.exercise.clone(), p.item.clone()))
            .collect();
        let pairs: Vec<(&str, &str)> = ids.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        pending.extend(happenings(
            &complaint.id,
            &pairs,
            std::slice::from_ref(r),
            &[],
            &all,
        ));
        for (t, h) in pending.drain(..) {
            apply(
                catalog,
                complaint,
                &mut st,
                &mut week_walks,
                &mut next_week,
                t,
                h,
            );
        }
    }
    for t in walk_iter {
        apply(
            catalog,
            complaint,
            &mut st,
            &mut week_walks,
            &mut next_week,
            *t,
            Happening::Walk { pain: None },
        );
    }
    weeks_up_to(&mut st, &mut week_walks, &mut next_week, today);
    st
}

/// The routine's either/or exercises (one direction or the other), by id.
pub fn direction_choice(
    catalog: &Catalog,
    complaint: &Complaint,
    level: crate::model::Level,
) -> Vec<String> {
    match crate::routine::plan::build(catalog, complaint, level, None, None) {
        Ok(p) => p,
        Err(short) => *short.shortest,
    }
    .choice
    .map(|c| c.options.iter().map(|o| o.id.clone()).collect())
    .unwrap_or_default()
}

/// Take the weekly walking steps for every week that began by `day`.
fn weeks_up_to(
    st: &mut State,
    week_walks: &mut Vec<Option<u8>>,
    next_week: &mut NaiveDate,
    day: NaiveDate,
) {
    while *next_week <= day {
        let w = *next_week;
        if week_walks.is_empty() {
            let why = format!(
                "no walk recorded last week, so keep {} minutes a day (record one with `backfix done walking --minutes N`)",
                st.walking.minutes
            );
            st.fired.push(Fired {
                day: w,
                about: WALKING.into(),
                ruling: Ruling {
                    rule: Rule::WeekAtEachAmount,
                    decision: Decision::Hold,
                    source: rules::SRC_STEPS,
                    why,
                },
            });
        } else {
            let worst = week_walks.iter().flatten().copied().max().unwrap_or(0);
            let week = WalkWeek {
                pain: Pain::during(worst),
                flare: false,
            };
            let (next, ruling) = rules::walking_week(&st.walking, &week, w);
            st.walking = next;
            st.fired.push(Fired {
                day: w,
                about: WALKING.into(),
                ruling,
            });
        }
        week_walks.clear();
        *next_week = w + chrono::Duration::days(7);
    }
}

fn apply(
    catalog: &Catalog,
    complaint: &Complaint,
    st: &mut State,
    week_walks: &mut Vec<Option<u8>>,
    next_week: &mut NaiveDate,
    t: NaiveDateTime,
    h: Happening,
) {
    let day = t.date();
    weeks_up_to(st, week_walks, next_week, day);
    match h {
        Happening::Walk { pain } => {
            st.walks += 1;
            week_walks.push(pain);
        }
        Happening::Flare => {
            st.flares.push(day);
            let fb = Feedback {
                day,
                effort: Effort::Right,
                pain: Pain::NONE,
                flare: true,
            };
            for p in &mut st.exercises {
                let (next, ruling) = rules::after_session(catalog, complaint, p, &fb, day);
                st.fired.push(Fired {
                    day,
                    about: p.item.clone(),
                    ruling,
                });
                *p = next;
            }
            let (next, ruling) = rules::walking_week(
                &st.walking,
                &WalkWeek {
                    pain: Pain::NONE,
                    flare: true,
                },
                day,
            );
            st.walking = next;
            st.fired.push(Fired {
                day,
                about: WALKING.into(),
                ruling,
            });
            // The week of the flare does not count towards growth.
            week_walks.clear();
        }
        Happening::Session {
            exercises,
            feel,
            pain,
            settled,
        } => {
            st.sessions += 1;
            if feel.is_none() && pain.is_none() {
                return;
            }
            let fb = Feedback {
                day,
                effort: feel.map_or(Effort::Right, effort),
                pain: Pain {
                    settled_by_morning: settled,
                    ..Pain::during(pain.unwrap_or(0))
                },
                flare: false,
            };
            for p in st
                .exercises
                .iter_mut()
                .filter(|p| exercises.contains(&p.exercise))
            {
                let (next, ruling) = rules::after_session(catalog, complaint, p, &fb, day);
                st.fired.push(Fired {
                    day,
                    about: p.item.clone(),
                    ruling,
                });
                *p = next;
            }
        }
    }
}

/// One exercise as today's session has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayExercise {
    pub id: String,
    pub name: String,
    /// The routine item it stands for, when it is a harder or easier version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instead_of: Option<String>,
    pub dose: Dose,
    /// The dose in words.
    pub amount: String,
    /// The latest rule that fired for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<Fired>,
}

/// What today holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Today {
    #[serde(serialize_with = "iso_date")]
    pub date: NaiveDate,
    /// Days since the start (0 = the first day).
    pub day: i64,
    /// The plan's week, from 1.
    pub week: i64,
    /// Whether today has an exercise session (else it is a rest day).
    pub session: bool,
    pub exercises: Vec<TodayExercise>,
    /// Minutes of walking today.
    pub walk_minutes: u16,
    /// The latest rule that fired for walking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub walking_rule: Option<Fired>,
    /// The day of a flare marked in the past week.
    #[serde(
        serialize_with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub flare: Option<NaiveDate>,
    /// The lesson offered (an unread one when there is one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    /// Whether a check-in is due (none in the past week).
    pub checkin_due: bool,
    /// A painful session whose next morning is to be reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settled_question: Option<crate::record::Unsettled>,
}

fn iso_date_opt<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// Whether plan day `n` (0 = the first) has a session.
pub fn is_session_day(n: i64) -> bool {
    SESSION_DAYS.contains(&n.rem_euclid(7))
}

/// The lesson for plan day `n`: the day's lesson (the lessons in order) if
/// unread, else the next unread one after it, else the day's lesson.
pub fn lesson_for(n: i64, lessons: &[&str], read: &[String]) -> Option<String> {
    if lessons.is_empty() {
        return None;
    }
    let start = usize::try_from(n.max(0)).unwrap_or(0) % lessons.len();
    (0..lessons.len())
        .map(|k| lessons[(start + k) % lessons.len()])
        .find(|id| !read.iter().any(|r| r == id))
        .or(Some(lessons[start]))
        .map(str::to_string)
}

/// The day's view of the plan. `records` is the whole journal (for the
/// lessons read and the last check-in); `lessons` the lesson ids in order.
pub fn today(
    catalog: &Catalog,
    st: &State,
    records: &[Record],
    lessons: &[&str],
    date: NaiveDate,
) -> Today {
    let day = (date - st.started).num_days().max(0);
    let latest = |about: &str| st.fired.iter().rev().find(|f| f.about == about).cloned();
    let exercises = st
        .exercises
        .iter()
        .map(|p| TodayExercise {
            id: p.exercise.clone(),
            name: catalog
                .exercise(&p.exercise)
                .map_or_else(|| p.exercise.clone(), |e| e.name.to_string()),
            instead_of: (p.item != p.exercise).then(|| p.item.clone()),
            dose: p.dose.clone(),
            amount: crate::routine::dose::amount(&p.dose),
            latest: latest(&p.item),
        })
        .collect();
    let read: Vec<String> = records
        .iter()
        .filter_map(|r| match &r.entry {
            Entry::Lesson(l) => Some(l.lesson.clone()),
            _ => None,
        })
        .collect();
    let last_checkin = records
        .iter()
        // A rating, not a flare mark alone.
        .filter(|r| {
            matches!(&r.entry, Entry::Checkin(c)
                if c.pain.is_some() || c.interference.is_some() || !c.activities.is_empty())
                && r.date() <= date
        })
        .map(Record::date)
        .max();
    Today {
        date,
        day,
        week: day / 7 + 1,
        session: is_session_day(day),
        exercises,
        walk_minutes: st.walking.minutes,
        walking_rule: latest(WALKING),
        flare: st
            .flares
            .iter()
            .rev()
            .find(|d| (date - **d).num_days() < FLARE_SHOWN_DAYS)
            .copied(),
        lesson: lesson_for(day, lessons, &read),
        checkin_due: last_checkin.is_none_or(|d| (date - d).num_days() >= CHECKIN_EVERY_DAYS),
        settled_question: date
            .and_hms_opt(23, 59, 59)
            .and_then(|end| crate::record::awaiting_settled(records, end)),
    }
}

/// What a sitting-break reminder suggests while a plan runs: the plan's
/// exercises that can be done at a desk under the routine rules (no
/// tensioner, no direction check, nothing the complaint's `avoid_in` bars),
/// then walking breaks.
pub fn reminder_suggestions(catalog: &Catalog, plan: &State) -> Vec<String> {
    use crate::routine::plan as routine;
    let mut out: Vec<String> = plan
        .exercises
        .iter()
        .filter_map(|p| catalog.exercise(&p.exercise))
        .filter(|e| {
            e.desk
                && !routine::is_tensioner(e)
                && !routine::is_direction_check(e)
                && routine::barred(e, Some(&plan.complaint)).is_none()
        })
        .map(|e| e.id.to_string())
        .collect();
    out.dedup();
    if catalog
        .exercise(WALKING)
        .is_some_and(|e| routine::barred(e, Some(&plan.complaint)).is_none())
    {
        out.push(WALKING.to_string());
    }
    out
}

#[cfg(test)]
mod tests;

//! Statistics over the record, for `progress` and `report`: pure, driven by
//! the date it is given ("today"), so tests use a fixed clock.

use super::{Entry, Record};
use crate::remind::Event;
use crate::remind::state::EventKind;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::BTreeMap;

/// Weeks in the calendar heatmap.
pub const HEATMAP_WEEKS: usize = 12;
/// The minimal important change on a 0-10 scale (Ostelo 2008): 2 points...
pub const MIC_POINTS: f64 = 2.0;
/// ... or 30% of the starting score.
pub const MIC_FRACTION: f64 = 0.3;

/// What to compute.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Now: later records are not counted yet.
    pub now: NaiveDateTime,
    /// Weeks shown in the charts (ending with this week); with `since`,
    /// the most shown.
    pub weeks: usize,
    /// Count from this date: charts start at its week, changes are measured from it.
    pub since: Option<NaiveDate>,
    /// Sessions a week that count towards the streak.
    pub target: u32,
}

/// A week's figures (weeks start on Monday).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Week {
    pub start: NaiveDate,
    /// Averages of the week's ratings, when there were any.
    pub pain: Option<f64>,
    pub interference: Option<f64>,
    /// The average of the person's activities' scores.
    pub activities: Option<f64>,
    pub checkins: u32,
    pub flares: u32,
    pub sessions: u32,
    pub minutes: u32,
    /// Reminders answered with Done, and breaks counted (idle, away).
    pub breaks_taken: u32,
    pub snoozed: u32,
    pub skipped: u32,
    /// The longest time between the start of a reminder or a break and the
    /// next break (or the reminder's end), on one day, in minutes.
    pub longest_sitting_minutes: Option<u32>,
}

/// Whether a change passes the minimal important change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A meaningful improvement.
    Better,
    /// A meaningful worsening.
    Worse,
    /// Smaller than the minimal important change.
    NoClearChange,
    /// Only one week of ratings so far.
    TooEarly,
}

/// From the first week with a rating to the latest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub first_week: NaiveDate,
    pub first: f64,
    pub latest_week: NaiveDate,
    pub latest: f64,
    pub change: f64,
    pub verdict: Verdict,
}

/// One of the person's activities: first and latest score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityChange {
    pub name: String,
    pub first: u8,
    pub first_date: NaiveDate,
    pub latest: u8,
    pub latest_date: NaiveDate,
}

/// One day of the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub sessions: u32,
    pub breaks: u32,
}

impl Day {
    /// 0 nothing, 1 breaks only, 2 a session or 4+ breaks, 3 a session and breaks.
    pub fn level(&self) -> u8 {
        match (self.sessions, self.breaks) {
            (0, 0) => 0,
            (0, b) if b < 4 => 1,
            (0, _) => 2,
            (_, 0) => 2,
            _ => 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Streak {
    pub target: u32,
    /// Weeks in a row that met the target, ending with this week when it
    /// already has, else with last week.
    pub weeks: u32,
    pub this_week: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub today: NaiveDate,
    pub start: Option<NaiveDate>,
    pub checkins: usize,
    pub sessions: usize,
    pub reminder_events: usize,
    pub weeks: Vec<Week>,
    pub pain: Option<Change>,
    pub interference: Option<Change>,
    pub activity_average: Option<Change>,
    pub activities: Vec<ActivityChange>,
    pub heatmap: Vec<Day>,
    pub this_week: Week,
    pub last_week: Week,
    pub streak: Streak,
    pub routines: Vec<(String, u32)>,
}

impl Progress {
    /// Nothing recorded at all (for the first-run message).
    pub fn is_empty(&self) -> bool {
        self.checkins == 0 && self.sessions == 0 && self.reminder_events == 0
    }
}

pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn mean(sum: f64, n: u32) -> Option<f64> {
    (n > 0).then(|| sum / f64::from(n))
}

/// The verdict on a change of a 0-10 score; `lower_is_better` for pain and
/// interference, not for the activities (where only 2 points count).
pub fn verdict(first: f64, latest: f64, lower_is_better: bool) -> Verdict {
    const EPS: f64 = 1e-9;
    let diff = latest - first;
    if lower_is_better {
        let fraction = if first > 0.0 { diff.abs() / first } else { 0.0 };
        let big = diff.abs() + EPS >= MIC_POINTS || fraction + EPS >= MIC_FRACTION;
        if diff < -EPS && big {
            Verdict::Better
        } else if diff > EPS && (diff + EPS >= MIC_POINTS) {
            Verdict::Worse
        } else {
            Verdict::NoClearChange
        }
    } else if diff + EPS >= MIC_POINTS {
        Verdict::Better
    } else if -diff + EPS >= MIC_POINTS {
        Verdict::Worse
    } else {
        Verdict::NoClearChange
    }
}

#[derive(Default, Clone, Copy)]
struct Acc {
    pain: (f64, u32),
    interference: (f64, u32),
    activities: (f64, u32),
}

fn change(
    by_week: &BTreeMap<NaiveDate, Acc>,
    pick: impl Fn(&Acc) -> (f64, u32),
    lower_is_better: bool,
) -> Option<Change> {
    let mut it = by_week
        .iter()
        .filter_map(|(w, a)| mean(pick(a).0, pick(a).1).map(|m| (*w, m)));
    let (first_week, first) = it.next()?;
    let (latest_week, latest) = it.last().unwrap_or((first_week, first));
    let verdict = if latest_week == first_week {
        Verdict::TooEarly
    } else {
        verdict(first, latest, lower_is_better)
    };
    Some(Change {
        first_week,
        first,
        latest_week,
        latest,
        change: latest - first,
        verdict,
    })
}

/// Reminder events with their times, in order, those that do not parse dropped.
pub fn timed_events(events: &[Event]) -> Vec<(NaiveDateTime, EventKind)> {
    let mut v: Vec<_> = events
        .iter()
        .filter_map(|e| {
            NaiveDateTime::parse_from_str(&e.time, super::TIME_FORMAT)
                .ok()
                .map(|t| (t, e.event))
        })
        .collect();
    v.sort_by_key(|(t, _)| *t);
    v
}

fn week_mut(weeks: &mut BTreeMap<NaiveDate, Week>, d: NaiveDate) -> &mut Week {
    let w = week_start(d);
    weeks.entry(w).or_insert_with(|| Week {
        start: w,
        ..Default::default()
    })
}

/// Compute everything `progress` shows. `records` need not be sorted.
pub fn progress(records: &[Record], events: &[Event], opt: &Options) -> Progress {
    let today = opt.now.date();
    let this_week = week_start(today);
    let since = opt.since;
    let in_range = |t: NaiveDateTime| since.is_none_or(|s| t.date() >= s) && t <= opt.now;
    let events = timed_events(events);

    let mut weeks: BTreeMap<NaiveDate, Week> = BTreeMap::new();
    let mut acc: BTreeMap<NaiveDate, Acc> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    let mut activities: Vec<(String, ActivityChange)> = Vec::new();
    let mut routines: BTreeMap<String, u32> = BTreeMap::new();
    let (mut checkins, mut sessions) = (0, 0);
    let mut start: Option<NaiveDate> = None;
    // Lessons read and warning-sign checks are not part of these statistics.
    let mut sorted: Vec<&Record> = records
        .iter()
        .filter(|r| in_range(r.time) && !matches!(r.entry, Entry::Lesson(_) | Entry::Check(_)))
        .collect();
    sorted.sort_by_key(|r| r.time);
    for r in sorted {
        let d = r.date();
        start = Some(start.map_or(d, |s: NaiveDate| s.min(d)));
        let w = week_mut(&mut weeks, d);
        let a = acc.entry(week_start(d)).or_default();
        match &r.entry {
            Entry::Checkin(c) => {
                checkins += 1;
                w.checkins += 1;
                w.flares += u32::from(c.flare);
                if let Some(p) = c.pain {
                    a.pain.0 += f64::from(p.get());
                    a.pain.1 += 1;
                }
                if let Some(i) = c.interference {
                    a.interference.0 += f64::from(i.get());
                    a.interference.1 += 1;
                }
                if !c.activities.is_empty() {
                    let sum: u32 = c.activities.iter().map(|x| u32::from(x.score.get())).sum();
                    a.activities.0 += f64::from(sum) / c.activities.len() as f64;
                    a.activities.1 += 1;
                }
                for x in &c.activities {
                    let key = x.name.trim().to_lowercase();
                    match activities.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, ch)) => {
                            ch.latest = x.score.get();
                            ch.latest_date = d;
                        }
                        None => activities.push((
                            key,
                            ActivityChange {
                                name: x.name.trim().to_string(),
                                first: x.score.get(),
                                first_date: d,
                                latest: x.score.get(),
                                latest_date: d,
                            },
                        )),
                    }
                }
            }
            Entry::Lesson(_) | Entry::Check(_) => {}
            Entry::Session(s) => {
                sessions += 1;
                w.sessions += 1;
                w.minutes += s.minutes.unwrap_or(0);
                days.entry(d)
                    .or_insert(Day {
                        date: d,
                        sessions: 0,
                        breaks: 0,
                    })
                    .sessions += 1;
                *routines.entry(s.what().to_string()).or_default() += 1;
            }
        }
    }
    let mut reminder_events = 0;
    // Sitting stretches: from a reminder's start or a break to the next
    // break or the reminder's end, on the same day.
    let mut anchor: Option<NaiveDateTime> = None;
    for &(t, kind) in &events {
        let d = t.date();
        if !in_range(t) {
            continue;
        }
        reminder_events += 1;
        start = Some(start.map_or(d, |s| s.min(d)));
        let w = week_mut(&mut weeks, d);
        let mut stretch_end = false;
        match kind {
            EventKind::Done | EventKind::Break => {
                w.breaks_taken += 1;
                days.entry(d)
                    .or_insert(Day {
                        date: d,
                        sessions: 0,
                        breaks: 0,
                    })
                    .breaks += 1;
                stretch_end = true;
            }
            EventKind::Snoozed => w.snoozed += 1,
            EventKind::Skipped => w.skipped += 1,
            EventKind::Stopped => stretch_end = true,
            EventKind::Started => anchor = None,
            _ => {}
        }
        if stretch_end
            && let Some(a) = anchor
            && a.date() == d
        {
            let minutes = u32::try_from((t - a).num_minutes()).unwrap_or(0);
            let m = w.longest_sitting_minutes.get_or_insert(0);
            *m = (*m).max(minutes);
        }
        anchor = match kind {
            EventKind::Started | EventKind::Done | EventKind::Break => Some(t),
            EventKind::Stopped => None,
            _ => anchor,
        };
    }
    for (ws, a) in &acc {
        if let Some(w) = weeks.get_mut(ws) {
            w.pain = mean(a.pain.0, a.pain.1);
            w.interference = mean(a.interference.0, a.interference.1);
            w.activities = mean(a.activities.0, a.activities.1);
        }
    }

    // The weeks charted: from --since's week (or N weeks back) to this week.
    let first_shown = match since {
        Some(s) => week_start(s).max(this_week - Duration::weeks(opt.weeks.max(1) as i64 - 1)),
        None => this_week - Duration::weeks(opt.weeks.max(1) as i64 - 1),
    };
    let mut shown = Vec::new();
    let mut w = first_shown;
    while w <= this_week {
        shown.push(weeks.get(&w).cloned().unwrap_or(Week {
            start: w,
            ..Default::default()
        }));
        w += Duration::weeks(1);
    }
    let get = |w: NaiveDate| {
        weeks.get(&w).cloned().unwrap_or(Week {
            start: w,
            ..Default::default()
        })
    };
    let heat_start = this_week - Duration::weeks(HEATMAP_WEEKS as i64 - 1);
    let heatmap = (0..HEATMAP_WEEKS * 7)
        .map(|i| {
            let d = heat_start + Duration::days(i as i64);
            days.get(&d).copied().unwrap_or(Day {
                date: d,
                sessions: 0,
                breaks: 0,
            })
        })
        .collect();
    let this = get(this_week);
    let mut streak_weeks = 0;
    let mut w = if this.sessions >= opt.target {
        this_week
    } else {
        this_week - Duration::weeks(1)
    };
    while opt.target > 0
        && get(w).sessions >= opt.target
        && start.is_some_and(|s| w >= week_start(s))
    {
        streak_weeks += 1;
        w -= Duration::weeks(1);
    }
    let mut routines: Vec<(String, u32)> = routines.into_iter().collect();
    routines.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Progress {
        today,
        start,
        checkins,
        sessions,
        reminder_events,
        pain: change(&acc, |a| a.pain, true),
        interference: change(&acc, |a| a.interference, true),
        activity_average: change(&acc, |a| a.activities, false),
        activities: activities.into_iter().map(|(_, a)| a).collect(),
        heatmap,
        last_week: get(this_week - Duration::weeks(1)),
        streak: Streak {
            target: opt.target,
            weeks: streak_weeks,
            this_week: this.sessions,
        },
        this_week: this,
        weeks: shown,
        routines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{CheckIn, Score, Session, Via};

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, crate::record::TIME_FORMAT).unwrap()
    }
    fn pain(time: &str, p: u8) -> Record {
        Record {
            time: t(time),
            entry: Entry::Checkin(CheckIn {
                pain: Score::new(p),
                ..Default::default()
            }),
        }
    }
    fn session(time: &str) -> Record {
        Record {
            time: t(time),
            entry: Entry::Session(Session {
                exercise: None,
                routine: Some("sciatica".into()),
                minutes: Some(10),
                done: vec![],
                skipped: vec![],
                feel: None,
                pain_during: None,
                via: Via::Done,
            }),
        }
    }
    fn ev(time: &str, event: EventKind) -> Event {
        Event {
            time: time.into(),
            event,
            exercise: None,
            detail: None,
        }
    }
    fn opt(today: &str) -> Options {
        Options {
            now: t(&format!("{today}T23:59:59")),
            weeks: 12,
            since: None,
            target: 3,
        }
    }

    #[test]
    fn minimal_important_change() {
        // 2 points, or 30% of the start, for pain.
        assert_eq!(verdict(6.0, 4.0, true), Verdict::Better);
        assert_eq!(verdict(6.0, 5.0, true), Verdict::NoClearChange);
        assert_eq!(verdict(3.0, 2.0, true), Verdict::Better); // 33%
        assert_eq!(verdict(4.0, 5.0, true), Verdict::NoClearChange);
        assert_eq!(verdict(4.0, 6.0, true), Verdict::Worse);
        // Activities: 2 points only, higher is better.
        assert_eq!(verdict(3.0, 5.0, false), Verdict::Better);
        assert_eq!(verdict(3.0, 4.5, false), Verdict::NoClearChange);
        assert_eq!(verdict(5.0, 3.0, false), Verdict::Worse);
    }

    #[test]
    fn pain_change_uses_weekly_averages() {
        // Week of 5 Jan: 6 and 8 (7); week of 26 Jan: 4 and 5 (4.5): 2.5 points better.
        let recs = [
            pain("2026-01-05T09:00:00", 6),
            pain("2026-01-07T09:00:00", 8),
            pain("2026-01-26T09:00:00", 4),
            pain("2026-01-27T09:00:00", 5),
        ];
        let p = progress(&recs, &[], &opt("2026-01-28"));
        let c = p.pain.unwrap();
        assert_eq!((c.first, c.latest, c.verdict), (7.0, 4.5, Verdict::Better));
        let one = progress(&recs[..2], &[], &opt("2026-01-28")).pain.unwrap();
        assert_eq!(one.verdict, Verdict::TooEarly);
        // --since drops the first week: the baseline moves.
        let mut o = opt("2026-01-28");
        o.since = NaiveDate::from_ymd_opt(2026, 1, 20);
        assert_eq!(
            progress(&recs, &[], &o).pain.unwrap().verdict,
            Verdict::TooEarly
        );
    }

    #[test]
    fn sitting_stretch_breaks_and_streak() {
        let events = [
            ev("2026-01-26T09:00:00", EventKind::Started),
            ev("2026-01-26T09:45:00", EventKind::Shown),
            ev("2026-01-26T09:46:00", EventKind::Snoozed),
            ev("2026-01-26T10:30:00", EventKind::Done),
            ev("2026-01-26T11:00:00", EventKind::Skipped),
            ev("2026-01-26T11:10:00", EventKind::Stopped),
            // Next day, no start: the first break has no anchor.
            ev("2026-01-27T09:00:00", EventKind::Break),
        ];
        let recs: Vec<Record> = [
            "2026-01-12T08:00:00",
            "2026-01-13T08:00:00",
            "2026-01-14T08:00:00",
            "2026-01-19T08:00:00",
            "2026-01-20T08:00:00",
            "2026-01-21T08:00:00",
            "2026-01-26T08:00:00",
        ]
        .iter()
        .map(|s| session(s))
        .collect();
        let p = progress(&recs, &events, &opt("2026-01-28"));
        let w = &p.this_week;
        assert_eq!((w.breaks_taken, w.snoozed, w.skipped), (2, 1, 1));
        assert_eq!(w.longest_sitting_minutes, Some(90));
        assert_eq!((w.sessions, w.minutes), (1, 10));
        // Two full weeks before this one met 3 a week; this week (1) not yet.
        assert_eq!(p.streak.weeks, 2);
        assert_eq!(p.last_week.sessions, 3);
        // The heatmap ends on this week's Sunday, 12 weeks of days.
        assert_eq!(p.heatmap.len(), 84);
        assert_eq!(
            p.heatmap[83].date,
            NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()
        );
        let monday = p
            .heatmap
            .iter()
            .find(|d| d.date.day() == 26 && d.date.month() == 1)
            .unwrap();
        assert_eq!((monday.sessions, monday.breaks, monday.level()), (1, 1, 3));
        assert_eq!(p.routines, vec![("sciatica".to_string(), 7)]);
    }

    #[test]
    fn empty_record() {
        let p = progress(&[], &[], &opt("2026-01-28"));
        assert!(p.is_empty());
        assert_eq!(p.weeks.len(), 12);
        assert_eq!(p.streak.weeks, 0);
    }
}

//! The recovery record: check-ins (pain, interference, the person's own
//! activities), exercise sessions, and, joined on read, the reminder history.
//!
//! Everything here is pure: parsing, merging the per-machine journals,
//! statistics ([`stats`]) and charts ([`text`], [`html`]). File I/O lives in
//! [`store`].
//!
//! # Journal format
//!
//! One file per machine, `journal-<ID>.jsonl` in the data directory, where
//! `<ID>` is a random 16-hex-digit id created once and kept in the state
//! directory (see [`store::machine_id`]). JSON Lines, only ever appended,
//! every record one object with these fields:
//!
//! - `v` (number): the format version, 1.
//! - `time` (string): local wall-clock time, `YYYY-MM-DDTHH:MM:SS`.
//! - `kind` (string): `checkin`, `session`, `lesson` or `check`.
//!
//! A `checkin` has (all optional, at least one of the first three, or a
//! `flare` mark alone, as `backfix flare --start` writes):
//! - `pain` (0-10): pain right now, 0 none, 10 the worst imaginable.
//! - `interference` (0-10): how much pain got in the way of daily life over
//!   the past week, 0 not at all, 10 completely.
//! - `activities` (array of `{"name": string, "score": 0-10}`): up to 5 of
//!   the person's own activities that pain makes hard, 0 cannot do it, 10 as
//!   well as before the pain.
//! - `note` (string), `flare` (true when marked as a flare-up).
//!
//! A `session` has:
//! - `exercise` or `routine` (string): the id of what was done.
//! - `minutes` (number, optional): how long it took.
//! - `done`, `skipped` (arrays of exercise ids, optional): from guided mode.
//! - `feel` (optional): `too-easy`, `about-right` or `too-hard`.
//! - `pain_during` (0-10, optional).
//! - `via`: `done` (recorded with `backfix done`) or `guided`.
//!
//! A `lesson` (a lesson read with `backfix learn TOPIC`) has:
//! - `lesson` (string): the lesson's id.
//!
//! A `check` (a warning-sign check, `backfix check`, that reached an
//! outcome; one that stopped on unusable or missing answers is not kept) has:
//! - `tier` (string): the outcome reached, `none` (no warning sign),
//!   `urgent` (a sign needing help the same day), `emergency`, or
//!   `not-for-you` (under 16, or pregnant or recently given birth, with no
//!   warning sign: the routines are not designed for them).
//! - `yes` (array of strings, optional): the texts of the warning signs
//!   answered yes, as worded when the check ran.
//! - `pregnant` (true, optional): pregnancy or birth in the last 6 months
//!   was answered yes.
//! - `under_16` (true, optional): the age question was answered no (the
//!   check ends there).
//!
//! Readers ignore fields they do not know; a record of another version, or
//! one that does not parse or holds a score outside 0-10, is skipped and
//! counted (reported once), never fatal. A record of a kind this version does
//! not know is skipped and counted as one from a newer backfix (backfix
//! before the `check` kind counted such a line as unreadable). Files are merged by time on read;
//! a record already found in another file (a sync tool's conflict copy) is
//! counted once.

pub mod html;
pub mod stats;
pub mod store;
pub mod text;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The journal format's version, the `v` field of every record.
pub const VERSION: u32 = 1;
/// The most activities a person tracks at once.
pub const MAX_ACTIVITIES: usize = 5;
/// The kinds of record this version knows (`Entry`'s tags).
pub const KINDS: [&str; 4] = ["checkin", "session", "lesson", "check"];
/// Time format of the `time` field.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// A 0-10 score, checked when made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub fn new(v: u8) -> Option<Score> {
        (v <= 10).then_some(Score(v))
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = String;
    fn try_from(v: u8) -> Result<Score, String> {
        Score::new(v).ok_or_else(|| format!("{v} is not a score from 0 to 10"))
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

/// One of the person's own activities and how well they can do it (0-10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub name: String,
    pub score: Score,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interference: Option<Score>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flare: bool,
    /// Whether the pain of the last painful session had settled by the next
    /// morning (asked the day after; the plan's traffic-light rule uses it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<bool>,
}

impl CheckIn {
    /// Whether it answers any question: a rating, an activity, or whether
    /// the last painful session settled (a flare mark or a note alone does not).
    pub fn answers(&self) -> bool {
        self.pain.is_some()
            || self.interference.is_some()
            || !self.activities.is_empty()
            || self.settled.is_some()
    }
}

/// How a session felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Feel {
    TooEasy,
    AboutRight,
    TooHard,
}

/// How a session was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    Done,
    Guided,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routine: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feel: Option<Feel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_during: Option<Score>,
    pub via: Via,
}

impl Session {
    /// The id of what was done: the routine, else the exercise.
    pub fn what(&self) -> &str {
        self.routine
            .as_deref()
            .or(self.exercise.as_deref())
            .unwrap_or("?")
    }
}

/// A lesson read (`backfix learn TOPIC`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonRead {
    pub lesson: String,
}

/// The outcome a warning-sign check reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckTier {
    /// No warning sign answered yes.
    None,
    /// A sign needing help the same day.
    Urgent,
    /// A sign needing emergency help now.
    Emergency,
    /// Under 16, or pregnant or recently given birth, with no warning sign.
    NotForYou,
}

impl CheckTier {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckTier::None => "none",
            CheckTier::Urgent => "urgent",
            CheckTier::Emergency => "emergency",
            CheckTier::NotForYou => "not-for-you",
        }
    }
}

/// A warning-sign check (`backfix check`) and its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckDone {
    pub tier: CheckTier,
    /// The texts of the signs answered yes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub yes: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pregnant: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub under_16: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Entry {
    Checkin(CheckIn),
    Session(Session),
    Lesson(LessonRead),
    Check(CheckDone),
}

/// One journal record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub time: NaiveDateTime,
    pub entry: Entry,
}

impl Record {
    pub fn date(&self) -> NaiveDate {
        self.time.date()
    }
}

#[derive(Serialize)]
struct WireOut<'a> {
    v: u32,
    time: String,
    #[serde(flatten)]
    entry: &'a Entry,
}

#[derive(Deserialize)]
struct WireIn {
    v: u32,
    time: String,
    #[serde(flatten)]
    entry: Entry,
}

/// The record as one JSON line, without the newline.
pub fn to_line(r: &Record) -> String {
    let w = WireOut {
        v: VERSION,
        time: r.time.format(TIME_FORMAT).to_string(),
        entry: &r.entry,
    };
    // Serialising these plain types cannot fail.
    serde_json::to_string(&w).unwrap_or_default()
}

/// The record as a JSON value (for `export --json`).
pub fn to_value(r: &Record) -> serde_json::Value {
    serde_json::from_str(&to_line(r)).unwrap_or(serde_json::Value::Null)
}

/// A journal as read: the records that parse and counts of those skipped.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Journal {
    pub records: Vec<Record>,
    pub bad_lines: usize,
    pub newer_lines: usize,
}

impl Journal {
    /// One sentence about skipped lines, if any.
    pub fn warning(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.bad_lines > 0 {
            parts.push(format!(
                "{} unreadable line{}",
                self.bad_lines,
                plural(self.bad_lines)
            ));
        }
        if self.newer_lines > 0 {
            parts.push(format!(
                "{} line{} from a newer backfix",
                self.newer_lines,
                plural(self.newer_lines)
            ));
        }
        (!parts.is_empty()).then(|| format!("journal: skipped {}", parts.join(" and ")))
    }

    /// Merge another journal (another machine's file) into this one.
    pub fn merge(&mut self, other: Journal) {
        self.records.extend(other.records);
        self.bad_lines += other.bad_lines;
        self.newer_lines += other.newer_lines;
    }

    /// Sort by time (stable, so records at the same second keep file order).
    pub fn sort(&mut self) {
        self.records.sort_by_key(|r| r.time);
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Parse one line; `Err(true)` for a record of a newer version.
fn parse_line(line: &str) -> Result<Record, bool> {
    let w: WireIn = serde_json::from_str(line).map_err(|_| {
        // A newer version, or a newer backfix's kind of record in this
        // version, is not "unreadable": say where it came from.
        serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .is_some_and(|v| {
                let version = v.get("v").and_then(|v| v.as_u64());
                let kind = v.get("kind").and_then(|k| k.as_str());
                version.is_some_and(|n| n > u64::from(VERSION))
                    || (version == Some(u64::from(VERSION))
                        && kind.is_some_and(|k| !KINDS.contains(&k)))
            })
    })?;
    if w.v != VERSION {
        return Err(w.v > VERSION);
    }
    let time = NaiveDateTime::parse_from_str(&w.time, TIME_FORMAT).map_err(|_| false)?;
    if let Entry::Checkin(c) = &w.entry
        && (c.activities.len() > MAX_ACTIVITIES || (!c.answers() && !c.flare))
    {
        return Err(false);
    }
    Ok(Record {
        time,
        entry: w.entry,
    })
}

/// Parse journal text, skipping and counting lines that are not records.
pub fn parse(text: &str) -> Journal {
    let mut j = Journal::default();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(r) => j.records.push(r),
            Err(true) => j.newer_lines += 1,
            Err(false) => j.bad_lines += 1,
        }
    }
    j
}

/// Parse `name=score` (`gardening=4`) for `log --activity`.
pub fn parse_activity(s: &str) -> Result<Activity, String> {
    let (name, score) = s
        .rsplit_once('=')
        .ok_or_else(|| format!("'{s}' is not NAME=SCORE (for example gardening=4)"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("'{s}' has no activity name before '='"));
    }
    let score = parse_score(score)?;
    Ok(Activity {
        name: name.to_string(),
        score,
    })
}

/// Parse a 0-10 score.
pub fn parse_score(s: &str) -> Result<Score, String> {
    s.trim()
        .parse::<u8>()
        .ok()
        .and_then(Score::new)
        .ok_or_else(|| format!("'{}' is not a whole number from 0 to 10", s.trim()))
}

/// The person's current activities: the names from the latest check-in that
/// rated any (kept between check-ins, so `log` asks about the same ones).
pub fn current_activities(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .rev()
        .find_map(|r| match &r.entry {
            Entry::Checkin(c) if !c.activities.is_empty() => {
                Some(c.activities.iter().map(|a| a.name.clone()).collect())
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// Whether interference was rated in the 6 days before `now` (it is a weekly question).
pub fn interference_due(records: &[Record], now: NaiveDateTime) -> bool {
    !records.iter().any(|r| {
        matches!(&r.entry, Entry::Checkin(c) if c.interference.is_some())
            && r.time <= now
            && now - r.time < chrono::TimeDelta::days(6)
    })
}

/// The days after a session that "settled by the next morning?" is still
/// asked about it.
pub const SETTLED_ASKED_DAYS: i64 = 2;

/// Pain during a session from which "settled by the next morning?" is asked:
/// the traffic light's amber zone and above (3 to 5 is acceptable only if it
/// settles; Silbernagel 2007). Below it nobody is asked, to spare a question
/// after every mild session.
pub const SETTLED_ASKED_FROM: u8 = 3;

/// A session that hurt, whose next morning has not been reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Unsettled {
    #[serde(serialize_with = "iso_time")]
    pub time: NaiveDateTime,
    /// Pain during it, at least `SETTLED_ASKED_FROM`.
    pub pain: u8,
}

impl Unsettled {
    /// The session's day as the question names it ("Mon 5 Jan").
    pub fn day(&self) -> String {
        self.time.format("%a %-d %b").to_string()
    }
}

fn iso_time<S: serde::Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format(TIME_FORMAT))
}

/// The last session before `now`, when it hurt at least
/// [`SETTLED_ASKED_FROM`] during, was on an
/// earlier day (its next morning has come), at most [`SETTLED_ASKED_DAYS`]
/// ago, and no check-in since has said whether the pain settled.
pub fn awaiting_settled(records: &[Record], now: NaiveDateTime) -> Option<Unsettled> {
    let (time, pain) = records
        .iter()
        .filter(|r| r.time <= now)
        .filter_map(|r| match &r.entry {
            Entry::Session(s) => Some((r.time, s.pain_during.map_or(0, Score::get))),
            _ => None,
        })
        .max_by_key(|(t, _)| *t)?;
    let days = (now.date() - time.date()).num_days();
    if pain < SETTLED_ASKED_FROM || !(1..=SETTLED_ASKED_DAYS).contains(&days) {
        return None;
    }
    let answered = records.iter().any(|r| {
        r.time > time
            && r.time <= now
            && matches!(&r.entry, Entry::Checkin(c) if c.settled.is_some())
    });
    (!answered).then_some(Unsettled { time, pain })
}

/// For a session at `time`: the first "settled by the next morning?" answer
/// given after it and before the next session, if any.
pub fn settled_after(records: &[Record], time: NaiveDateTime) -> Option<bool> {
    let next_session = records
        .iter()
        .filter(|r| r.time > time && matches!(r.entry, Entry::Session(_)))
        .map(|r| r.time)
        .min();
    records
        .iter()
        .filter(|r| r.time > time && next_session.is_none_or(|n| r.time < n))
        .filter_map(|r| match &r.entry {
            Entry::Checkin(c) => c.settled.map(|v| (r.time, v)),
            _ => None,
        })
        .min_by_key(|(t, _)| *t)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, TIME_FORMAT).unwrap()
    }

    fn session(time: &str, pain: u8) -> Record {
        Record {
            time: t(time),
            entry: Entry::Session(Session {
                exercise: Some("clam".into()),
                routine: None,
                minutes: None,
                done: vec![],
                skipped: vec![],
                feel: None,
                pain_during: Score::new(pain),
                via: Via::Done,
            }),
        }
    }

    fn answer(time: &str, settled: bool) -> Record {
        Record {
            time: t(time),
            entry: Entry::Checkin(CheckIn {
                settled: Some(settled),
                ..CheckIn::default()
            }),
        }
    }

    #[test]
    fn the_next_morning_is_asked_about_the_last_painful_session_once() {
        let s = session("2026-01-05T18:00:00", 4);
        // Not on the day itself; the next day and the one after; not later.
        assert_eq!(
            awaiting_settled(std::slice::from_ref(&s), t("2026-01-05T22:00:00")),
            None
        );
        let asked = awaiting_settled(std::slice::from_ref(&s), t("2026-01-06T08:00:00"));
        assert_eq!(
            asked,
            Some(Unsettled {
                time: s.time,
                pain: 4
            })
        );
        assert!(awaiting_settled(std::slice::from_ref(&s), t("2026-01-07T08:00:00")).is_some());
        assert_eq!(
            awaiting_settled(std::slice::from_ref(&s), t("2026-01-08T08:00:00")),
            None
        );
        // Answered: not asked again, and the answer is the session's.
        let a = answer("2026-01-06T08:05:00", false);
        let both = [s.clone(), a];
        assert_eq!(awaiting_settled(&both, t("2026-01-06T09:00:00")), None);
        assert_eq!(settled_after(&both, s.time), Some(false));
        // Mild pain during it (green): nothing to ask.
        let easy = session("2026-01-05T18:00:00", SETTLED_ASKED_FROM - 1);
        assert_eq!(awaiting_settled(&[easy], t("2026-01-06T08:00:00")), None);
        // A later session without pain is the last one: nothing to ask.
        let later = session("2026-01-06T07:00:00", 0);
        assert_eq!(
            awaiting_settled(&[s.clone(), later.clone()], t("2026-01-07T08:00:00")),
            None
        );
        // An answer after the next session belongs to that one.
        let late = answer("2026-01-07T08:00:00", false);
        assert_eq!(
            settled_after(&[s.clone(), later, late.clone()], s.time),
            None
        );
        // A check-in with only the answer is a valid record.
        assert_eq!(parse_line(&to_line(&late)), Ok(late));
    }

    #[test]
    fn round_trip_and_skips() {
        let r = Record {
            time: t("2026-01-05T09:00:00"),
            entry: Entry::Checkin(CheckIn {
                pain: Score::new(4),
                activities: vec![Activity {
                    name: "gardening".into(),
                    score: Score::new(3).unwrap(),
                }],
                flare: true,
                ..Default::default()
            }),
        };
        let line = to_line(&r);
        assert!(line.starts_with("{\"v\":1,\"time\":\"2026-01-05T09:00:00\",\"kind\":\"checkin\""));
        let text = format!(
            "{line}\n{{\"v\":1,\"time\":\"2026-01-05T09:00:00\",\"kind\":\"checkin\",\"pain\":11}}\n\
             {{\"v\":2,\"time\":\"x\",\"kind\":\"mood\"}}\n{{\"v\":1,\"ti\n"
        );
        let j = parse(&text);
        assert_eq!(j.records, vec![r]);
        assert_eq!((j.bad_lines, j.newer_lines), (2, 1));
    }

    #[test]
    fn kinds_lists_every_entry() {
        let entries = [
            Entry::Checkin(CheckIn {
                pain: Score::new(1),
                ..Default::default()
            }),
            Entry::Session(Session {
                exercise: Some("x".into()),
                routine: None,
                minutes: None,
                done: Vec::new(),
                skipped: Vec::new(),
                feel: None,
                pain_during: None,
                via: Via::Done,
            }),
            Entry::Lesson(LessonRead { lesson: "x".into() }),
            Entry::Check(CheckDone {
                tier: CheckTier::None,
                yes: Vec::new(),
                pregnant: false,
                under_16: false,
            }),
        ];
        for e in &entries {
            // A new variant must be added above (and to KINDS).
            match e {
                Entry::Checkin(_) | Entry::Session(_) | Entry::Lesson(_) | Entry::Check(_) => {}
            }
        }
        let kinds: Vec<String> = entries
            .iter()
            .map(|e| {
                serde_json::to_value(e).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(kinds, KINDS);
    }

    #[test]
    fn check_round_trip() {
        let r = Record {
            time: t("2026-01-05T09:00:00"),
            entry: Entry::Check(CheckDone {
                tier: CheckTier::Urgent,
                yes: vec!["a sign".into()],
                pregnant: true,
                under_16: false,
            }),
        };
        let line = to_line(&r);
        assert_eq!(
            line,
            "{\"v\":1,\"time\":\"2026-01-05T09:00:00\",\"kind\":\"check\",\"tier\":\"urgent\",\"yes\":[\"a sign\"],\"pregnant\":true}"
        );
        assert_eq!(parse(&line).records, vec![r]);
        // A kind not known here came from a newer backfix: skipped, not fatal.
        let j = parse(&line.replace("\"check\"", "\"mood\""));
        assert_eq!((j.records.len(), j.bad_lines, j.newer_lines), (0, 0, 1));
        // An unknown tier is an unreadable line, not a guess.
        let j = parse(
            "{\"v\":1,\"time\":\"2026-01-05T09:00:00\",\"kind\":\"check\",\"tier\":\"maybe\"}",
        );
        assert_eq!((j.records.len(), j.bad_lines), (0, 1));
    }

    #[test]
    fn activity_parsing() {
        assert_eq!(parse_activity("a=b=7").unwrap().name, "a=b");
        assert!(parse_activity("walking").is_err());
        assert!(parse_activity("walking=11").is_err());
        assert!(parse_activity("=3").is_err());
    }

    #[test]
    fn interference_is_weekly() {
        let r = Record {
            time: t("2026-01-05T09:00:00"),
            entry: Entry::Checkin(CheckIn {
                interference: Score::new(4),
                ..Default::default()
            }),
        };
        assert!(!interference_due(
            std::slice::from_ref(&r),
            t("2026-01-10T09:00:00")
        ));
        assert!(interference_due(&[r], t("2026-01-11T09:00:00")));
    }
}

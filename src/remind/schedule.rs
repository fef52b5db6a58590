//! The reminder schedule, pure: parsing of durations, working hours and days,
//! and a scheduler driven by whatever clock it is given (tests use a fake one).
//!
//! Time is wall-clock (local, naive). Where the clock also gives a reading
//! that runs only while the machine is awake and that nobody sets (Linux's
//! monotonic clock), a suspend or a clock change is the wall clock moving
//! more or less than it: the loop then sleeps until the next reminder (at
//! most `LONG_SLEEP`). Without one, the loop polls at least every
//! `MAX_SLEEP` and a longer gap between polls means the machine slept or the
//! clock jumped. Idle time is sampled only while an absence is being timed:
//! when the user has been idle `i`, an absence cannot reach the idle
//! threshold before `idle_break - i` from now, so the next sample is then;
//! none is taken where there is no idle source. Daylight-saving changes come
//! from a `Zone` the plan is given: a reminder due at a local time the
//! clocks skip moves forward by the change (so the interval holds in real
//! time), and the hour the clocks repeat is not lived twice (a reminder due
//! in it fires once); neither change counts as a break or a clock jump.

use chrono::{Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The longest the loop sleeps between polls when the clock cannot tell a
/// suspend from a wait: one wake-up every two minutes, enough to notice a
/// suspend or a clock change.
pub const MAX_SLEEP: TimeDelta = TimeDelta::seconds(120);
/// The longest it sleeps when the clock can tell (see `Scheduler::poll_at`):
/// a wall-clock change made while it sleeps is seen within this.
pub const LONG_SLEEP: TimeDelta = TimeDelta::minutes(15);
/// While the user is away (idle past the threshold), how often the idle time
/// is sampled again, to see the return.
pub const AWAY_STEP: TimeDelta = TimeDelta::seconds(120);
/// The shortest step between two idle samples (no spinning on a threshold
/// reached a few milliseconds from now).
pub const MIN_IDLE_STEP: TimeDelta = TimeDelta::seconds(1);
/// A gap between polls longer than this (or, with an awake clock, wall time
/// passing this much faster than the awake clock) means a suspend or a
/// clock jump.
pub const GAP: TimeDelta = TimeDelta::seconds(180);
/// Shortest and longest interval accepted.
pub const MIN_EVERY: Duration = Duration::from_secs(1);
pub const MAX_EVERY: Duration = Duration::from_secs(24 * 3600);

/// `45m`, `1h30m`, `1h 30m`, `90s`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let example = "use a duration such as 45m, 1h30m or 90s";
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("empty duration; {example}"));
    }
    // humantime reads `M` as months: `45M` would be 45 months, not minutes.
    if let Some(fixed) = capital_m_as_minutes(t) {
        return Err(format!(
            "'{s}' uses M, which means months (m is minutes); for minutes write {fixed}"
        ));
    }
    let d =
        humantime::parse_duration(t).map_err(|_| format!("'{s}' is not a duration; {example}"))?;
    if d.is_zero() {
        return Err(format!("the duration must be more than zero; {example}"));
    }
    Ok(d)
}

/// `45M` and `1h30M` written with minutes in mind: the same with `m`, when a
/// unit is a lone capital M.
fn capital_m_as_minutes(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let lone_m = |i: usize| {
        bytes[i] == b'M'
            && (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
            && bytes.get(i + 1).is_none_or(|b| !b.is_ascii_alphabetic())
    };
    if !(0..bytes.len()).any(lone_m) {
        return None;
    }
    Some(
        s.char_indices()
            .map(|(i, c)| if c == 'M' && lone_m(i) { 'm' } else { c })
            .collect(),
    )
}

/// An interval for `--every` or `--snooze`: 1 second to 24 hours.
pub fn parse_interval(s: &str) -> Result<Duration, String> {
    let d = parse_duration(s)?;
    if d < MIN_EVERY {
        return Err(format!(
            "'{s}' is shorter than a second; use a duration such as 45m"
        ));
    }
    if d > MAX_EVERY {
        return Err(format!(
            "'{s}' is longer than 24 hours; use a duration such as 45m or 2h"
        ));
    }
    Ok(d)
}

/// An interval the way it is typed (`45m`, `1h 30m`), so it reads back
/// through [`parse_interval`]: for `--every` in the systemd unit, the status
/// and messages. Routine times are shown by `routine::dose::format_duration`.
pub fn format_interval(d: Duration) -> String {
    humantime::format_duration(Duration::from_secs(d.as_secs())).to_string()
}

/// `17:30` or `9:00`.
pub fn parse_clock(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| format!("'{s}' is not a time of day; use HH:MM, such as 17:30"))
}

/// The day an `--until` time is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UntilDay {
    /// No day given: today, and refused once the time has passed.
    Today,
    Tomorrow,
    Date(NaiveDate),
}

/// `--until`: `17:30`, `tomorrow 08:00` or `2026-12-01 17:30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Until {
    pub day: UntilDay,
    pub time: NaiveTime,
}

impl fmt::Display for Until {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let time = self.time.format("%H:%M");
        match self.day {
            UntilDay::Today => write!(f, "{time}"),
            UntilDay::Tomorrow => write!(f, "tomorrow {time}"),
            UntilDay::Date(d) => write!(f, "{} {time}", d.format("%Y-%m-%d")),
        }
    }
}

pub fn parse_until(s: &str) -> Result<Until, String> {
    let example = "use HH:MM (today), such as 17:30, or \"tomorrow 08:00\" or \"2026-12-01 17:30\"";
    let t = s.trim();
    let (day, time) = match t.rsplit_once([' ', 'T']) {
        None => (UntilDay::Today, t),
        Some((d, time)) => {
            let d = d.trim();
            let day = if d.eq_ignore_ascii_case("tomorrow") {
                UntilDay::Tomorrow
            } else if d.eq_ignore_ascii_case("today") {
                UntilDay::Today
            } else {
                UntilDay::Date(
                    NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|_| format!("'{d}' is not a day; {example}"))?,
                )
            };
            (day, time)
        }
    };
    let time = parse_clock(time).map_err(|_| format!("'{s}' is not a time; {example}"))?;
    Ok(Until { day, time })
}

impl Until {
    /// The moment it names, seen from `now`; a time already past is refused
    /// rather than taken to mean tomorrow.
    pub fn resolve(&self, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let date = match self.day {
            UntilDay::Today => now.date(),
            UntilDay::Tomorrow => now.date() + TimeDelta::days(1),
            UntilDay::Date(d) => d,
        };
        let at = date.and_time(self.time);
        if at > now {
            return Ok(at);
        }
        let when = match self.day {
            UntilDay::Today => "today",
            _ => "",
        };
        Err(format!(
            "--until {self} has already passed{}{when} (it is {} now)",
            if when.is_empty() { "" } else { " " },
            now.format("%H:%M on %Y-%m-%d")
        ))
    }
}

/// Working hours, `09:00-17:30`; may cross midnight (`22:00-06:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Window {
    /// How long the window lasts.
    pub fn length(&self) -> TimeDelta {
        let d = self.end - self.start;
        if d <= TimeDelta::zero() {
            d + TimeDelta::days(1)
        } else {
            d
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

pub fn parse_window(s: &str) -> Result<Window, String> {
    let example = "use HH:MM-HH:MM, such as 09:00-17:30";
    let (a, b) = s
        .split_once('-')
        .ok_or_else(|| format!("'{s}' is not a time range; {example}"))?;
    let w = Window {
        start: parse_clock(a).map_err(|_| format!("'{a}' is not a time; {example}"))?,
        end: parse_clock(b).map_err(|_| format!("'{b}' is not a time; {example}"))?,
    };
    if w.start == w.end {
        return Err(format!("'{s}' starts and ends at the same time; {example}"));
    }
    Ok(w)
}

/// A set of weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(u8);

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Days {
    pub const ALL: Days = Days(0x7f);

    pub fn contains(self, d: Weekday) -> bool {
        self.0 & (1 << d.num_days_from_monday()) != 0
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Runs of three or more days read as ranges: "mon-fri,sun".
        let mut parts = Vec::new();
        let mut i = 0;
        while i < 7 {
            if self.0 & (1 << i) == 0 {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < 7 && self.0 & (1 << (j + 1)) != 0 {
                j += 1;
            }
            match j - i {
                0 => parts.push(DAY_NAMES[i].to_string()),
                1 => parts.extend([DAY_NAMES[i].to_string(), DAY_NAMES[j].to_string()]),
                _ => parts.push(format!("{}-{}", DAY_NAMES[i], DAY_NAMES[j])),
            }
            i = j + 1;
        }
        f.write_str(&parts.join(","))
    }
}

fn day_index(s: &str) -> Option<u8> {
    let s = s.trim().to_ascii_lowercase();
    if s.len() < 2 {
        return None;
    }
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    full.iter()
        .position(|f| f.starts_with(&s) && s.len() >= 2)
        .map(|i| i as u8)
}

/// `mon-fri`, `mon,wed,fri`, `sat-sun`, `fri-mon` (wraps), `weekdays`, `weekends`, `all`.
pub fn parse_days(s: &str) -> Result<Days, String> {
    let example = "use day names or ranges, such as mon-fri, mon,wed,fri, weekends or all";
    let mut bits = 0u8;
    for part in s.split(',') {
        let part = part.trim().to_ascii_lowercase();
        match part.as_str() {
            "all" | "every" | "daily" => bits |= 0x7f,
            "weekdays" => bits |= 0x1f,
            "weekends" | "weekend" => bits |= 0x60,
            _ => {
                let (a, b) = part.split_once('-').unwrap_or((&part, &part));
                let (Some(a), Some(b)) = (day_index(a), day_index(b)) else {
                    return Err(format!("'{part}' is not a day or range of days; {example}"));
                };
                let mut i = a;
                loop {
                    bits |= 1 << i;
                    if i == b {
                        break;
                    }
                    i = (i + 1) % 7;
                }
            }
        }
    }
    if bits == 0 {
        return Err(format!("no days given; {example}"));
    }
    Ok(Days(bits))
}

/// How local wall-clock times map to real time, for daylight-saving changes.
pub trait Zone: fmt::Debug + Send + Sync {
    /// The UTC offsets (seconds east of UTC) a local time can have: none
    /// when the clocks skip it, two (earlier first) when they repeat it.
    fn offsets(&self, t: NaiveDateTime) -> LocalResult<i32>;
}

/// A zone without daylight saving (and what tests use by default).
#[derive(Debug, Clone, Copy)]
pub struct NoShifts;

impl Zone for NoShifts {
    fn offsets(&self, _: NaiveDateTime) -> LocalResult<i32> {
        LocalResult::Single(0)
    }
}

/// What the schedule is asked to do: the rules it keeps (named apart from
/// the routine's `Plan`).
#[derive(Debug, Clone)]
pub struct Rules {
    pub every: TimeDelta,
    pub snooze: TimeDelta,
    pub window: Option<Window>,
    pub days: Days,
    /// Idle time (no input) that counts as a break.
    pub idle_break: TimeDelta,
    pub count: Option<u32>,
    /// When to stop (see `Until::resolve`).
    pub until: Option<NaiveDateTime>,
    /// The local time zone's daylight-saving changes.
    pub zone: Arc<dyn Zone>,
    /// One gentle re-nudge when a reminder on screen is ignored this long
    /// (no button, no idle); None: never.
    pub renudge: Option<TimeDelta>,
}

impl Rules {
    /// Checks that the parts fit together.
    pub fn check(&self) -> Result<(), String> {
        if let Some(w) = self.window
            && self.every > w.length()
        {
            return Err(format!(
                "--every is longer than the --between window {w}, so no reminder would ever fire"
            ));
        }
        if self.count == Some(0) {
            return Err("--count must be at least 1".into());
        }
        Ok(())
    }

    fn delta(d: Duration) -> TimeDelta {
        TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX)
    }

    pub fn new(every: Duration, snooze: Duration, idle_break: Duration) -> Rules {
        Rules {
            every: Self::delta(every),
            snooze: Self::delta(snooze),
            window: None,
            days: Days::ALL,
            idle_break: Self::delta(idle_break),
            count: None,
            until: None,
            zone: Arc::new(NoShifts),
            renudge: None,
        }
    }

    /// `t`, or when the clocks skip it (spring forward), the local time one
    /// change later: 01:20 on a day that goes from 01:00 to 02:00 is 02:20,
    /// the same real time after 01:00 as 01:20 would have been.
    pub fn existing(&self, t: NaiveDateTime) -> NaiveDateTime {
        if !matches!(self.zone.offsets(t), LocalResult::None) {
            return t;
        }
        let step = TimeDelta::minutes(1);
        let limit = 48 * 60;
        let before = (1..=limit)
            .map(|i| t - step * i)
            .find_map(|b| match self.zone.offsets(b) {
                LocalResult::Single(o) | LocalResult::Ambiguous(_, o) => Some(o),
                LocalResult::None => None,
            });
        let after = (1..=limit)
            .map(|i| t + step * i)
            .find_map(|a| match self.zone.offsets(a) {
                LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => Some((a, o)),
                LocalResult::None => None,
            });
        match (before, after) {
            (Some(b), Some((a, o))) => {
                let moved = t + TimeDelta::seconds(i64::from(o - b));
                if moved >= a { moved } else { a }
            }
            (_, Some((a, _))) => a,
            _ => t,
        }
    }

    /// The real time between two local times, when the zone can tell:
    /// `from` has the offset `from_offset`; an ambiguous `to` takes the
    /// offset that makes the gap smallest and not negative (time goes on).
    fn real_gap(
        &self,
        from: NaiveDateTime,
        from_offset: Option<i32>,
        to: NaiveDateTime,
    ) -> Option<(TimeDelta, i32)> {
        let from_offset = from_offset?;
        let gap = |o: i32| (to - from) - TimeDelta::seconds(i64::from(o - from_offset));
        match self.zone.offsets(to) {
            LocalResult::None => None,
            LocalResult::Single(o) => Some((gap(o), o)),
            LocalResult::Ambiguous(a, b) => {
                let both = [(gap(a), a), (gap(b), b)];
                both.iter()
                    .filter(|(g, _)| *g >= TimeDelta::zero())
                    .min_by_key(|(g, _)| *g)
                    .or_else(|| both.iter().max_by_key(|(g, _)| *g))
                    .copied()
            }
        }
    }

    /// Whether a daylight-saving change lies between two local times: one
    /// of them is repeated, or a local time between them is skipped.
    fn daylight_saving_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> bool {
        let repeated = |t| matches!(self.zone.offsets(t), LocalResult::Ambiguous(..));
        if repeated(a) || repeated(b) {
            return true;
        }
        let (lo, hi) = (a.min(b), a.max(b));
        (1..=48 * 60)
            .map(|i| lo + TimeDelta::minutes(i))
            .take_while(|t| *t < hi)
            .any(|t| matches!(self.zone.offsets(t), LocalResult::None))
    }

    /// The offset of a local time, the earlier one when it is repeated.
    fn offset(&self, t: NaiveDateTime) -> Option<i32> {
        match self.zone.offsets(t) {
            LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => Some(o),
            LocalResult::None => None,
        }
    }

    /// Whether a reminder may fire at `t`.
    pub fn allowed(&self, t: NaiveDateTime) -> bool {
        match self.window {
            None => self.days.contains(t.weekday()),
            Some(w) => [t.date() - TimeDelta::days(1), t.date()].iter().any(|d| {
                let s = d.and_time(w.start);
                self.days.contains(d.weekday()) && s <= t && t < s + w.length()
            }),
        }
    }

    /// The first moment at or after `t` when a window (or an allowed day) opens.
    fn next_opening(&self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let start = self.window.map_or(NaiveTime::MIN, |w| w.start);
        (0..=8)
            .map(|i| t.date() + TimeDelta::days(i))
            .map(|d: NaiveDate| d.and_time(start))
            .find(|s| *s >= t && self.days.contains(s.weekday()))
    }

    /// When the next reminder is due, counting a full interval from `base`
    /// and from the opening of the next window when `base + every` is
    /// outside; a local time the clocks skip moves forward (`existing`).
    pub fn next_after(&self, base: NaiveDateTime) -> NaiveDateTime {
        self.existing(self.next_after_naive(base))
    }

    fn next_after_naive(&self, base: NaiveDateTime) -> NaiveDateTime {
        // Time outside working hours is not sitting time: count from the opening.
        let base = if self.allowed(base) {
            base
        } else {
            self.next_opening(base).unwrap_or(base)
        };
        let candidate = base + self.every;
        if self.allowed(candidate) {
            return candidate;
        }
        let mut from = candidate;
        for _ in 0..16 {
            match self.next_opening(from) {
                Some(open) if self.allowed(open + self.every) => return open + self.every,
                Some(open) => from = open + TimeDelta::minutes(1),
                None => break,
            }
        }
        candidate
    }

    /// When the reminders end, if they do.
    pub fn deadline(&self) -> Option<NaiveDateTime> {
        self.until
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Show a reminder now.
    Fire,
    /// Nothing to do; poll again at this time (at most `MAX_SLEEP` away, or
    /// `LONG_SLEEP` with an awake clock).
    Wait(NaiveDateTime),
    /// `--count` or `--until` reached.
    Finished,
}

/// Why the schedule moved, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reset {
    /// A suspend or absence at least as long as the interval: counted as a break.
    Gap,
    /// Idle for longer than the idle threshold: counted as a break.
    Idle,
    /// The clock went backwards.
    ClockBack,
}

#[derive(Debug, Clone)]
pub struct Scheduler {
    pub plan: Rules,
    next: NaiveDateTime,
    last: NaiveDateTime,
    /// The UTC offset at `last`, when the zone could tell.
    last_offset: Option<i32>,
    deadline: Option<NaiveDateTime>,
    pub fired: u32,
    pub last_reset: Option<Reset>,
    /// `remind now`: the next reminder fires even outside the working hours.
    force: bool,
    /// The awake clock at `last`, when there is one and `last` was a poll.
    last_awake: Option<TimeDelta>,
}

impl Scheduler {
    pub fn new(plan: Rules, now: NaiveDateTime) -> Scheduler {
        let next = plan.next_after(now);
        let deadline = plan.deadline();
        Scheduler {
            last_offset: plan.offset(now),
            plan,
            next,
            last: now,
            deadline,
            fired: 0,
            last_reset: None,
            force: false,
            last_awake: None,
        }
    }

    /// When the next reminder is due.
    pub fn next(&self) -> NaiveDateTime {
        self.next
    }

    pub fn finished(&self, now: NaiveDateTime) -> bool {
        self.plan.count.is_some_and(|c| self.fired >= c) || self.deadline.is_some_and(|d| now >= d)
    }

    /// Snooze: the next reminder comes after the snooze time.
    pub fn snooze(&mut self, now: NaiveDateTime) {
        self.next = self.plan.existing(now + self.plan.snooze);
    }

    /// Snooze for a given time (`remind snooze 20m`).
    pub fn postpone(&mut self, now: NaiveDateTime, d: TimeDelta) {
        self.next = self.plan.existing(now + d);
    }

    /// Start the interval afresh from `now` (after a pause, or `remind done`):
    /// the time in between is neither a gap nor a break.
    pub fn restart(&mut self, now: NaiveDateTime) {
        self.next = self.plan.next_after(now);
        self.last = now;
        self.last_awake = None;
        self.force = false;
    }

    /// A reminder at the next poll, whatever the hour (`remind now`, the
    /// stretch after a meeting).
    pub fn due_now(&mut self, now: NaiveDateTime) {
        self.next = now;
        self.last = now;
        self.last_awake = None;
        self.force = true;
    }

    /// Decide what to do at `now`; `idle` is how long the user has been idle,
    /// when known. Without an awake clock: waits are at most `MAX_SLEEP`.
    pub fn poll(&mut self, now: NaiveDateTime, idle: Option<TimeDelta>) -> Step {
        self.poll_at(now, None, idle)
    }

    /// [`Scheduler::poll`] with the awake clock's reading (`Clock::awake`):
    /// a clock that stops while the machine is suspended and that nobody
    /// sets. Wall time that passed beyond it is a suspend (or the clock set
    /// forward), wall time short of it the clock set back; so waits need not
    /// be short to notice either.
    pub fn poll_at(
        &mut self,
        now: NaiveDateTime,
        awake: Option<TimeDelta>,
        idle: Option<TimeDelta>,
    ) -> Step {
        self.last_reset = None;
        let slept = match (awake, self.last_awake.take()) {
            (Some(a), Some(before)) => Some(a - before),
            _ => None,
        };
        self.last_awake = awake;
        if self.finished(now) {
            return Step::Finished;
        }
        // A daylight-saving change moves the local clock but not real time:
        // measure the gap in real time then, so it is neither a clock jump nor
        // a break (and the repeated hour is not lived twice).
        let naive_gap = now - self.last;
        let real = self.plan.real_gap(self.last, self.last_offset, now);
        let gap = match real {
            Some((r, _)) if r >= TimeDelta::zero() && naive_gap >= TimeDelta::zero() => {
                naive_gap.min(r)
            }
            Some((r, _)) if r >= TimeDelta::zero() => r,
            _ => naive_gap,
        };
        // The offset changed without a daylight-saving change: the time zone
        // itself changed (a laptop that travelled). Keep the next reminder at
        // the same real time.
        let shift = match real {
            Some((r, _)) if r >= TimeDelta::zero() => naive_gap - r,
            _ => TimeDelta::zero(),
        };
        if shift != TimeDelta::zero() && !self.plan.daylight_saving_between(self.last, now) {
            self.next += shift;
        }
        if let Some((_, o)) = real {
            self.last_offset = Some(o);
        } else if let Some(o) = self.plan.offset(now) {
            self.last_offset = Some(o);
        }
        // With an awake clock, only the wall time it does not account for
        // is a gap: a long wait is not a suspend.
        let gap = match slept {
            Some(awake) if awake >= TimeDelta::zero() => gap - awake,
            _ => gap,
        };
        if gap < TimeDelta::zero() {
            // The clock went back: never wait longer than one interval from now.
            if self.next - now > self.plan.every {
                self.next = self.plan.next_after(now);
                self.last_reset = Some(Reset::ClockBack);
            }
        } else if gap > GAP && gap >= self.plan.every {
            // Asleep or away for a whole interval: that was a break.
            self.next = self.plan.next_after(now);
            self.last_reset = Some(Reset::Gap);
        }
        // A shorter gap leaves `next` alone: if it passed, one reminder fires below.
        if idle.is_some_and(|i| i >= self.plan.idle_break) {
            self.next = self.plan.next_after(now);
            self.last_reset = Some(Reset::Idle);
        }
        self.last = now;
        if now >= self.next {
            let allowed = self.plan.allowed(now) || std::mem::take(&mut self.force);
            self.next = self.plan.next_after(now);
            if allowed {
                self.fired += 1;
                return Step::Fire;
            }
        }
        let longest = if awake.is_some() {
            LONG_SLEEP
        } else {
            MAX_SLEEP
        };
        let mut wake = self.next.min(now + longest);
        if let Some(i) = idle {
            wake = wake.min(now + self.idle_step(i));
        }
        if let Some(d) = self.deadline {
            wake = wake.min(d);
        }
        Step::Wait(wake)
    }

    /// When to sample the idle time again, the user having been idle `i`:
    /// at the first moment an absence could reach the threshold, or while
    /// away, after `AWAY_STEP` (to see the return).
    pub fn idle_step(&self, i: TimeDelta) -> TimeDelta {
        if i >= self.plan.idle_break {
            AWAY_STEP
        } else {
            (self.plan.idle_break - i).max(MIN_IDLE_STEP)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn plan(every: &str) -> Rules {
        Rules::new(
            parse_interval(every).unwrap(),
            parse_interval("10m").unwrap(),
            parse_interval("5m").unwrap(),
        )
    }

    /// Drive the scheduler like the loop does, waking when asked, and return the firing times.
    fn run(s: &mut Scheduler, mut now: NaiveDateTime, until: NaiveDateTime) -> Vec<NaiveDateTime> {
        let mut fired = Vec::new();
        let mut polls = 0;
        while now < until {
            polls += 1;
            assert!(polls < 100_000, "runaway loop");
            match s.poll(now, None) {
                Step::Fire => fired.push(now),
                Step::Wait(t) => {
                    assert!(t > now, "wait must move forward");
                    assert!(t - now <= MAX_SLEEP, "sleeps at most MAX_SLEEP");
                    now = t;
                }
                Step::Finished => break,
            }
        }
        fired
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("45m").unwrap(), Duration::from_secs(2700));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("1h 30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("90s").unwrap(), Duration::from_secs(90));
        assert!(parse_duration("0m").unwrap_err().contains("more than zero"));
        assert!(parse_duration("soon").unwrap_err().contains("45m"));
        assert!(parse_interval("3d").unwrap_err().contains("24 hours"));
        assert!(parse_interval("500ms").unwrap_err().contains("second"));
        assert_eq!(format_interval(Duration::from_secs(5400)), "1h 30m");
    }

    /// Europe/London in 2026: GMT, then BST from 01:00 GMT on 29 March (the
    /// clocks skip 01:00-02:00) to 02:00 BST on 25 October (01:00-02:00 twice).
    #[derive(Debug)]
    struct London;

    impl Zone for London {
        fn offsets(&self, t: NaiveDateTime) -> LocalResult<i32> {
            let spring = at("2026-03-29 01:00:00");
            let autumn = at("2026-10-25 01:00:00");
            let hour = TimeDelta::hours(1);
            if t >= spring && t < spring + hour {
                LocalResult::None
            } else if t >= autumn && t < autumn + hour {
                LocalResult::Ambiguous(3600, 0)
            } else if t >= spring + hour && t < autumn {
                LocalResult::Single(3600)
            } else {
                LocalResult::Single(0)
            }
        }
    }

    fn london(every: &str) -> Rules {
        let mut p = plan(every);
        p.zone = Arc::new(London);
        p
    }

    #[test]
    fn skipped_local_times_move_forward_by_the_change() {
        let start = at("2026-03-29 00:50:00");
        let mut s = Scheduler::new(london("30m"), start);
        // The dry run's walk through local times.
        let fired = run(&mut s, start, at("2026-03-29 03:21:00"));
        assert_eq!(
            fired,
            [
                at("2026-03-29 02:20:00"),
                at("2026-03-29 02:50:00"),
                at("2026-03-29 03:20:00")
            ],
            "01:20 and 01:50 do not exist that day"
        );
        // The real clock: 00:58 GMT, then two minutes later it reads 02:00 BST.
        let mut s = Scheduler::new(london("30m"), start);
        assert!(matches!(
            s.poll(at("2026-03-29 00:58:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(
            s.next(),
            at("2026-03-29 02:20:00"),
            "30 real minutes after 00:50"
        );
        assert!(matches!(
            s.poll(at("2026-03-29 02:00:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(s.last_reset, None, "the change is not a break");
        assert_eq!(s.next(), at("2026-03-29 02:20:00"));
        assert_eq!(s.poll(at("2026-03-29 02:20:00"), None), Step::Fire);
        // A snooze into the gap moves forward too.
        let mut p = london("45m");
        p.snooze = TimeDelta::minutes(10);
        let mut s = Scheduler::new(p, at("2026-03-29 00:00:00"));
        s.snooze(at("2026-03-29 00:55:00"));
        assert_eq!(s.next(), at("2026-03-29 02:05:00"));
        // Without the zone, the old behaviour: times that do not exist.
        let mut s = Scheduler::new(plan("30m"), start);
        assert!(run(&mut s, start, at("2026-03-29 03:21:00")).contains(&at("2026-03-29 01:20:00")));
    }

    #[test]
    fn repeated_local_times_fire_once() {
        let start = at("2026-10-25 00:50:00");
        // The dry run's walk lists each local time once.
        let mut s = Scheduler::new(london("30m"), start);
        let fired = run(&mut s, start, at("2026-10-25 02:51:00"));
        assert_eq!(
            fired,
            [
                at("2026-10-25 01:20:00"),
                at("2026-10-25 01:50:00"),
                at("2026-10-25 02:20:00"),
                at("2026-10-25 02:50:00")
            ]
        );
        // The real clock: 01:00-01:59 BST, then 01:00-01:59 GMT again.
        let mut s = Scheduler::new(london("30m"), start);
        let mut fired = Vec::new();
        let mut now = start;
        let mut clock = Vec::new();
        while now < at("2026-10-25 02:00:00") {
            clock.push(now);
            now += TimeDelta::minutes(1);
        }
        let mut again = at("2026-10-25 01:00:00");
        while again <= at("2026-10-25 02:30:00") {
            clock.push(again);
            again += TimeDelta::minutes(1);
        }
        for t in clock {
            match s.poll(t, None) {
                Step::Fire => fired.push(t),
                Step::Finished => break,
                Step::Wait(_) => {}
            }
            assert_ne!(s.last_reset, Some(Reset::ClockBack), "at {t}");
            assert_ne!(s.last_reset, Some(Reset::Gap), "at {t}");
        }
        assert_eq!(
            fired,
            [
                at("2026-10-25 01:20:00"),
                at("2026-10-25 01:50:00"),
                at("2026-10-25 02:20:00")
            ],
            "nothing fires again in the repeated hour"
        );
        // A real clock change back by an hour (not daylight saving) still resets.
        let mut s = Scheduler::new(london("30m"), at("2026-11-24 10:00:00"));
        s.poll(at("2026-11-24 10:20:00"), None);
        s.poll(at("2026-11-24 09:20:00"), None);
        assert_eq!(s.last_reset, Some(Reset::ClockBack));
    }

    /// A time zone that changes under the scheduler, as when a laptop travels.
    #[derive(Debug)]
    struct Travel(std::sync::atomic::AtomicI32);

    impl Zone for Travel {
        fn offsets(&self, _: NaiveDateTime) -> LocalResult<i32> {
            LocalResult::Single(self.0.load(std::sync::atomic::Ordering::SeqCst))
        }
    }

    #[test]
    fn a_time_zone_change_keeps_the_next_reminder_at_the_same_real_time() {
        use std::sync::atomic::Ordering;
        let zone = Arc::new(Travel(std::sync::atomic::AtomicI32::new(3 * 3600)));
        let mut p = plan("45m");
        p.zone = zone.clone();
        let mut s = Scheduler::new(p, at("2026-11-24 14:00:00"));
        s.poll(at("2026-11-24 14:10:00"), None);
        // Three hours west: the wall clock reads 11:12 two minutes later.
        zone.0.store(0, Ordering::SeqCst);
        assert!(matches!(
            s.poll(at("2026-11-24 11:12:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(s.last_reset, None);
        assert_eq!(
            s.next(),
            at("2026-11-24 11:45:00"),
            "not 14:45, three hours away"
        );
        // Two hours east: 11:20 becomes 13:22; nothing is overdue.
        zone.0.store(2 * 3600, Ordering::SeqCst);
        assert!(matches!(
            s.poll(at("2026-11-24 13:22:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(s.next(), at("2026-11-24 13:45:00"));
        assert_eq!(s.poll(at("2026-11-24 13:45:00"), None), Step::Fire);
    }

    #[test]
    fn capital_m_is_months_and_is_explained() {
        for (typed, fixed) in [("45M", "45m"), ("1h30M", "1h30m"), ("1h 30M", "1h 30m")] {
            let e = parse_interval(typed).unwrap_err();
            assert!(
                e.contains("months") && e.contains("m is minutes") && e.contains(fixed),
                "{typed}: {e}"
            );
        }
        // Other units with capitals are left to humantime.
        assert!(parse_interval("45m").is_ok());
        assert!(
            parse_duration("2months").is_ok(),
            "months spelt out stay months"
        );
    }

    #[test]
    fn until_a_time_already_past_is_refused_unless_a_day_is_given() {
        let now = at("2026-11-24 08:38:00");
        let u = parse_until("08:00").unwrap();
        let e = u.resolve(now).unwrap_err();
        assert!(
            e.contains("already passed today") && e.contains("08:38"),
            "{e}"
        );
        assert_eq!(
            parse_until("09:00").unwrap().resolve(now),
            Ok(at("2026-11-24 09:00:00"))
        );
        assert_eq!(
            parse_until("tomorrow 08:00").unwrap().resolve(now),
            Ok(at("2026-11-25 08:00:00"))
        );
        assert_eq!(
            parse_until("2026-11-26 07:30").unwrap().resolve(now),
            Ok(at("2026-11-26 07:30:00"))
        );
        assert_eq!(
            parse_until("2026-11-26T07:30").unwrap().resolve(now),
            Ok(at("2026-11-26 07:30:00"))
        );
        assert!(
            parse_until("2026-11-23 09:00")
                .unwrap()
                .resolve(now)
                .is_err()
        );
        assert!(
            parse_until("08:38").unwrap().resolve(now).is_err(),
            "now is not later"
        );
        for bad in ["25:00", "tomorow 08:00", "2026-13-01 08:00", "", "tomorrow"] {
            assert!(parse_until(bad).is_err(), "{bad}");
        }
        for text in ["17:30", "tomorrow 08:00", "2026-12-01 17:30"] {
            assert_eq!(parse_until(text).unwrap().to_string(), text, "reads back");
        }
    }

    #[test]
    fn windows_and_days() {
        let w = parse_window("09:00-17:30").unwrap();
        assert_eq!(w.length(), TimeDelta::minutes(510));
        assert_eq!(
            parse_window("22:00-06:00").unwrap().length(),
            TimeDelta::hours(8)
        );
        assert!(parse_window("9-5").is_err());
        assert!(parse_window("10:00-10:00").is_err());
        let d = parse_days("mon-fri").unwrap();
        assert!(d.contains(Weekday::Mon) && d.contains(Weekday::Fri) && !d.contains(Weekday::Sat));
        let wrap = parse_days("fri-mon").unwrap();
        assert_eq!(wrap.to_string(), "mon,fri-sun");
        assert_eq!(d.to_string(), "mon-fri");
        assert_eq!(parse_days(&d.to_string()).unwrap(), d, "Display reads back");
        assert_eq!(
            parse_days("Monday, wed ,FRI").unwrap().to_string(),
            "mon,wed,fri"
        );
        assert_eq!(parse_days("weekends").unwrap().to_string(), "sat,sun");
        assert!(parse_days("funday").is_err());
        assert!(parse_days("").is_err());
    }

    #[test]
    fn fires_every_interval() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        let fired = run(&mut s, start, at("2026-11-24 13:00:01"));
        assert_eq!(
            fired,
            [
                at("2026-11-24 10:45:00"),
                at("2026-11-24 11:30:00"),
                at("2026-11-24 12:15:00"),
                at("2026-11-24 13:00:00")
            ]
        );
    }

    #[test]
    fn count_and_until_stop() {
        let start = at("2026-11-24 10:00:00");
        let mut p = plan("30m");
        p.count = Some(2);
        let mut s = Scheduler::new(p, start);
        assert_eq!(run(&mut s, start, at("2026-11-25 00:00:00")).len(), 2);
        let mut p = plan("30m");
        p.until = Some(at("2026-11-24 11:40:00"));
        let mut s = Scheduler::new(p, start);
        let fired = run(&mut s, start, at("2026-11-25 00:00:00"));
        assert_eq!(
            fired,
            [
                at("2026-11-24 10:30:00"),
                at("2026-11-24 11:00:00"),
                at("2026-11-24 11:30:00")
            ]
        );
        assert!(s.finished(at("2026-11-24 11:40:00")));
    }

    #[test]
    fn working_hours_and_weekends() {
        // Friday 2026-11-27, 16:50, window 09:00-17:30 on weekdays.
        let start = at("2026-11-27 16:50:00");
        let mut p = plan("45m");
        p.window = Some(parse_window("09:00-17:30").unwrap());
        p.days = parse_days("mon-fri").unwrap();
        let mut s = Scheduler::new(p, start);
        let fired = run(&mut s, start, at("2026-11-30 11:00:00"));
        // Nothing after 17:30 on Friday, nothing at the weekend; Monday starts a full interval after 09:00.
        assert_eq!(
            fired,
            [at("2026-11-30 09:45:00"), at("2026-11-30 10:30:00")]
        );
    }

    #[test]
    fn working_hours_across_midnight() {
        // Night shift 22:00-06:00, Monday nights only (the window belongs to the day it opens).
        let start = at("2026-11-23 21:00:00"); // a Monday
        let mut p = plan("2h");
        p.window = Some(parse_window("22:00-06:00").unwrap());
        p.days = parse_days("mon").unwrap();
        let mut s = Scheduler::new(p, start);
        let fired = run(&mut s, start, at("2026-11-24 12:00:00"));
        assert_eq!(
            fired,
            [
                at("2026-11-24 00:00:00"),
                at("2026-11-24 02:00:00"),
                at("2026-11-24 04:00:00")
            ]
        );
        assert!(s.plan.allowed(at("2026-11-24 05:59:00")));
        assert!(!s.plan.allowed(at("2026-11-24 06:00:00")));
        assert!(
            !s.plan.allowed(at("2026-11-24 23:00:00")),
            "Tuesday night is not in the set"
        );
    }

    #[test]
    fn every_longer_than_window_is_refused() {
        let mut p = plan("2h");
        p.window = Some(parse_window("09:00-10:00").unwrap());
        assert!(p.check().unwrap_err().contains("longer than"));
    }

    #[test]
    fn long_suspend_counts_as_a_break_and_never_bursts() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        assert_eq!(
            s.poll(at("2026-11-24 10:01:00"), None),
            Step::Wait(at("2026-11-24 10:03:00"))
        );
        // The lid closes for 3 hours: four reminders would have been due.
        let woke = at("2026-11-24 13:02:00");
        assert_eq!(s.poll(woke, None), Step::Wait(at("2026-11-24 13:04:00")));
        assert_eq!(s.last_reset, Some(Reset::Gap));
        assert_eq!(
            s.next(),
            at("2026-11-24 13:47:00"),
            "the interval restarts on waking"
        );
        assert_eq!(s.fired, 0);
    }

    #[test]
    fn short_suspend_fires_one_overdue_reminder() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        s.poll(at("2026-11-24 10:40:00"), None);
        // Asleep 10:40 to 11:00 (20 minutes, shorter than the interval); 10:45 passed.
        assert_eq!(s.poll(at("2026-11-24 11:00:00"), None), Step::Fire);
        assert_eq!(s.next(), at("2026-11-24 11:45:00"));
        assert!(
            matches!(s.poll(at("2026-11-24 11:00:01"), None), Step::Wait(_)),
            "one, not a burst"
        );
    }

    #[test]
    fn clock_jumps() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        // Forward by 5 hours (NTP or a time-zone change): one interval from now, no burst.
        assert!(matches!(
            s.poll(at("2026-11-24 15:00:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(s.next(), at("2026-11-24 15:45:00"));
        // Back by 3 hours: we don't wait 3 hours 45.
        assert!(matches!(
            s.poll(at("2026-11-24 12:00:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(s.last_reset, Some(Reset::ClockBack));
        assert_eq!(s.next(), at("2026-11-24 12:45:00"));
    }

    #[test]
    fn idle_counts_as_a_break() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        s.poll(at("2026-11-24 10:30:00"), Some(TimeDelta::seconds(20)));
        assert_eq!(s.next(), at("2026-11-24 10:45:00"));
        // Away from the keyboard for 6 minutes at 10:40: the interval restarts.
        s.poll(at("2026-11-24 10:40:00"), Some(TimeDelta::minutes(6)));
        assert_eq!(s.last_reset, Some(Reset::Idle));
        assert_eq!(s.next(), at("2026-11-24 11:25:00"));
        // Still away at 10:50: it keeps moving, so nothing fires while away.
        assert!(matches!(
            s.poll(at("2026-11-24 10:50:00"), Some(TimeDelta::minutes(16))),
            Step::Wait(_)
        ));
        assert_eq!(s.next(), at("2026-11-24 11:35:00"));
    }

    /// A person at the desk: input all the time except during `away`
    /// (start, end) spells, the first input back just after the end; the
    /// idle time they show at `t`.
    fn idle_of(away: &[(NaiveDateTime, NaiveDateTime)], t: NaiveDateTime) -> TimeDelta {
        away.iter()
            .find(|(a, b)| *a <= t && t <= *b)
            .map_or(TimeDelta::zero(), |(a, _)| t - *a)
    }

    /// Drive the scheduler like the loop, with an awake clock that runs with
    /// the wall clock and an idle source; the polls and the idle resets.
    fn run_awake(
        s: &mut Scheduler,
        start: NaiveDateTime,
        until: NaiveDateTime,
        away: &[(NaiveDateTime, NaiveDateTime)],
    ) -> (u32, Vec<NaiveDateTime>) {
        let (mut now, mut polls, mut resets) = (start, 0, Vec::new());
        while now < until {
            polls += 1;
            assert!(polls < 100_000, "runaway loop");
            let awake = now - start;
            match s.poll_at(now, Some(awake), Some(idle_of(away, now))) {
                Step::Wait(t) => {
                    assert!(t > now, "wait must move forward");
                    assert!(t - now <= LONG_SLEEP);
                    now = t;
                }
                Step::Fire => {}
                Step::Finished => break,
            }
            if s.last_reset == Some(Reset::Idle) {
                resets.push(now);
            }
        }
        (polls, resets)
    }

    fn idle_plan(every: &str, idle: &str) -> Rules {
        let mut p = plan(every);
        p.idle_break = TimeDelta::from_std(parse_duration(idle).unwrap()).unwrap();
        p
    }

    #[test]
    fn an_absence_at_the_threshold_is_never_missed_and_a_shorter_one_never_counts() {
        let start = at("2026-11-24 10:00:00");
        // A 90 s absence with --idle 1m, wherever it falls.
        for offset in 0..=130 {
            let a = start + TimeDelta::minutes(7) + TimeDelta::seconds(offset);
            let away = [(a, a + TimeDelta::seconds(90))];
            let mut s = Scheduler::new(idle_plan("45m", "1m"), start);
            let (_, resets) = run_awake(&mut s, start, at("2026-11-24 10:30:00"), &away);
            assert!(!resets.is_empty(), "missed the absence at {a}");
            assert!(resets.iter().all(|r| *r >= a + TimeDelta::minutes(1)));
        }
        // Exactly the threshold (5m) counts; 4 minutes with --idle 5m never does.
        for offset in [0, 17, 59, 61, 119, 200] {
            let a = start + TimeDelta::minutes(11) + TimeDelta::seconds(offset);
            for (len, counts) in [(5 * 60, true), (4 * 60, false), (299, false)] {
                let away = [(a, a + TimeDelta::seconds(len))];
                let mut s = Scheduler::new(idle_plan("45m", "5m"), start);
                let (_, resets) = run_awake(&mut s, start, at("2026-11-24 10:40:00"), &away);
                assert_eq!(!resets.is_empty(), counts, "{len} s from {a}: {resets:?}");
            }
        }
        // The old fixed two-minute sampling missed the 90 s absence.
        let a = at("2026-11-24 10:07:10");
        let away = [(a, a + TimeDelta::seconds(90))];
        let mut s = Scheduler::new(idle_plan("45m", "1m"), start);
        let mut now = start;
        let mut reset = false;
        while now < at("2026-11-24 10:30:00") {
            s.poll(now, Some(idle_of(&away, now)));
            reset |= s.last_reset == Some(Reset::Idle);
            now += MAX_SLEEP;
        }
        assert!(!reset, "two-minute samples fall either side of it");
    }

    #[test]
    fn wake_ups_while_the_user_works_are_few() {
        let start = at("2026-11-24 10:00:00");
        let hour = at("2026-11-24 11:00:00");
        // Working without a break: one sample per idle threshold, plus the
        // reminder (45m) itself: 12 + 1, far fewer than 30 two-minute polls.
        let mut s = Scheduler::new(idle_plan("45m", "5m"), start);
        let (polls, resets) = run_awake(&mut s, start, hour, &[]);
        assert!(resets.is_empty());
        assert!(polls <= 14, "{polls} wake-ups in an hour");
        // No idle source: only the reminder and the LONG_SLEEP bound.
        let mut s = Scheduler::new(plan("45m"), start);
        let mut now = start;
        let mut polls = 0;
        while now < hour {
            polls += 1;
            if let Step::Wait(t) = s.poll_at(now, Some(now - start), None) {
                now = t;
            }
        }
        assert!(polls <= 6, "{polls} wake-ups in an hour");
    }

    #[test]
    fn with_an_awake_clock_a_long_wait_is_no_suspend_but_a_suspend_is() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        let awake = |t: &str| Some(at(t) - start);
        assert_eq!(
            s.poll_at(
                at("2026-11-24 10:01:00"),
                awake("2026-11-24 10:01:00"),
                None
            ),
            Step::Wait(at("2026-11-24 10:16:00")),
            "sleeps up to LONG_SLEEP, not two minutes"
        );
        assert!(matches!(
            s.poll_at(
                at("2026-11-24 10:16:00"),
                awake("2026-11-24 10:16:00"),
                None
            ),
            Step::Wait(_)
        ));
        assert_eq!(s.last_reset, None, "a 15-minute wait is not a suspend");
        // Suspended for 3 hours after 10:16: the awake clock moved 1 minute.
        let woke = at("2026-11-24 13:17:00");
        assert!(matches!(
            s.poll_at(woke, awake("2026-11-24 10:17:00"), None),
            Step::Wait(_)
        ));
        assert_eq!(s.last_reset, Some(Reset::Gap));
        assert_eq!(s.next(), at("2026-11-24 14:02:00"), "restarts on waking");
        // A short suspend (10 minutes) across the due time: one overdue reminder.
        let mut s = Scheduler::new(plan("45m"), start);
        s.poll_at(
            at("2026-11-24 10:40:00"),
            awake("2026-11-24 10:40:00"),
            None,
        );
        assert_eq!(
            s.poll_at(
                at("2026-11-24 10:55:00"),
                awake("2026-11-24 10:45:00"),
                None
            ),
            Step::Fire
        );
        // The clock set back 3 hours during a 15-minute wait.
        let mut s = Scheduler::new(plan("45m"), start);
        s.poll_at(
            at("2026-11-24 10:20:00"),
            awake("2026-11-24 10:20:00"),
            None,
        );
        s.poll_at(
            at("2026-11-24 07:35:00"),
            awake("2026-11-24 10:35:00"),
            None,
        );
        assert_eq!(s.last_reset, Some(Reset::ClockBack));
        assert_eq!(s.next(), at("2026-11-24 08:20:00"));
        // Set back 10 minutes: the reminder keeps its real time.
        let mut s = Scheduler::new(plan("45m"), start);
        s.poll_at(
            at("2026-11-24 10:20:00"),
            awake("2026-11-24 10:20:00"),
            None,
        );
        s.poll_at(
            at("2026-11-24 10:25:00"),
            awake("2026-11-24 10:35:00"),
            None,
        );
        assert_eq!(s.last_reset, None);
        assert_eq!(s.next(), at("2026-11-24 10:45:00"));
    }

    #[test]
    fn snooze_moves_the_next_reminder() {
        let start = at("2026-11-24 10:00:00");
        let mut s = Scheduler::new(plan("45m"), start);
        assert_eq!(
            run(&mut s, start, at("2026-11-24 10:45:01")),
            [at("2026-11-24 10:45:00")]
        );
        s.snooze(at("2026-11-24 10:45:30"));
        assert_eq!(s.next(), at("2026-11-24 10:55:30"));
        let fired = run(&mut s, at("2026-11-24 10:46:00"), at("2026-11-24 11:41:00"));
        assert_eq!(
            fired,
            [at("2026-11-24 10:55:30"), at("2026-11-24 11:40:30")]
        );
    }
}

//! `backfix remind`: the loop around the pure scheduler, and the parts it
//! talks to through traits (clock and waiting, notifications, idle time,
//! history) so tests can drive it with fakes.

pub mod desktop;
pub mod state;
pub mod unit;

use crate::catalog::Catalog;
use crate::schedule::{Reset, Scheduler, Step};
use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};
pub use state::EventKind;

/// What the user did with a reminder (from the notification's buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Done,
    Snoozed,
    Skipped,
}

impl Action {
    pub fn from_key(key: &str) -> Option<Action> {
        match key {
            "done" => Some(Action::Done),
            "snooze" => Some(Action::Snoozed),
            "skip" => Some(Action::Skipped),
            _ => None,
        }
    }
}

/// Something that wakes the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// SIGINT or SIGTERM.
    Stop,
    /// A button was pressed on the notification for this exercise.
    Acted { exercise: String, action: Action },
}

/// Time, and waiting for it.
pub trait Clock {
    fn now(&self) -> NaiveDateTime;
    /// Sleep until `t` or until a message arrives.
    fn wait_until(&mut self, t: NaiveDateTime) -> Option<Msg>;
}

/// One reminder, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub exercise: String,
    /// The exercise's name.
    pub name: String,
    /// The dose, in words.
    pub dose: String,
    pub title: String,
    /// Plain text; `markup()` gives the form for notification servers.
    pub body: String,
}

impl Reminder {
    /// The body escaped for servers that read it as markup.
    pub fn markup(&self) -> String {
        escape_markup(&self.body)
    }
}

/// Shows reminders on the desktop.
pub trait Notifier {
    /// Show it; button presses come back later as `Msg::Acted`.
    fn show(&mut self, r: &Reminder, snooze_minutes: i64) -> Result<(), String>;
}

/// How long the user has been idle, where the desktop says.
pub trait IdleSource {
    fn idle(&mut self) -> Option<TimeDelta>;
}

/// The reminder log, `history.jsonl`.
pub trait History {
    fn record(&mut self, event: &Event);
}

/// One line of history (the format is documented in `state`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Event {
    pub time: String,
    pub event: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Event {
    pub fn new(
        now: NaiveDateTime,
        event: EventKind,
        exercise: Option<&str>,
        detail: Option<String>,
    ) -> Event {
        Event {
            time: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
            event,
            exercise: exercise.map(String::from),
            detail,
        }
    }
}

/// Suggestions in an order that doesn't repeat until every one was used.
#[derive(Debug, Clone)]
pub struct Rotation {
    ids: Vec<String>,
    pos: usize,
    state: u64,
}

impl Rotation {
    pub fn new(ids: Vec<String>, seed: u64) -> Rotation {
        let mut r = Rotation {
            ids,
            pos: 0,
            state: seed | 1,
        };
        r.shuffle(None);
        r
    }

    fn rand(&mut self) -> u64 {
        // xorshift64: plenty for shuffling a short list.
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x
    }

    fn shuffle(&mut self, last: Option<String>) {
        for i in (1..self.ids.len()).rev() {
            let j = (self.rand() % (i as u64 + 1)) as usize;
            self.ids.swap(i, j);
        }
        // Never the same exercise twice in a row across rounds.
        if self.ids.len() > 1 && last.as_deref() == self.ids.first().map(String::as_str) {
            let n = self.ids.len();
            self.ids.swap(0, n - 1);
        }
        self.pos = 0;
    }

    pub fn next_id(&mut self) -> Option<String> {
        if self.ids.is_empty() {
            return None;
        }
        if self.pos == self.ids.len() {
            let last = self.ids.last().cloned();
            self.shuffle(last);
        }
        self.pos += 1;
        Some(self.ids[self.pos - 1].clone())
    }
}

/// The exercises a reminder may suggest: the same rules as plans
/// ([`crate::routine::suggestions`]).
pub fn suggestions(catalog: &Catalog, complaint: Option<&str>) -> Vec<String> {
    crate::routine::suggestions(catalog, complaint)
}

/// Escape text for the notification body, which servers may read as markup.
pub fn escape_markup(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The reminder for an exercise, with the dose the complaint's routine gives
/// it (the desk routine's by default: a short walk, not a long one).
pub fn reminder(catalog: &Catalog, complaint: Option<&str>, id: &str) -> Option<Reminder> {
    let e = catalog.exercise(id)?;
    let dose = catalog
        .complaint(complaint.unwrap_or("desk"))
        .and_then(|c| c.items.iter().find(|i| i.exercise == id))
        .and_then(|i| i.dose.as_ref())
        .unwrap_or(&e.dose);
    let dose = crate::dose::amount(dose);
    Some(Reminder {
        exercise: e.id.to_string(),
        name: e.name.to_string(),
        title: format!("Time to move: {}", e.name),
        body: format!("{}\n{dose}\nMore: backfix show {}", e.summary, e.id),
        dose,
    })
}

/// Where reminders go when the desktop can't show them: the terminal.
pub trait Fallback {
    fn show(&mut self, now: NaiveDateTime, r: &Reminder, why: &str);
    fn note(&mut self, line: &str);
}

/// Everything the loop needs.
pub struct Parts<'a> {
    pub clock: &'a mut dyn Clock,
    pub notifier: &'a mut dyn Notifier,
    pub idle: &'a mut dyn IdleSource,
    pub history: &'a mut dyn History,
    pub fallback: &'a mut dyn Fallback,
    /// Called whenever the next reminder time changes (to update the status file).
    pub on_next: &'a mut dyn FnMut(NaiveDateTime, u32),
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Finished,
    Stopped,
}

/// Run reminders until `--count`/`--until` or a stop message. Never fails:
/// a missing notification server means the terminal gets the reminder.
pub fn run_loop(
    s: &mut Scheduler,
    rotation: &mut Rotation,
    catalog: &Catalog,
    complaint: Option<&str>,
    p: Parts<'_>,
) -> Ended {
    let snooze_minutes = s.plan.snooze.num_minutes().max(1);
    let mut last_shown: Option<String> = None;
    let mut reported_next = None;
    let mut idle_logged = false;
    loop {
        let now = p.clock.now();
        let idle = p.idle.idle();
        let step = s.poll(now, idle);
        match s.last_reset {
            Some(Reset::Gap) => p.history.record(&Event::new(
                now,
                EventKind::Break,
                None,
                Some("suspended or away".into()),
            )),
            // Logged once per idle spell, not at every poll.
            Some(Reset::Idle) if !idle_logged => {
                p.history.record(&Event::new(
                    now,
                    EventKind::Break,
                    None,
                    Some("idle".into()),
                ));
                idle_logged = true;
            }
            Some(Reset::Idle) => {}
            _ => idle_logged = false,
        }
        match step {
            Step::Finished => return Ended::Finished,
            Step::Fire => {
                let Some(id) = rotation.next_id() else {
                    return Ended::Finished;
                };
                if let Some(r) = reminder(catalog, complaint, &id) {
                    match p.notifier.show(&r, snooze_minutes) {
                        Ok(()) => {
                            p.history
                                .record(&Event::new(now, EventKind::Shown, Some(&id), None))
                        }
                        Err(why) => {
                            p.fallback.show(now, &r, &why);
                            p.history.record(&Event::new(
                                now,
                                EventKind::Fallback,
                                Some(&id),
                                Some(why),
                            ));
                        }
                    }
                    last_shown = Some(id);
                }
                if s.finished(now) {
                    return Ended::Finished;
                }
            }
            Step::Wait(until) => {
                if reported_next != Some(s.next()) {
                    reported_next = Some(s.next());
                    (p.on_next)(s.next(), s.fired);
                }
                match p.clock.wait_until(until) {
                    Some(Msg::Stop) => return Ended::Stopped,
                    Some(Msg::Acted { exercise, action }) => {
                        let now = p.clock.now();
                        p.history.record(&Event::new(
                            now,
                            EventKind::from(action),
                            Some(&exercise),
                            None,
                        ));
                        if action == Action::Snoozed
                            && last_shown.as_deref() == Some(exercise.as_str())
                        {
                            s.snooze(now);
                            p.fallback.note(&format!(
                                "snoozed {exercise} until {}",
                                s.next().format("%H:%M:%S")
                            ));
                        }
                    }
                    None => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Plan, parse_interval};
    use std::collections::VecDeque;

    struct FakeClock {
        now: NaiveDateTime,
        /// Messages delivered at (or after) a time.
        inbox: VecDeque<(NaiveDateTime, Msg)>,
        waits: u32,
    }

    impl Clock for FakeClock {
        fn now(&self) -> NaiveDateTime {
            self.now
        }
        fn wait_until(&mut self, t: NaiveDateTime) -> Option<Msg> {
            self.waits += 1;
            assert!(self.waits < 100_000);
            if let Some((at, _)) = self.inbox.front()
                && *at <= t
            {
                let (at, msg) = self.inbox.pop_front().unwrap();
                self.now = self.now.max(at);
                return Some(msg);
            }
            self.now = t;
            None
        }
    }

    #[derive(Default)]
    struct FakeNotifier {
        shown: Vec<Reminder>,
        down: bool,
    }

    impl Notifier for FakeNotifier {
        fn show(&mut self, r: &Reminder, _: i64) -> Result<(), String> {
            if self.down {
                return Err("no notification server".into());
            }
            self.shown.push(r.clone());
            Ok(())
        }
    }

    struct NoIdle;
    impl IdleSource for NoIdle {
        fn idle(&mut self) -> Option<TimeDelta> {
            None
        }
    }

    #[derive(Default)]
    struct Log(Vec<Event>);
    impl History for Log {
        fn record(&mut self, e: &Event) {
            self.0.push(e.clone());
        }
    }

    #[derive(Default)]
    struct Term(Vec<String>);
    impl Fallback for Term {
        fn show(&mut self, _: NaiveDateTime, r: &Reminder, _: &str) {
            self.0.push(r.title.clone());
        }
        fn note(&mut self, line: &str) {
            self.0.push(line.into());
        }
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn setup(every: &str, count: u32) -> (Scheduler, Rotation, Catalog, FakeClock) {
        let mut plan = Plan::new(
            parse_interval(every).unwrap(),
            parse_interval("10m").unwrap(),
            parse_interval("5m").unwrap(),
        );
        plan.count = Some(count);
        let start = at("2026-11-24 10:00:00");
        let c = Catalog::builtin();
        let rot = Rotation::new(suggestions(&c, None), 42);
        (
            Scheduler::new(plan, start),
            rot,
            c,
            FakeClock {
                now: start,
                inbox: VecDeque::new(),
                waits: 0,
            },
        )
    }

    fn go(
        s: &mut Scheduler,
        rot: &mut Rotation,
        c: &Catalog,
        clock: &mut FakeClock,
        n: &mut FakeNotifier,
        log: &mut Log,
        term: &mut Term,
    ) -> Ended {
        let mut on_next = |_: NaiveDateTime, _: u32| {};
        run_loop(
            s,
            rot,
            c,
            None,
            Parts {
                clock,
                notifier: n,
                idle: &mut NoIdle,
                history: log,
                fallback: term,
                on_next: &mut on_next,
            },
        )
    }

    #[test]
    fn count_reminders_then_stop_without_waiting_again() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 3);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        assert_eq!(
            go(
                &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term
            ),
            Ended::Finished
        );
        assert_eq!(n.shown.len(), 3);
        assert_eq!(
            clock.now,
            at("2026-11-24 12:15:00"),
            "ends right after the last reminder"
        );
        assert!(
            n.shown
                .iter()
                .all(|r| r.title.starts_with("Time to move: ") && r.body.contains("backfix show "))
        );
        assert_eq!(
            log.0.iter().filter(|e| e.event == EventKind::Shown).count(),
            3
        );
        // About one wake-up a minute while waiting, no busy loop.
        assert!(clock.waits <= 3 * 45 + 5, "{} waits", clock.waits);
    }

    #[test]
    fn no_server_falls_back_to_the_terminal_and_recovers() {
        let (mut s, mut rot, c, mut clock) = setup("1m", 4);
        let (mut n, mut log, mut term) = (
            FakeNotifier {
                down: true,
                ..Default::default()
            },
            Log::default(),
            Term::default(),
        );
        s.plan.count = Some(2);
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(term.0.len(), 2);
        assert_eq!(
            log.0
                .iter()
                .filter(|e| e.event == EventKind::Fallback)
                .count(),
            2
        );
        n.down = false;
        s.plan.count = Some(4);
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(n.shown.len(), 2, "the server is used again once it is back");
    }

    #[test]
    fn snooze_button_and_stop() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 5);
        // Snooze the first reminder 30 s after it shows, then stop at 11:30.
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        // The first reminder is at 10:45; its exercise is the rotation's first pick.
        let first = rot.clone().next_id().unwrap();
        clock.inbox.push_back((
            at("2026-11-24 10:45:30"),
            Msg::Acted {
                exercise: first.clone(),
                action: Action::Snoozed,
            },
        ));
        clock
            .inbox
            .push_back((at("2026-11-24 11:30:00"), Msg::Stop));
        assert_eq!(
            go(
                &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term
            ),
            Ended::Stopped
        );
        let events: Vec<EventKind> = log.0.iter().map(|e| e.event).collect();
        assert_eq!(
            events,
            [EventKind::Shown, EventKind::Snoozed, EventKind::Shown]
        );
        assert_eq!(
            log.0[2].time, "2026-11-24T10:55:30",
            "snoozed for 10 minutes"
        );
    }

    #[test]
    fn rotation_uses_everything_before_repeating() {
        let ids: Vec<String> = (0..7).map(|i| format!("e{i}")).collect();
        let mut r = Rotation::new(ids.clone(), 7);
        let mut prev = None;
        for _round in 0..5 {
            let mut seen: Vec<String> = (0..7).map(|_| r.next_id().unwrap()).collect();
            assert_ne!(prev.as_ref(), Some(&seen[0]), "no repeat across rounds");
            prev = seen.last().cloned();
            seen.sort();
            assert_eq!(seen, ids);
        }
        assert_eq!(Rotation::new(Vec::new(), 1).next_id(), None);
    }

    #[test]
    fn suggestions_are_desk_friendly_or_from_the_complaint() {
        let c = Catalog::builtin();
        let desk = suggestions(&c, None);
        assert!(desk.contains(&"change-position".to_string()));
        assert!(!desk.iter().any(|id| id.starts_with("sciatic-nerve")));
        assert!(desk.iter().all(|id| c.exercise(id).unwrap().desk));
        let hip = suggestions(&c, Some("outer-hip"));
        assert!(hip.contains(&"isometric-hip-abduction".to_string()));
        let sciatica = suggestions(&c, Some("sciatica"));
        assert!(sciatica.contains(&"sciatic-nerve-slider".to_string()));
        assert!(
            !sciatica.contains(&"sciatic-nerve-tensioner".to_string()),
            "no tensioner out of the blue"
        );
        assert!(
            !sciatica.contains(&"prone-on-elbows".to_string()),
            "not at a desk"
        );
        for complaint in &c.complaints {
            let s = suggestions(&c, Some(&complaint.id));
            assert!(!s.is_empty());
            assert!(
                s.iter().all(|id| c.exercise(id).unwrap().desk),
                "{}",
                complaint.id
            );
        }
    }

    #[test]
    fn reminders_use_the_routine_dose() {
        let c = Catalog::builtin();
        let walk = reminder(&c, None, "walking").unwrap();
        assert!(walk.body.contains("3 minutes"), "{}", walk.body);
        assert!(
            reminder(&c, Some("sciatica"), "walking")
                .unwrap()
                .body
                .contains("5 minutes")
        );
        assert!(reminder(&c, None, "no-such").is_none());
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_markup("a <b> & c"), "a &lt;b&gt; &amp; c");
    }
}

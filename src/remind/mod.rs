//! `backfix remind`: the loop around the pure scheduler, and the parts it
//! talks to through traits (clock and waiting, notifications, idle time,
//! history) so tests can drive it with fakes.

pub mod control;
pub mod desktop;
pub mod rotation;
pub mod schedule;
pub mod signals;
pub mod state;
pub mod unit;

pub use rotation::Rotation;

use crate::catalog::Catalog;
use crate::remind::schedule::{Reset, Scheduler, Step};
use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};
pub use state::EventKind;
use std::time::Duration;

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

    /// Its kind of event in the history.
    pub fn event(self) -> EventKind {
        EventKind::from(self)
    }
}

/// Something that wakes the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// SIGINT, SIGTERM or SIGHUP.
    Stop,
    /// A button (`key`) was pressed on the notification the server calls `id`.
    Action { id: u32, key: String },
    /// The server closed the notification `id` (expired, dismissed or answered).
    Closed { id: u32 },
    /// A command from the shell (`backfix remind pause`, ...), and where
    /// its answer goes.
    Control(control::Command, control::ReplyTo),
    /// Do-not-disturb turned on or off (the notification server's `Inhibited`).
    Dnd(bool),
    /// The screen locked (true) or unlocked (logind, org.freedesktop.ScreenSaver).
    Locked(bool),
    /// The desktop's idle watch: idle past the threshold (true), or the user
    /// active again after it (false). Where these come, idle time is not sampled.
    Idle(bool),
    /// The machine woke from a suspend (logind's `PrepareForSleep(false)`):
    /// the loop looks at the clocks at once rather than at the end of its wait.
    Woke,
}

/// Time, and waiting for it.
pub trait Clock {
    fn now(&self) -> NaiveDateTime;
    /// A clock that runs only while the machine is awake and that nobody
    /// sets (time since some fixed start), where the platform has one: with
    /// it the scheduler tells a suspend or a clock change from a long wait,
    /// and waits until the next reminder; without it (None), it polls every
    /// `schedule::MAX_SLEEP`.
    fn awake(&self) -> Option<TimeDelta> {
        None
    }
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

/// A reminder as the desktop is asked to show it.
#[derive(Debug, Clone, Copy)]
pub struct Notice<'a> {
    pub reminder: &'a Reminder,
    /// The earlier notification this one replaces, or 0.
    pub replaces: u32,
    /// How long it stays up: until the next reminder is due.
    pub timeout: Duration,
    /// The snooze time, for the Snooze button's label.
    pub snooze: Duration,
}

/// A notification the desktop took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The server's id for it.
    pub id: u32,
    /// Whether it has buttons whose presses come back as `Msg::Action`.
    pub buttons: bool,
}

/// Why the desktop did not show a reminder (it then goes to the terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// No session bus to talk to.
    NoBus(String),
    /// Nothing on the bus shows notifications.
    NoServer,
    /// The notification server did not answer in time.
    TimedOut(Duration),
    /// The server answered with an error.
    Refused(String),
    /// A signal asked the reminder to stop while it waited on the desktop.
    Interrupted,
}

impl Trouble {
    fn same_kind(&self, other: &Trouble) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

impl std::fmt::Display for Trouble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trouble::NoBus(e) => {
                write!(f, "no D-Bus session bus ({})", crate::output::clean_line(e))
            }
            Trouble::NoServer => f.write_str("no notification server is running"),
            Trouble::TimedOut(d) => write!(
                f,
                "the notification server did not answer within {}",
                crate::remind::schedule::format_interval(*d)
            ),
            Trouble::Refused(e) => write!(
                f,
                "the notification server refused the reminder ({})",
                crate::output::clean_line(e)
            ),
            Trouble::Interrupted => {
                f.write_str("stopped while waiting for the notification server")
            }
        }
    }
}

/// Shows reminders on the desktop.
pub trait Notifier {
    /// Show it; button presses and closing come back later as messages.
    fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble>;
    /// Take a notification off the screen (when the reminder stops), briefly
    /// and without caring whether it worked.
    fn close(&mut self, id: u32);
}

/// How long the user has been idle, where the desktop says.
pub trait IdleSource {
    fn idle(&mut self) -> Option<TimeDelta>;
    /// Whether something holds an idle inhibitor now (a video call, a film):
    /// the user is then watching, not away, however long without input.
    /// Asked only when an absence is about to be counted.
    fn inhibited(&mut self) -> bool {
        false
    }
    /// Where the desktop can tell the moments themselves, send `Msg::Idle`
    /// when the user has been idle `threshold` and when they are back.
    fn watch(&mut self, threshold: TimeDelta, tx: std::sync::mpsc::Sender<Msg>) {
        let _ = (threshold, tx);
    }
    /// Whether `watch` is sending them now (the loop then does not sample).
    fn evented(&self) -> bool {
        false
    }
    /// Whether the active window is fullscreen (a film, a presentation, a
    /// game): a due reminder then waits, as in do-not-disturb. Asked only
    /// when a reminder is due, and while one is held for it.
    fn fullscreen(&mut self) -> bool {
        false
    }
}

/// One idle spell as the loop sees it (pure): the idle time counts only
/// while no idle inhibitor is held, and from the first sample that saw it
/// gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Spell {
    /// Under the threshold (or no spell yet).
    #[default]
    Active,
    /// Past the threshold, but an inhibitor was held at the last sample.
    Inhibited,
    /// The inhibitor was seen gone at this time: the absence counts from then.
    FreeSince(NaiveDateTime),
    /// Counted as a break; no more inhibitor checks until the user is back.
    Counted,
}

impl Spell {
    /// The idle time to count at `now`, the source saying `idle`;
    /// `inhibited` is asked only when an absence is about to be counted.
    pub fn count(
        &mut self,
        now: NaiveDateTime,
        idle: TimeDelta,
        threshold: TimeDelta,
        inhibited: impl FnOnce() -> bool,
    ) -> TimeDelta {
        if idle < threshold {
            *self = Spell::Active;
            return idle;
        }
        if *self == Spell::Counted {
            return idle;
        }
        if inhibited() {
            *self = Spell::Inhibited;
            return TimeDelta::zero();
        }
        let counted = match *self {
            Spell::Inhibited => {
                *self = Spell::FreeSince(now);
                TimeDelta::zero()
            }
            Spell::FreeSince(t) => idle.min(now - t),
            Spell::Active | Spell::Counted => idle,
        };
        if counted >= threshold {
            *self = Spell::Counted;
        }
        counted
    }
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

/// The exercises a reminder may suggest: the same rules as plans
/// ([`crate::routine::plan::suggestions`]).
pub fn suggestions(catalog: &Catalog, complaint: Option<&str>) -> Vec<String> {
    crate::routine::plan::suggestions(catalog, complaint)
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
    let dose = crate::routine::dose::amount(dose);
    Some(Reminder {
        exercise: e.id.to_string(),
        name: e.name.to_string(),
        // Cleaned: no control character from data reaches a notification
        // or the terminal fallback (issue 9).
        title: format!("Time to move: {}", crate::output::clean_line(&e.name)),
        body: format!(
            "{}\n{dose}\nMore: backfix show {}",
            crate::output::clean_line(&e.summary),
            e.id
        ),
        dose,
    })
}

/// Where reminders go when the desktop can't show them: the terminal.
pub trait Fallback {
    /// Reminders leave the desktop for the terminal, for this reason (said
    /// each time they leave, and when the reason changes).
    fn left_desktop(&mut self, why: &Trouble);
    /// The desktop shows reminders again.
    fn back_to_desktop(&mut self);
    fn show(&mut self, now: NaiveDateTime, r: &Reminder);
    fn note(&mut self, line: &str);
}

/// Everything the loop needs.
pub struct Parts<'a> {
    pub clock: &'a mut dyn Clock,
    pub notifier: &'a mut dyn Notifier,
    pub idle: &'a mut dyn IdleSource,
    pub history: &'a mut dyn History,
    pub fallback: &'a mut dyn Fallback,
    /// Called whenever the state the status file shows changes.
    pub on_state: &'a mut dyn FnMut(&Snapshot),
}

/// A pause: reminders wait until `until`, or until `resume`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub until: Option<NaiveDateTime>,
    /// A meeting: a stretch is offered when it ends.
    pub meeting: bool,
}

/// What the status file shows of the running loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// When the next reminder is due (once a pause ends).
    pub next: NaiveDateTime,
    pub fired: u32,
    pub paused: Option<Pause>,
    /// A reminder is on screen, unanswered.
    pub due: bool,
}

/// While paused until `resume`, the loop still wakes this often (so a
/// deadline or a clock change is seen), far less than once a minute.
const PAUSE_WAKE: TimeDelta = TimeDelta::hours(1);

/// While a fullscreen window holds a reminder, how often it is asked about
/// again (or every interval, when shorter).
const FULLSCREEN_CHECK: TimeDelta = TimeDelta::minutes(1);

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Finished,
    Stopped,
}

/// The longest a notification stays up, however long the interval.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(3600);
/// The shortest.
pub const MIN_TIMEOUT: Duration = Duration::from_secs(1);
/// After its timeout, how long a click on the last notification may still take
/// to arrive.
pub const CLICK_GRACE: Duration = Duration::from_secs(2);

/// A notification outlives the time the next one is due by this much, so
/// that the next one replaces it rather than racing its expiry (a server's
/// "closed" for the old one could otherwise arrive after the new one took its id).
pub const REPLACE_MARGIN: Duration = Duration::from_secs(5);

/// How long the reminder fired at `now` stays up: until the next one is due
/// and replaces it, or one interval after the last.
pub fn notification_timeout(s: &Scheduler, now: NaiveDateTime) -> Duration {
    if s.finished(now) {
        return s
            .plan
            .every
            .to_std()
            .unwrap_or(MIN_TIMEOUT)
            .clamp(MIN_TIMEOUT, MAX_TIMEOUT);
    }
    ((s.next() - now).to_std().unwrap_or(Duration::ZERO) + REPLACE_MARGIN)
        .clamp(MIN_TIMEOUT, MAX_TIMEOUT)
}

/// The notification on screen whose buttons are listened for.
#[derive(Debug, Clone)]
struct Pending {
    id: u32,
    exercise: String,
    buttons: bool,
    /// Its timeout, with a little grace for a click on its way.
    until: NaiveDateTime,
    /// When it was shown.
    at: NaiveDateTime,
    /// Re-nudged already, or no longer to be (the user was away).
    nudged: bool,
}

/// The loop's own state between steps.
struct Run<'s, 'p> {
    s: &'s mut Scheduler,
    p: Parts<'p>,
    pending: Option<Pending>,
    /// A snoozed exercise, shown again next.
    again: Option<String>,
    /// Reminders are on the terminal, and why.
    away: Option<Trouble>,
    paused: Option<Pause>,
    /// Do-not-disturb is on.
    dnd: bool,
    /// Since when the screen is locked.
    locked: Option<NaiveDateTime>,
    /// Since when the idle watch says the user is away (`Msg::Idle`).
    absent: Option<NaiveDateTime>,
    /// A due reminder is held because the active window is fullscreen.
    fullscreen: bool,
    /// A reminder came due during do-not-disturb or a lock, and is held
    /// (the scheduler is not asked, so it stays due); true once a break
    /// has come since.
    held: Option<bool>,
}

impl Run<'_, '_> {
    /// Show a reminder; false when a signal interrupted it.
    fn fire(&mut self, now: NaiveDateTime, r: &Reminder) -> bool {
        let timeout = notification_timeout(self.s, now);
        let notice = Notice {
            reminder: r,
            replaces: self.pending.as_ref().map_or(0, |p| p.id),
            timeout,
            snooze: self.s.plan.snooze.to_std().unwrap_or(MIN_TIMEOUT),
        };
        let result = self.p.notifier.show(&notice);
        // The time it was shown (or given up on), not the time it was due.
        let t = self.p.clock.now();
        match result {
            Ok(shown) => {
                if self.away.take().is_some() {
                    self.p.fallback.back_to_desktop();
                }
                self.p
                    .history
                    .record(&Event::new(t, EventKind::Shown, Some(&r.exercise), None));
                self.pending = Some(Pending {
                    id: shown.id,
                    exercise: r.exercise.clone(),
                    buttons: shown.buttons,
                    until: t + TimeDelta::from_std(timeout + CLICK_GRACE).unwrap_or_default(),
                    at: t,
                    nudged: false,
                });
            }
            Err(Trouble::Interrupted) => return false,
            Err(why) => {
                // Its server is gone, and the notification with it.
                if matches!(why, Trouble::NoServer | Trouble::NoBus(_)) {
                    self.pending = None;
                }
                if self.away.as_ref().is_none_or(|a| !a.same_kind(&why)) {
                    self.p.fallback.left_desktop(&why);
                }
                self.p.fallback.show(t, r);
                self.p.history.record(&Event::new(
                    t,
                    EventKind::Fallback,
                    Some(&r.exercise),
                    Some(why.to_string()),
                ));
                self.away = Some(why);
            }
        }
        true
    }

    /// A button press or a closed notification; `last` when no reminder follows.
    fn handle(&mut self, msg: Msg, last: bool) {
        match msg {
            Msg::Stop => {}
            Msg::Control(cmd, reply) => {
                let answer = self.command(cmd, last);
                // The status file shows the change before the shell hears
                // the answer (a status read right after must see it).
                let snap = self.snapshot();
                (self.p.on_state)(&snap);
                reply.send(answer);
            }
            Msg::Dnd(on) => {
                self.dnd = on;
                self.release();
            }
            Msg::Locked(true) => {
                if self.locked.is_none() {
                    self.locked = Some(self.p.clock.now());
                }
            }
            Msg::Locked(false) => {
                let now = self.p.clock.now();
                if let Some(since) = self.locked.take()
                    && now - since >= self.s.plan.idle_break
                {
                    // Away at least as long as a break: that was one.
                    self.p.history.record(&Event::new(
                        now,
                        EventKind::Break,
                        None,
                        Some("screen locked".into()),
                    ));
                    self.had_break();
                    if !last {
                        self.s.restart(now);
                    }
                }
                self.release();
            }
            Msg::Woke => {}
            Msg::Idle(true) => {
                // A video call or a film holds an inhibitor: not away.
                if self.absent.is_none() && !self.p.idle.inhibited() {
                    let now = self.p.clock.now();
                    self.absent = Some(now);
                    self.p.history.record(&Event::new(
                        now,
                        EventKind::Break,
                        None,
                        Some("idle".into()),
                    ));
                    self.had_break();
                }
            }
            Msg::Idle(false) => {
                if self.absent.take().is_some() {
                    // Back: a reminder held meanwhile is not needed, and
                    // the interval starts now.
                    self.had_break();
                    if !last {
                        self.s.restart(self.p.clock.now());
                    }
                    self.release();
                }
            }
            Msg::Closed { id } => {
                if self.pending.as_ref().is_some_and(|p| p.id == id) {
                    self.pending = None;
                }
            }
            Msg::Action { id, key } => {
                let Some(action) = Action::from_key(&key) else {
                    return;
                };
                let now = self.p.clock.now();
                // Heard until the next reminder replaces it, and no longer
                // than its timeout.
                let Some(pending) = self
                    .pending
                    .take_if(|p| p.id == id && p.buttons && now <= p.until)
                else {
                    return;
                };
                self.p.history.record(&Event::new(
                    now,
                    action.event(),
                    Some(&pending.exercise),
                    None,
                ));
                if action == Action::Snoozed {
                    let exercise = crate::output::clean_line(&pending.exercise).into_owned();
                    if last {
                        self.p.fallback.note(&format!(
                            "snoozed {exercise}, but that was the last reminder"
                        ));
                    } else {
                        self.s.snooze(now);
                        self.p.fallback.note(&format!(
                            "snoozed {exercise} until {}",
                            self.s.next().format("%H:%M:%S")
                        ));
                        self.again = Some(pending.exercise);
                    }
                }
            }
        }
    }

    /// Nothing may be shown now: do-not-disturb, the screen is locked, the
    /// user is away (by the idle watch), or a fullscreen window held it.
    fn quiet(&self) -> bool {
        self.dnd || self.locked.is_some() || self.absent.is_some() || self.fullscreen
    }

    /// A break was counted: a held reminder is no longer needed, and the
    /// one on screen was not ignored.
    fn had_break(&mut self) {
        if let Some(h) = self.held.as_mut() {
            *h = true;
        }
        if let Some(p) = self.pending.as_mut() {
            p.nudged = true;
        }
    }

    /// Once nothing keeps it quiet: the held reminder is shown, or recorded
    /// as suppressed if a break came meanwhile (the break moved the
    /// schedule on; otherwise the loop's next poll fires it).
    fn release(&mut self) {
        if self.quiet() {
            return;
        }
        let now = self.p.clock.now();
        match self.held.take() {
            Some(true) => self.p.history.record(&Event::new(
                now,
                EventKind::Suppressed,
                None,
                Some("a break came first".into()),
            )),
            // Still due (and a long quiet is no gap in the schedule).
            Some(false) => self.s.due_now(now),
            None => {}
        }
    }

    /// The next reminder's time, for answers.
    fn next_words(&self) -> String {
        format!("next reminder at {}", self.s.next().format("%H:%M"))
    }

    /// Record an answer to the reminder on screen and take it down.
    fn answer(&mut self, now: NaiveDateTime, kind: EventKind, detail: &str) -> Option<String> {
        let p = self.pending.take()?;
        self.p.notifier.close(p.id);
        self.p.history.record(&Event::new(
            now,
            kind,
            Some(&p.exercise),
            Some(detail.to_string()),
        ));
        Some(p.exercise)
    }

    /// End a pause; after a meeting, a stretch right away.
    fn end_pause(&mut self, now: NaiveDateTime, how: &str) {
        let Some(p) = self.paused.take() else {
            return;
        };
        self.p
            .history
            .record(&Event::new(now, EventKind::Resumed, None, Some(how.into())));
        if p.meeting {
            self.s.due_now(now);
        } else {
            self.s.restart(now);
        }
    }

    /// A command from the shell; the answer for it.
    fn command(&mut self, cmd: control::Command, last: bool) -> Result<String, String> {
        use control::Command as C;
        let now = self.p.clock.now();
        if last && !matches!(cmd, C::Skip | C::Done) {
            return Err("the last reminder has been shown; nothing more is planned".into());
        }
        match cmd {
            C::Pause { until, meeting } => {
                if until.is_some_and(|u| u <= now) {
                    return Err("that time has already passed".into());
                }
                let words = match until {
                    Some(u) if u.date() == now.date() => format!("until {}", u.format("%H:%M")),
                    Some(u) => format!("until {}", u.format("%a %Y-%m-%d %H:%M")),
                    None => "until `backfix remind resume`".into(),
                };
                let what = if meeting { "in a meeting" } else { "paused" };
                // A meeting takes the reminder off the screen.
                if meeting && let Some(p) = self.pending.take() {
                    self.p.notifier.close(p.id);
                }
                self.paused = Some(Pause { until, meeting });
                self.p.history.record(&Event::new(
                    now,
                    EventKind::Paused,
                    None,
                    Some(format!("{what} {words}")),
                ));
                Ok(format!("{what} {words}"))
            }
            C::Resume => match self.paused {
                None => Ok(format!("not paused; {}", self.next_words())),
                Some(p) => {
                    self.end_pause(now, "resume");
                    Ok(if p.meeting {
                        "resumed; a stretch after the meeting comes now".into()
                    } else {
                        format!("resumed; {}", self.next_words())
                    })
                }
            },
            C::Now => {
                if self.paused.is_some() {
                    self.end_pause(now, "now");
                }
                self.s.due_now(now);
                Ok(if self.dnd {
                    "a reminder as soon as do-not-disturb ends".into()
                } else if self.locked.is_some() {
                    "a reminder as soon as the screen is unlocked".into()
                } else {
                    "a reminder now".into()
                })
            }
            C::Snooze(d) => {
                let d = d
                    .and_then(|d| TimeDelta::from_std(d).ok())
                    .unwrap_or(self.s.plan.snooze);
                if let Some(ex) = self.answer(now, EventKind::Snoozed, "shell") {
                    self.again = Some(ex);
                }
                self.s.postpone(now, d);
                Ok(format!("snoozed; {}", self.next_words()))
            }
            C::Skip => match self.answer(now, EventKind::Skipped, "shell") {
                Some(ex) => Ok(format!("skipped {}", crate::output::clean_line(&ex))),
                None => Err("no reminder is on screen to skip".into()),
            },
            C::Done => {
                if self.answer(now, EventKind::Done, "shell").is_none() {
                    self.p.history.record(&Event::new(
                        now,
                        EventKind::Done,
                        None,
                        Some("shell".into()),
                    ));
                }
                if !last {
                    self.s.restart(now);
                }
                Ok(format!("well done; {}", self.next_words()))
            }
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            next: self.s.next(),
            fired: self.s.fired,
            paused: self.paused,
            due: self.pending.is_some() || self.held.is_some(),
        }
    }

    /// When the reminder on screen gets its one re-nudge, if it does.
    fn nudge_at(&self) -> Option<NaiveDateTime> {
        if self.quiet() {
            return None;
        }
        let p = self.pending.as_ref().filter(|p| !p.nudged)?;
        Some(p.at + self.s.plan.renudge?)
    }

    /// Take the unanswered notification off the screen: nobody listens to
    /// its buttons any more.
    fn stopped(&mut self) -> Ended {
        if let Some(p) = self.pending.take() {
            self.p.notifier.close(p.id);
        }
        Ended::Stopped
    }

    /// After the last reminder: wait for its buttons until its timeout.
    fn finish(&mut self) -> Ended {
        while let Some(p) = self.pending.as_ref().filter(|p| p.buttons) {
            let until = p.until;
            if self.p.clock.now() >= until {
                break;
            }
            match self.p.clock.wait_until(until) {
                Some(Msg::Stop) => return self.stopped(),
                Some(m) => self.handle(m, true),
                None => break,
            }
        }
        Ended::Finished
    }
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
    let mut run = Run {
        s,
        p,
        pending: None,
        again: None,
        away: None,
        paused: None,
        dnd: false,
        locked: None,
        absent: None,
        fullscreen: false,
        held: None,
    };
    let mut reported = None;
    let mut idle_logged = false;
    let mut spell = Spell::Active;
    loop {
        let now = run.p.clock.now();
        if let Some(pause) = run.paused {
            if run.s.finished(now) {
                return run.finish();
            }
            if pause.until.is_some_and(|u| now >= u) {
                run.end_pause(now, "time");
                continue;
            }
            let snap = run.snapshot();
            if reported != Some(snap) {
                reported = Some(snap);
                (run.p.on_state)(&snap);
            }
            let mut until = pause.until.unwrap_or(now + PAUSE_WAKE);
            if let Some(d) = run.s.plan.deadline() {
                until = until.min(d);
            }
            match run.p.clock.wait_until(until) {
                Some(Msg::Stop) => return run.stopped(),
                Some(m) => run.handle(m, false),
                None => {}
            }
            continue;
        }
        let due = now >= run.s.next() && !run.s.finished(now);
        // A fullscreen window is asked about only when a reminder is due
        // (and nothing else holds it), and again while it holds one.
        if due && (run.fullscreen || !run.quiet()) {
            let full = run.p.idle.fullscreen();
            if full != run.fullscreen {
                run.fullscreen = full;
                run.release();
            }
        }
        if run.quiet() && due {
            // Due during do-not-disturb or a lock: held (not asked of the
            // scheduler, so still due) until that ends, unless a break
            // comes first.
            run.held.get_or_insert(false);
            let snap = run.snapshot();
            if reported != Some(snap) {
                reported = Some(snap);
                (run.p.on_state)(&snap);
            }
            let mut until = now + PAUSE_WAKE;
            if run.fullscreen {
                // No event says a window left fullscreen: asked again
                // every interval, at most once a minute.
                until = now
                    + run
                        .s
                        .plan
                        .every
                        .clamp(TimeDelta::seconds(1), FULLSCREEN_CHECK);
            }
            if let Some(d) = run.s.plan.deadline() {
                until = until.min(d);
            }
            match run.p.clock.wait_until(until) {
                Some(Msg::Stop) => return run.stopped(),
                Some(m) => run.handle(m, false),
                None => {}
            }
            continue;
        }
        // Sampled only where no idle watch sends the moments.
        let sampled = if run.p.idle.evented() {
            None
        } else {
            run.p.idle.idle()
        };
        let idle = sampled.map(|i| {
            let source = &mut *run.p.idle;
            spell.count(now, i, run.s.plan.idle_break, || source.inhibited())
        });
        let step = run.s.poll_at(now, run.p.clock.awake(), idle);
        if run.s.last_reset.is_some_and(|r| r != Reset::ClockBack) {
            // Away from the desk: the reminder was not ignored.
            run.had_break();
        }
        match run.s.last_reset {
            Some(Reset::Gap) => run.p.history.record(&Event::new(
                now,
                EventKind::Break,
                None,
                Some("suspended or away".into()),
            )),
            // Logged once per idle spell, not at every poll.
            Some(Reset::Idle) if !idle_logged => {
                run.p.history.record(&Event::new(
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
            Step::Finished => return run.finish(),
            Step::Fire => {
                let id = match run.again.take() {
                    Some(id) => Some(id),
                    None => rotation.next_id(),
                };
                let Some(id) = id else {
                    return run.finish();
                };
                if let Some(r) = reminder(catalog, complaint, &id)
                    && !run.fire(now, &r)
                {
                    return run.stopped();
                }
                if run.s.finished(now) {
                    return run.finish();
                }
            }
            Step::Wait(mut until) => {
                if let Some(at) = run.nudge_at() {
                    if now >= at {
                        // The one gentle re-nudge: the same reminder again.
                        let ex = run.pending.as_ref().map(|p| p.exercise.clone());
                        if let Some(r) = ex.and_then(|id| reminder(catalog, complaint, &id)) {
                            if !run.fire(now, &r) {
                                return run.stopped();
                            }
                            if let Some(p) = run.pending.as_mut() {
                                p.nudged = true;
                            }
                        }
                        continue;
                    }
                    until = until.min(at);
                }
                let snap = run.snapshot();
                if reported != Some(snap) {
                    reported = Some(snap);
                    (run.p.on_state)(&snap);
                }
                match run.p.clock.wait_until(until) {
                    Some(Msg::Stop) => return run.stopped(),
                    Some(m) => run.handle(m, false),
                    None => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remind::schedule::{Rules, parse_interval};
    use std::collections::VecDeque;

    struct FakeClock {
        now: NaiveDateTime,
        /// Messages delivered at (or after) a time.
        inbox: VecDeque<(NaiveDateTime, Msg)>,
        waits: u32,
        /// An awake clock that runs with the wall clock from this time.
        awake_from: Option<NaiveDateTime>,
        /// The time, for a fake idle source.
        seen: std::rc::Rc<std::cell::Cell<NaiveDateTime>>,
    }

    impl Clock for FakeClock {
        fn now(&self) -> NaiveDateTime {
            self.now
        }
        fn awake(&self) -> Option<TimeDelta> {
            self.awake_from.map(|t| self.now - t)
        }
        fn wait_until(&mut self, t: NaiveDateTime) -> Option<Msg> {
            self.waits += 1;
            assert!(self.waits < 100_000);
            if let Some((at, _)) = self.inbox.front()
                && *at <= t
            {
                let (at, msg) = self.inbox.pop_front().unwrap();
                self.now = self.now.max(at);
                self.seen.set(self.now);
                return Some(msg);
            }
            self.now = t;
            self.seen.set(t);
            None
        }
    }

    /// A person at the desk, as an idle source: input all the time except
    /// during `away` spells (the first input back just after the end), and
    /// an idle inhibitor held until `inhibited_until`.
    struct Person {
        now: std::rc::Rc<std::cell::Cell<NaiveDateTime>>,
        away: Vec<(NaiveDateTime, NaiveDateTime)>,
        inhibited_until: Option<NaiveDateTime>,
        samples: u32,
        asked: u32,
        /// A fullscreen window is active until then; when asked.
        fullscreen_until: Option<NaiveDateTime>,
        asked_fullscreen: Vec<NaiveDateTime>,
    }

    impl Person {
        fn new(clock: &FakeClock, away: &[(&str, &str)]) -> Person {
            Person {
                now: clock.seen.clone(),
                away: away.iter().map(|(a, b)| (at(a), at(b))).collect(),
                inhibited_until: None,
                samples: 0,
                asked: 0,
                fullscreen_until: None,
                asked_fullscreen: Vec::new(),
            }
        }
    }

    impl IdleSource for Person {
        fn idle(&mut self) -> Option<TimeDelta> {
            self.samples += 1;
            let t = self.now.get();
            Some(
                self.away
                    .iter()
                    .find(|(a, b)| *a <= t && t <= *b)
                    .map_or(TimeDelta::zero(), |(a, _)| t - *a),
            )
        }
        fn inhibited(&mut self) -> bool {
            self.asked += 1;
            self.inhibited_until.is_some_and(|u| self.now.get() < u)
        }
        fn fullscreen(&mut self) -> bool {
            self.asked_fullscreen.push(self.now.get());
            self.fullscreen_until.is_some_and(|u| self.now.get() < u)
        }
    }

    /// A notification server: ids from 1, the same id when replacing.
    #[derive(Default)]
    struct FakeNotifier {
        shown: Vec<Reminder>,
        /// (replaces, timeout, snooze) of every notice, shown or not.
        notices: Vec<(u32, Duration, Duration)>,
        /// Every show fails this way.
        down: Option<Trouble>,
        /// Or the next shows fail like this, in turn (`None`: shown).
        script: VecDeque<Option<Trouble>>,
        buttons: bool,
        last_id: u32,
        closed: Vec<u32>,
    }

    impl Notifier for FakeNotifier {
        fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble> {
            self.notices.push((n.replaces, n.timeout, n.snooze));
            if let Some(t) = self
                .down
                .clone()
                .or_else(|| self.script.pop_front().flatten())
            {
                return Err(t);
            }
            self.shown.push(n.reminder.clone());
            let id = if n.replaces != 0 {
                n.replaces
            } else {
                self.last_id += 1;
                self.last_id
            };
            Ok(Shown {
                id,
                buttons: self.buttons,
            })
        }
        fn close(&mut self, id: u32) {
            self.closed.push(id);
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
        fn left_desktop(&mut self, why: &Trouble) {
            self.0.push(format!("left: {why}"));
        }
        fn back_to_desktop(&mut self) {
            self.0.push("back".into());
        }
        fn show(&mut self, _: NaiveDateTime, r: &Reminder) {
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
        let mut plan = Rules::new(
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
                awake_from: None,
                seen: std::rc::Rc::new(std::cell::Cell::new(start)),
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
        go_idle(s, rot, c, clock, n, log, term, &mut NoIdle)
    }

    #[allow(clippy::too_many_arguments)]
    fn go_idle(
        s: &mut Scheduler,
        rot: &mut Rotation,
        c: &Catalog,
        clock: &mut FakeClock,
        n: &mut FakeNotifier,
        log: &mut Log,
        term: &mut Term,
        idle: &mut dyn IdleSource,
    ) -> Ended {
        let mut on_state = |_: &Snapshot| {};
        run_loop(
            s,
            rot,
            c,
            None,
            Parts {
                clock,
                notifier: n,
                idle,
                history: log,
                fallback: term,
                on_state: &mut on_state,
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
        // Without an awake clock: about one wake-up every two minutes while waiting, no busy loop.
        assert!(clock.waits <= 3 * 45 / 2 + 5, "{} waits", clock.waits);
    }

    #[test]
    fn no_server_falls_back_to_the_terminal_and_recovers() {
        let (mut s, mut rot, c, mut clock) = setup("1m", 4);
        let (mut n, mut log, mut term) = (
            FakeNotifier {
                down: Some(Trouble::NoServer),
                ..Default::default()
            },
            Log::default(),
            Term::default(),
        );
        s.plan.count = Some(2);
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(term.0.len(), 3, "{:?}", term.0);
        assert_eq!(term.0[0], "left: no notification server is running");
        let fallbacks: Vec<&Event> = log
            .0
            .iter()
            .filter(|e| e.event == EventKind::Fallback)
            .collect();
        assert_eq!(fallbacks.len(), 2);
        assert_eq!(
            fallbacks[0].detail.as_deref(),
            Some("no notification server is running")
        );
        n.down = None;
        s.plan.count = Some(4);
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(n.shown.len(), 2, "the server is used again once it is back");
    }

    #[test]
    fn leaving_the_desktop_is_explained_each_time_and_coming_back_is_said() {
        let (mut s, mut rot, c, mut clock) = setup("1m", 7);
        let t = Duration::from_secs(3);
        let mut n = FakeNotifier {
            script: [
                None,
                Some(Trouble::NoServer),
                Some(Trouble::NoServer),
                Some(Trouble::TimedOut(t)),
                None,
                None,
                Some(Trouble::NoServer),
            ]
            .into(),
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        let said: Vec<&str> = term
            .0
            .iter()
            .map(String::as_str)
            .filter(|l| !l.starts_with("Time to move"))
            .collect();
        assert_eq!(
            said,
            [
                "left: no notification server is running",
                "left: the notification server did not answer within 3s",
                "back",
                "left: no notification server is running",
            ]
        );
        let events: Vec<&str> = log.0.iter().map(|e| e.event.as_str()).collect();
        assert_eq!(
            events,
            [
                "shown", "fallback", "fallback", "fallback", "shown", "shown", "fallback"
            ]
        );
    }

    #[test]
    fn a_stop_while_showing_records_nothing_shown() {
        let (mut s, mut rot, c, mut clock) = setup("1m", 3);
        let mut n = FakeNotifier {
            down: Some(Trouble::Interrupted),
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        assert_eq!(
            go(
                &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term
            ),
            Ended::Stopped
        );
        assert!(log.0.is_empty(), "{:?}", log.0);
        assert!(term.0.is_empty(), "{:?}", term.0);
    }

    #[test]
    fn snooze_shows_the_same_exercise_again_and_stop_closes_the_notification() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 5);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        // Snooze the first reminder (10:45) 30 s after it shows, then stop at 11:30.
        clock.inbox.push_back((
            at("2026-11-24 10:45:30"),
            Msg::Action {
                id: 1,
                key: "snooze".into(),
            },
        ));
        clock
            .inbox
            .push_back((at("2026-11-24 10:46:00"), Msg::Closed { id: 1 }));
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
        assert_eq!(
            n.shown[1].exercise, n.shown[0].exercise,
            "the snoozed exercise comes back"
        );
        assert_eq!(
            n.notices[0].2,
            Duration::from_secs(600),
            "snooze time for the label"
        );
        // The second notification was unanswered when the reminder stopped.
        assert_eq!(n.closed, [2]);
        // And the rotation carries on after the repeat.
        let mut next = rot.clone();
        assert_ne!(next.next_id(), Some(n.shown[0].exercise.clone()));
    }

    #[test]
    fn a_new_reminder_replaces_the_unanswered_one() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 4);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        // The first is answered (Done); the second and third go unanswered.
        clock.inbox.push_back((
            at("2026-11-24 10:50:00"),
            Msg::Action {
                id: 1,
                key: "done".into(),
            },
        ));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        let replaces: Vec<u32> = n.notices.iter().map(|x| x.0).collect();
        assert_eq!(replaces, [0, 0, 2, 2]);
        // Each stays up until (just after) the next is due, the last for one interval.
        let timeouts: Vec<Duration> = n.notices.iter().map(|x| x.1).collect();
        let every = Duration::from_secs(45 * 60);
        let replaced = every + REPLACE_MARGIN;
        assert_eq!(timeouts, [replaced, replaced, replaced, every]);
    }

    #[test]
    fn the_last_reminder_waits_for_its_buttons_until_its_timeout() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        // The last reminder shows at 11:30; a click 30 minutes later counts.
        clock.inbox.push_back((
            at("2026-11-24 12:00:00"),
            Msg::Action {
                id: 1,
                key: "skip".into(),
            },
        ));
        assert_eq!(
            go(
                &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term
            ),
            Ended::Finished
        );
        let events: Vec<&str> = log.0.iter().map(|e| e.event.as_str()).collect();
        assert_eq!(events, ["shown", "shown", "skipped"]);
        assert_eq!(clock.now, at("2026-11-24 12:00:00"), "ends with the click");

        // Unanswered: it waits out the timeout (and a little grace), no longer.
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        clock.inbox.push_back((
            at("2026-11-24 12:30:00"),
            Msg::Action {
                id: 1,
                key: "done".into(),
            },
        ));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(clock.now, at("2026-11-24 12:15:02"));
        assert!(!log.0.iter().any(|e| e.event == EventKind::Done));

        // Closed by the server: it ends there.
        let (mut s, mut rot, c, mut clock) = setup("45m", 1);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        clock
            .inbox
            .push_back((at("2026-11-24 10:50:00"), Msg::Closed { id: 1 }));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(clock.now, at("2026-11-24 10:50:00"));
    }

    #[test]
    fn a_click_after_the_timeout_is_ignored() {
        // Reminders from 10:00 to 11:00: after the 10:45 one, the next is
        // tomorrow, and the notification stays up for the longest timeout.
        for (click, heard) in [
            ("2026-11-24 11:45:00", true),
            ("2026-11-24 11:46:00", false),
        ] {
            let (mut s, mut rot, c, mut clock) = setup("45m", 5);
            s.plan.window = Some(crate::remind::schedule::parse_window("10:00-11:00").unwrap());
            let mut n = FakeNotifier {
                buttons: true,
                ..Default::default()
            };
            let (mut log, mut term) = (Log::default(), Term::default());
            clock.inbox.push_back((
                at(click),
                Msg::Action {
                    id: 1,
                    key: "done".into(),
                },
            ));
            clock
                .inbox
                .push_back((at("2026-11-24 12:30:00"), Msg::Stop));
            go(
                &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
            );
            assert_eq!(n.notices[0].1, MAX_TIMEOUT);
            let events: Vec<&str> = log.0.iter().map(|e| e.event.as_str()).collect();
            let expected: &[&str] = if heard {
                &["shown", "done"]
            } else {
                &["shown"]
            };
            assert_eq!(events, expected, "click at {click}");
        }
    }

    #[test]
    fn clicks_on_other_notifications_and_other_keys_are_ignored() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        for (t, id, key) in [
            ("2026-11-24 10:46:00", 7, "done"),
            ("2026-11-24 10:47:00", 1, "default"),
            ("2026-11-24 10:48:00", 1, "\u{1b}[2J"),
        ] {
            clock.inbox.push_back((
                at(t),
                Msg::Action {
                    id,
                    key: key.into(),
                },
            ));
        }
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        let events: Vec<&str> = log.0.iter().map(|e| e.event.as_str()).collect();
        assert_eq!(events, ["shown", "shown"]);
    }

    #[test]
    fn the_timeout_runs_until_the_next_reminder_within_bounds() {
        let (mut s, ..) = setup("45m", 3);
        let now = at("2026-11-24 10:00:00");
        assert_eq!(
            notification_timeout(&s, now),
            Duration::from_secs(45 * 60) + REPLACE_MARGIN
        );
        let (s3, ..) = setup("3h", 3);
        assert_eq!(notification_timeout(&s3, now), MAX_TIMEOUT);
        let (s1, ..) = setup("1s", 3);
        assert_eq!(
            notification_timeout(&s1, now),
            Duration::from_secs(1) + REPLACE_MARGIN
        );
        // The last one: one interval.
        s.plan.count = Some(0);
        assert_eq!(notification_timeout(&s, now), Duration::from_secs(45 * 60));
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

    fn ctl(t: &str, cmd: control::Command) -> (NaiveDateTime, Msg) {
        (at(t), Msg::Control(cmd, control::ReplyTo::none()))
    }

    fn times(log: &Log, kind: EventKind) -> Vec<String> {
        log.0
            .iter()
            .filter(|e| e.event == kind)
            .map(|e| e.time[11..16].to_string())
            .collect()
    }

    #[test]
    fn a_pause_holds_reminders_and_its_end_starts_the_interval_afresh() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        clock.inbox.push_back(ctl(
            "2026-11-24 10:10:00",
            control::Command::Pause {
                until: Some(at("2026-11-24 11:30:00")),
                meeting: false,
            },
        ));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(times(&log, EventKind::Paused), ["10:10"]);
        assert_eq!(times(&log, EventKind::Resumed), ["11:30"]);
        // Nothing during the pause; then a whole interval, not an overdue one.
        assert_eq!(times(&log, EventKind::Shown), ["12:15", "13:00"]);
        assert!(
            !log.0.iter().any(|e| e.event == EventKind::Break),
            "a pause is not a break: {:?}",
            log.0
        );
        // The pause waited for its end, not once a minute.
        // (Two-minute steps for the 100 unpaused minutes, one for the pause.)
        assert!(clock.waits <= 100 / 2 + 5, "{} waits", clock.waits);
    }

    #[test]
    fn a_pause_until_resume_and_now() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        clock.inbox.push_back(ctl(
            "2026-11-24 10:10:00",
            control::Command::Pause {
                until: None,
                meeting: false,
            },
        ));
        // Still paused hours later; `now` ends it with a reminder at once.
        clock
            .inbox
            .push_back(ctl("2026-11-24 15:00:00", control::Command::Now));
        clock
            .inbox
            .push_back(ctl("2026-11-24 15:20:00", control::Command::Resume));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(times(&log, EventKind::Shown), ["15:00", "15:45"]);
        assert_eq!(times(&log, EventKind::Resumed), ["15:00"]);
    }

    #[test]
    fn a_meeting_takes_the_reminder_down_and_ends_with_a_stretch() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        clock.inbox.push_back(ctl(
            "2026-11-24 10:50:00",
            control::Command::Pause {
                until: Some(at("2026-11-24 11:50:00")),
                meeting: true,
            },
        ));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(n.closed, [1], "the reminder on screen goes away");
        // The 11:30 reminder is held; the meeting's end brings one at once.
        assert_eq!(times(&log, EventKind::Shown), ["10:45", "11:50"]);
    }

    #[test]
    fn an_ignored_reminder_is_renudged_once_and_never_more() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        s.plan.renudge = Some(TimeDelta::minutes(10));
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        // 10:45, its one re-nudge at 10:55, then 11:30 (whose re-nudge
        // would come after the last reminder's end: none).
        assert_eq!(times(&log, EventKind::Shown), ["10:45", "10:55", "11:30"]);
        assert_eq!(n.shown[1].exercise, n.shown[0].exercise);
        let replaces: Vec<u32> = n.notices.iter().map(|x| x.0).collect();
        assert_eq!(replaces, [0, 1, 1], "the re-nudge replaces, never stacks");
    }

    #[test]
    fn an_answered_reminder_is_not_renudged() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        s.plan.renudge = Some(TimeDelta::minutes(10));
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        clock.inbox.push_back((
            at("2026-11-24 10:50:00"),
            Msg::Action {
                id: 1,
                key: "done".into(),
            },
        ));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(times(&log, EventKind::Shown), ["10:45", "11:30"]);
    }

    #[test]
    fn shell_commands_answer_and_act_on_the_reminder_on_screen() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 3);
        let mut n = FakeNotifier {
            buttons: true,
            ..Default::default()
        };
        let (mut log, mut term) = (Log::default(), Term::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let mut send = |t: &str, cmd| {
            clock
                .inbox
                .push_back((at(t), Msg::Control(cmd, control::ReplyTo::to(tx.clone()))));
        };
        send("2026-11-24 10:10:00", control::Command::Skip);
        send(
            "2026-11-24 10:46:00",
            control::Command::Snooze(Some(Duration::from_secs(20 * 60))),
        );
        send("2026-11-24 11:07:00", control::Command::Skip);
        send("2026-11-24 11:10:00", control::Command::Done);
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        let answers: Vec<Result<String, String>> = rx.try_iter().collect();
        assert_eq!(
            answers,
            [
                Err("no reminder is on screen to skip".to_string()),
                Ok("snoozed; next reminder at 11:06".to_string()),
                Ok(format!("skipped {}", n.shown[0].exercise)),
                Ok("well done; next reminder at 11:55".to_string()),
            ]
        );
        let events: Vec<&str> = log.0.iter().map(|e| e.event.as_str()).collect();
        assert_eq!(
            events,
            ["shown", "snoozed", "shown", "skipped", "done", "shown"]
        );
        assert_eq!(
            n.shown[1].exercise, n.shown[0].exercise,
            "snoozed comes back"
        );
        assert_eq!(n.closed, [1, 2], "answered from the shell, taken down");
        assert_eq!(times(&log, EventKind::Shown), ["10:45", "11:06", "11:55"]);
    }

    #[test]
    fn do_not_disturb_holds_a_due_reminder_until_it_ends() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        clock
            .inbox
            .push_back((at("2026-11-24 10:30:00"), Msg::Dnd(true)));
        clock
            .inbox
            .push_back((at("2026-11-24 11:00:00"), Msg::Dnd(false)));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        // The 10:45 reminder waits for the end of do-not-disturb.
        // The interval runs from when it was shown.
        assert_eq!(times(&log, EventKind::Shown), ["11:00", "11:45"]);
        assert!(times(&log, EventKind::Suppressed).is_empty());
    }

    #[test]
    fn a_long_do_not_disturb_is_not_a_break() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 1);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        clock
            .inbox
            .push_back((at("2026-11-24 10:30:00"), Msg::Dnd(true)));
        clock
            .inbox
            .push_back((at("2026-11-24 12:40:00"), Msg::Dnd(false)));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(times(&log, EventKind::Shown), ["12:40"]);
        assert!(
            !log.0.iter().any(|e| e.event == EventKind::Break),
            "{:?}",
            log.0
        );
    }

    #[test]
    fn a_lock_as_long_as_a_break_counts_and_suppresses_the_held_reminder() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        for (t, m) in [
            ("2026-11-24 10:30:00", Msg::Dnd(true)),
            ("2026-11-24 10:50:00", Msg::Locked(true)),
            ("2026-11-24 11:00:00", Msg::Locked(false)),
            ("2026-11-24 11:10:00", Msg::Dnd(false)),
        ] {
            clock.inbox.push_back((at(t), m));
        }
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        let breaks: Vec<&Event> = log
            .0
            .iter()
            .filter(|e| e.event == EventKind::Break)
            .collect();
        assert_eq!(breaks.len(), 1, "{:?}", log.0);
        assert_eq!(breaks[0].time, "2026-11-24T11:00:00");
        assert_eq!(breaks[0].detail.as_deref(), Some("screen locked"));
        assert_eq!(times(&log, EventKind::Suppressed), ["11:10"]);
        // The interval starts afresh at the unlock.
        assert_eq!(times(&log, EventKind::Shown), ["11:45", "12:30"]);
    }

    #[test]
    fn a_short_lock_is_no_break_and_the_held_reminder_follows_the_unlock() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 1);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        clock
            .inbox
            .push_back((at("2026-11-24 10:44:00"), Msg::Locked(true)));
        clock
            .inbox
            .push_back((at("2026-11-24 10:47:00"), Msg::Locked(false)));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(times(&log, EventKind::Shown), ["10:47"]);
        assert!(!log.0.iter().any(|e| e.event == EventKind::Break));
    }

    fn idle_breaks(log: &Log) -> Vec<String> {
        log.0
            .iter()
            .filter(|e| e.event == EventKind::Break && e.detail.as_deref() == Some("idle"))
            .map(|e| e.time[11..19].to_string())
            .collect()
    }

    #[test]
    fn a_90_second_absence_with_idle_1m_is_a_break_and_a_4_minute_one_with_5m_is_not() {
        for (idle, away, breaks) in [
            (
                "1m",
                ("2026-11-24 10:07:10", "2026-11-24 10:08:40"),
                vec!["10:08:10"],
            ),
            ("5m", ("2026-11-24 10:07:10", "2026-11-24 10:11:10"), vec![]),
            (
                "5m",
                ("2026-11-24 10:07:10", "2026-11-24 10:12:10"),
                vec!["10:12:10"],
            ),
        ] {
            let (mut s, mut rot, c, mut clock) = setup("45m", 1);
            s.plan.idle_break = TimeDelta::from_std(parse_interval(idle).unwrap()).unwrap();
            clock.awake_from = Some(clock.now);
            let mut person = Person::new(&clock, &[away]);
            let (mut n, mut log, mut term) =
                (FakeNotifier::default(), Log::default(), Term::default());
            go_idle(
                &mut s,
                &mut rot,
                &c,
                &mut clock,
                &mut n,
                &mut log,
                &mut term,
                &mut person,
            );
            assert_eq!(idle_breaks(&log), breaks, "--idle {idle}, away {away:?}");
            // At the threshold, not two minutes later: the reminder follows
            // a whole interval after it.
            if let [b] = breaks.as_slice() {
                let due = at(&format!("2026-11-24 {b}")) + TimeDelta::minutes(45);
                assert_eq!(
                    times(&log, EventKind::Shown),
                    [due.format("%H:%M").to_string()]
                );
            }
            // Nobody asked about inhibitors while the user was at the desk.
            assert_eq!(person.asked, breaks.len() as u32, "--idle {idle}");
        }
    }

    #[test]
    fn the_loop_samples_idle_time_rarely_while_the_user_works() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        clock.awake_from = Some(clock.now);
        let mut person = Person::new(&clock, &[]);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        go_idle(
            &mut s,
            &mut rot,
            &c,
            &mut clock,
            &mut n,
            &mut log,
            &mut term,
            &mut person,
        );
        // 90 minutes of work with --idle 5m: a sample every 5 minutes (18)
        // and the two reminders; 45 two-minute polls before.
        assert_eq!(clock.now, at("2026-11-24 11:30:00"));
        assert!(clock.waits <= 20, "{} waits", clock.waits);
        assert!(person.samples <= 21, "{} samples", person.samples);
    }

    #[test]
    fn an_idle_inhibitor_is_no_absence_until_it_goes() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 3);
        clock.awake_from = Some(clock.now);
        clock
            .inbox
            .push_back((at("2026-11-24 11:20:00"), Msg::Stop));
        // No input from 10:10 to 11:30; a video call holds an inhibitor until 10:50.
        let mut person = Person::new(&clock, &[("2026-11-24 10:10:00", "2026-11-24 11:30:00")]);
        person.inhibited_until = Some(at("2026-11-24 10:50:00"));
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        go_idle(
            &mut s,
            &mut rot,
            &c,
            &mut clock,
            &mut n,
            &mut log,
            &mut term,
            &mut person,
        );
        // The call is sitting: the 10:45 reminder comes. The absence counts
        // from the first sample without the inhibitor (10:50), a threshold later.
        assert_eq!(times(&log, EventKind::Shown), ["10:45"]);
        assert_eq!(idle_breaks(&log), ["10:55:00"]);
        // Without the inhibitor, the absence counts at 10:15.
        let (mut s, mut rot, c, mut clock) = setup("45m", 3);
        clock.awake_from = Some(clock.now);
        clock
            .inbox
            .push_back((at("2026-11-24 11:20:00"), Msg::Stop));
        let mut person = Person::new(&clock, &[("2026-11-24 10:10:00", "2026-11-24 11:30:00")]);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        go_idle(
            &mut s,
            &mut rot,
            &c,
            &mut clock,
            &mut n,
            &mut log,
            &mut term,
            &mut person,
        );
        assert_eq!(idle_breaks(&log), ["10:15:00"]);
        assert!(times(&log, EventKind::Shown).is_empty(), "away: none due");
        assert_eq!(person.asked, 1, "asked once, when the absence was counted");
    }

    #[test]
    fn idle_watch_events_count_an_absence_and_restart_on_return() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        // Away from 10:15 (the watch fires at 10:20) until 11:30.
        clock
            .inbox
            .push_back((at("2026-11-24 10:20:00"), Msg::Idle(true)));
        clock
            .inbox
            .push_back((at("2026-11-24 11:30:00"), Msg::Idle(false)));
        go(
            &mut s, &mut rot, &c, &mut clock, &mut n, &mut log, &mut term,
        );
        assert_eq!(idle_breaks(&log), ["10:20:00"]);
        // The 10:45 reminder is held while away and not needed at the
        // return; the interval starts at the return.
        assert_eq!(times(&log, EventKind::Suppressed), ["11:30"]);
        assert_eq!(times(&log, EventKind::Shown), ["12:15", "13:00"]);
    }

    #[test]
    fn a_fullscreen_window_holds_a_due_reminder_until_it_goes() {
        let (mut s, mut rot, c, mut clock) = setup("45m", 2);
        let mut person = Person::new(&clock, &[]);
        person.fullscreen_until = Some(at("2026-11-24 10:59:30"));
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        go_idle(
            &mut s,
            &mut rot,
            &c,
            &mut clock,
            &mut n,
            &mut log,
            &mut term,
            &mut person,
        );
        // Due at 10:45 during a film; asked again each minute; shown once it ends.
        assert_eq!(times(&log, EventKind::Shown), ["11:00", "11:45"]);
        let asked = &person.asked_fullscreen;
        assert_eq!(asked[0], at("2026-11-24 10:45:00"), "not asked before");
        assert!(asked.len() <= 20, "{} questions", asked.len());
        // A film that ends before the reminder is due changes nothing.
        let (mut s, mut rot, c, mut clock) = setup("45m", 1);
        let mut person = Person::new(&clock, &[]);
        person.fullscreen_until = Some(at("2026-11-24 10:30:00"));
        let (mut n, mut log, mut term) = (FakeNotifier::default(), Log::default(), Term::default());
        go_idle(
            &mut s,
            &mut rot,
            &c,
            &mut clock,
            &mut n,
            &mut log,
            &mut term,
            &mut person,
        );
        assert_eq!(times(&log, EventKind::Shown), ["10:45"]);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_markup("a <b> & c"), "a &lt;b&gt; &amp; c");
    }
}

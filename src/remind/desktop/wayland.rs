//! Idle time on Wayland compositors that are not GNOME (KDE Plasma, sway,
//! Hyprland, niri, ...), as events: the compositor says when the seat has
//! been idle for the threshold and when it is used again.
//!
//! The standard protocol is `ext-idle-notify-v1`; its `get_idle_notification`
//! honours idle inhibitors, so a video call or a film is not "away" (the v2
//! `get_input_idle_notification`, which ignores them, is not used). Where it
//! is missing (sway up to 1.8, Plasma 5) KDE's older `org_kde_kwin_idle` does
//! the same job.
//!
//! One thread blocks on the Wayland socket and wakes only when the compositor
//! sends something; it writes the spells into [`Spells`] (pure, tested with
//! fake times), which the reminder loop reads when it samples idle time.
//! wayland-client's pure-Rust backend is used: no libwayland is loaded. A
//! compositor that goes away ends the thread, and the source answers `None`
//! from then on.

use chrono::TimeDelta;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::Instant;
use wayland_client::globals::{GlobalListContents, registry_queue_init};
use wayland_client::protocol::{wl_registry, wl_seat};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle};
use wayland_protocols::ext::idle_notify::v1::client::{
    ext_idle_notification_v1 as ext_notification, ext_idle_notifier_v1 as ext_notifier,
};
use wayland_protocols_plasma::idle::client::{org_kde_kwin_idle, org_kde_kwin_idle_timeout};

/// Which protocol the compositor offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    ExtIdleNotify,
    KdeIdle,
}

impl Protocol {
    pub fn name(self) -> &'static str {
        match self {
            Protocol::ExtIdleNotify => "Wayland ext-idle-notify-v1",
            Protocol::KdeIdle => "Wayland org_kde_kwin_idle",
        }
    }
}

/// The idle spells the compositor reported, kept between two samples.
///
/// The compositor says "idled" once the seat has been idle for `threshold`,
/// so a spell began `threshold` before that event. A spell that began and
/// ended between two samples is still reported, once, at the next sample.
#[derive(Debug)]
pub struct Spells {
    threshold: TimeDelta,
    /// When the compositor said "idled", while no "resumed" has followed.
    idled_at: Option<Instant>,
    /// The longest spell that ended since the last sample.
    longest: Option<TimeDelta>,
    /// The compositor went away: nothing more will come.
    gone: bool,
}

impl Spells {
    pub fn new(threshold: TimeDelta) -> Spells {
        Spells {
            threshold,
            idled_at: None,
            longest: None,
            gone: false,
        }
    }

    fn since(&self, idled_at: Instant, t: Instant) -> TimeDelta {
        TimeDelta::from_std(t.saturating_duration_since(idled_at))
            .ok()
            .and_then(|d| d.checked_add(&self.threshold))
            .unwrap_or(TimeDelta::MAX)
    }

    /// The compositor said the seat has been idle for the threshold.
    pub fn idled(&mut self, at: Instant) {
        // A second "idled" without a "resumed" keeps the first.
        self.idled_at.get_or_insert(at);
    }

    /// The compositor said the seat is in use again.
    pub fn resumed(&mut self, at: Instant) {
        if let Some(idled_at) = self.idled_at.take() {
            let spell = self.since(idled_at, at);
            self.longest = Some(self.longest.map_or(spell, |l| l.max(spell)));
        }
    }

    /// The connection broke.
    pub fn gone(&mut self) {
        self.gone = true;
        self.idled_at = None;
        self.longest = None;
    }

    /// Idle time as of `now`: the current spell's length while idle, else
    /// the longest spell that ended since the last call (every one reported
    /// is at least the threshold), else zero. `None` once the compositor is
    /// gone.
    pub fn sample(&mut self, now: Instant) -> Option<TimeDelta> {
        if self.gone {
            return None;
        }
        let current = self.idled_at.map(|at| self.since(at, now));
        let ended = self.longest.take();
        Some(current.max(ended).unwrap_or_else(TimeDelta::zero))
    }
}

/// The idle source: the spells, written by the listener thread.
pub struct Idle {
    spells: Arc<Mutex<Spells>>,
    protocol: Protocol,
}

impl Idle {
    /// Connect to `$WAYLAND_DISPLAY` and ask for an idle notification after
    /// `threshold`; `None` when there is no compositor, it offers neither
    /// protocol, or it does not answer within `CALL_TIMEOUT`.
    pub fn open(threshold: TimeDelta) -> Option<Idle> {
        std::env::var_os("WAYLAND_DISPLAY").filter(|d| !d.is_empty())?;
        let spells = Arc::new(Mutex::new(Spells::new(threshold)));
        let (tx, rx) = mpsc::sync_channel(1);
        let theirs = Arc::clone(&spells);
        std::thread::Builder::new()
            .name("wayland-idle".into())
            .spawn(move || listen(theirs, threshold, &tx))
            .ok()?;
        // A compositor that hangs leaves its thread blocked on the socket
        // (it wakes for nothing), and the reminder goes on without it.
        let protocol = rx.recv_timeout(super::CALL_TIMEOUT).ok()??;
        Some(Idle { spells, protocol })
    }

    pub fn name(&self) -> &'static str {
        self.protocol.name()
    }

    pub fn idle(&mut self) -> Option<TimeDelta> {
        self.spells
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .sample(Instant::now())
    }
}

/// What the listener thread's event handlers see.
struct State {
    spells: Arc<Mutex<Spells>>,
}

impl State {
    fn with(&self, f: impl FnOnce(&mut Spells)) {
        f(&mut self.spells.lock().unwrap_or_else(PoisonError::into_inner));
    }
}

/// Set up on this thread, tell `ready` which protocol (or `None`), then
/// block on the socket until the compositor goes.
fn listen(
    spells: Arc<Mutex<Spells>>,
    threshold: TimeDelta,
    ready: &mpsc::SyncSender<Option<Protocol>>,
) {
    let mut state = State { spells };
    let Some((mut queue, protocol)) = set_up(threshold, &mut state) else {
        let _ = ready.send(None);
        return;
    };
    // Nobody waiting any more (set-up took too long): stop here.
    if ready.send(Some(protocol)).is_err() {
        return;
    }
    // Blocks in poll(2) on the socket, with no timeout: no wake-ups but the
    // compositor's events.
    while queue.blocking_dispatch(&mut state).is_ok() {}
    state.with(Spells::gone);
}

fn set_up(threshold: TimeDelta, state: &mut State) -> Option<(EventQueue<State>, Protocol)> {
    let conn = Connection::connect_to_env().ok()?;
    let (globals, mut queue) = registry_queue_init::<State>(&conn).ok()?;
    let qh: QueueHandle<State> = queue.handle();
    let seat: wl_seat::WlSeat = globals.bind(&qh, 1..=1, ()).ok()?;
    let timeout = u32::try_from(threshold.num_milliseconds().max(1)).unwrap_or(u32::MAX);
    // Proxies are not destroyed when dropped: the notification lives as
    // long as the connection.
    let protocol = if let Ok(notifier) =
        globals.bind::<ext_notifier::ExtIdleNotifierV1, _, _>(&qh, 1..=1, ())
    {
        // Not get_input_idle_notification: inhibitors must count.
        notifier.get_idle_notification(timeout, &seat, &qh, ());
        Protocol::ExtIdleNotify
    } else {
        let idle: org_kde_kwin_idle::OrgKdeKwinIdle = globals.bind(&qh, 1..=1, ()).ok()?;
        idle.get_idle_timeout(&seat, timeout, &qh, ());
        Protocol::KdeIdle
    };
    // The compositor has the request (a protocol error would end it here).
    queue.roundtrip(state).ok()?;
    Some((queue, protocol))
}

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for State {
    fn event(
        _: &mut Self,
        _: &wl_registry::WlRegistry,
        _: wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<wl_seat::WlSeat, ()> for State {
    fn event(
        _: &mut Self,
        _: &wl_seat::WlSeat,
        _: wl_seat::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<ext_notifier::ExtIdleNotifierV1, ()> for State {
    fn event(
        _: &mut Self,
        _: &ext_notifier::ExtIdleNotifierV1,
        _: ext_notifier::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<ext_notification::ExtIdleNotificationV1, ()> for State {
    fn event(
        state: &mut Self,
        _: &ext_notification::ExtIdleNotificationV1,
        event: ext_notification::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        let now = Instant::now();
        match event {
            ext_notification::Event::Idled => state.with(|s| s.idled(now)),
            ext_notification::Event::Resumed => state.with(|s| s.resumed(now)),
            _ => {}
        }
    }
}

impl Dispatch<org_kde_kwin_idle::OrgKdeKwinIdle, ()> for State {
    fn event(
        _: &mut Self,
        _: &org_kde_kwin_idle::OrgKdeKwinIdle,
        _: org_kde_kwin_idle::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout, ()> for State {
    fn event(
        state: &mut Self,
        _: &org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout,
        event: org_kde_kwin_idle_timeout::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        let now = Instant::now();
        match event {
            org_kde_kwin_idle_timeout::Event::Idle => state.with(|s| s.idled(now)),
            org_kde_kwin_idle_timeout::Event::Resumed => state.with(|s| s.resumed(now)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn secs(n: i64) -> TimeDelta {
        TimeDelta::seconds(n)
    }

    fn at(t0: Instant, s: u64) -> Instant {
        t0 + Duration::from_secs(s)
    }

    #[test]
    fn active_until_the_compositor_says_idled() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        assert_eq!(s.sample(at(t0, 0)), Some(TimeDelta::zero()));
        assert_eq!(s.sample(at(t0, 500)), Some(TimeDelta::zero()));
    }

    #[test]
    fn while_idled_the_spell_counts_from_a_threshold_before_the_event() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        s.idled(at(t0, 100));
        assert_eq!(s.sample(at(t0, 100)), Some(secs(60)));
        assert_eq!(s.sample(at(t0, 130)), Some(secs(90)));
        // Still idle: every sample sees the whole spell so far.
        assert_eq!(s.sample(at(t0, 200)), Some(secs(160)));
        // A repeated "idled" does not restart the spell.
        s.idled(at(t0, 250));
        assert_eq!(s.sample(at(t0, 260)), Some(secs(220)));
    }

    #[test]
    fn a_spell_between_two_samples_is_reported_once_at_the_next() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        assert_eq!(s.sample(at(t0, 0)), Some(TimeDelta::zero()));
        // Away from 10 s to 100 s: idled at 70, resumed at 100.
        s.idled(at(t0, 70));
        s.resumed(at(t0, 100));
        assert_eq!(s.sample(at(t0, 120)), Some(secs(90)));
        assert_eq!(s.sample(at(t0, 240)), Some(TimeDelta::zero()));
    }

    #[test]
    fn of_several_ended_spells_the_longest_is_reported() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        s.idled(at(t0, 100));
        s.resumed(at(t0, 110)); // 70 s
        s.idled(at(t0, 300));
        s.resumed(at(t0, 400)); // 160 s
        s.idled(at(t0, 500));
        s.resumed(at(t0, 501)); // 61 s
        assert_eq!(s.sample(at(t0, 600)), Some(secs(160)));
        assert_eq!(s.sample(at(t0, 601)), Some(TimeDelta::zero()));
    }

    #[test]
    fn an_ended_spell_longer_than_the_current_one_wins() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        s.idled(at(t0, 100));
        s.resumed(at(t0, 400)); // 360 s
        s.idled(at(t0, 500));
        assert_eq!(s.sample(at(t0, 510)), Some(secs(360)));
        // The ended one is gone; the current one goes on.
        assert_eq!(s.sample(at(t0, 520)), Some(secs(80)));
    }

    #[test]
    fn resumed_without_idled_is_no_spell() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        s.resumed(at(t0, 100));
        assert_eq!(s.sample(at(t0, 120)), Some(TimeDelta::zero()));
    }

    #[test]
    fn a_compositor_gone_answers_none_from_then_on() {
        let t0 = Instant::now();
        let mut s = Spells::new(secs(60));
        s.idled(at(t0, 100));
        s.gone();
        assert_eq!(s.sample(at(t0, 120)), None);
        // Late events change nothing.
        s.resumed(at(t0, 130));
        s.idled(at(t0, 140));
        assert_eq!(s.sample(at(t0, 150)), None);
    }

    #[test]
    fn no_wayland_display_is_no_source() {
        // Only the variable is looked at: nothing connects when it is unset
        // (tests never run with it set in this process).
        if std::env::var_os("WAYLAND_DISPLAY").is_none() {
            assert!(Idle::open(secs(60)).is_none());
        }
    }
}

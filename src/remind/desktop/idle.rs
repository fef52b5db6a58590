//! Idle time from the desktop: GNOME's IdleMonitor, the X11 screensaver
//! extension or org.freedesktop.ScreenSaver, whichever answers first; and
//! idle inhibitors (a video call or a film player holds one): logind's
//! `BlockInhibited`, GNOME's `IsInhibited(8)` and
//! org.freedesktop.PowerManagement's `HasInhibit`, asked only when an
//! absence is about to be counted, each on a connection made for it.

use super::{session, system, x11};
use crate::remind::{IdleSource, Msg};
use chrono::TimeDelta;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// Where idle time comes from. D-Bus sources keep their connection, so a
/// query is one call and not a new connection each time.
pub enum Idle {
    Mutter(zbus::blocking::Connection),
    #[cfg(target_os = "linux")]
    Wayland(Box<super::wayland::Idle>),
    X11(Box<x11::Idle>),
    ScreenSaver(zbus::blocking::Connection),
    None,
}

type Method = (&'static str, &'static str, &'static str, &'static str);
const MUTTER: Method = (
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
    "GetIdletime",
);
const SCREENSAVER: Method = (
    "org.freedesktop.ScreenSaver",
    "/org/freedesktop/ScreenSaver",
    "org.freedesktop.ScreenSaver",
    "GetActive",
);

fn call<R: serde::de::DeserializeOwned + zbus::zvariant::Type>(
    conn: &zbus::blocking::Connection,
    m: Method,
) -> Option<R> {
    let reply = conn.call_method(Some(m.0), m.1, Some(m.2), m.3, &()).ok()?;
    reply.body().deserialize::<R>().ok()
}

fn mutter_idle(conn: &zbus::blocking::Connection) -> Option<TimeDelta> {
    let ms: u64 = call(conn, MUTTER)?;
    Some(TimeDelta::milliseconds(ms.min(i64::MAX as u64) as i64))
}

impl Idle {
    /// Find the first source that answers: GNOME's IdleMonitor, the X11
    /// screensaver extension, then org.freedesktop.ScreenSaver.
    /// `idle_break` is the idle time that counts as a break: event-driven
    /// sources (Wayland) ask to be told when it has passed.
    pub fn detect(idle_break: TimeDelta) -> Idle {
        // Calls on this connection time out too (`CALL_TIMEOUT`).
        let bus = session(None).ok().map(zbus::blocking::Connection::from);
        if let Some(conn) = &bus
            && mutter_idle(conn).is_some()
        {
            return Idle::Mutter(conn.clone());
        }
        #[cfg(target_os = "linux")]
        if let Some(w) = super::wayland::Idle::open(idle_break) {
            return Idle::Wayland(Box::new(w));
        }
        #[cfg(not(target_os = "linux"))]
        let _ = idle_break;
        if let Some(x) = x11::Idle::open() {
            return Idle::X11(Box::new(x));
        }
        if let Some(conn) = bus
            && call::<bool>(&conn, SCREENSAVER).is_some()
        {
            return Idle::ScreenSaver(conn);
        }
        Idle::None
    }

    pub fn name(&self) -> &'static str {
        match self {
            Idle::Mutter(_) => "GNOME Mutter IdleMonitor",
            #[cfg(target_os = "linux")]
            Idle::Wayland(w) => w.name(),
            Idle::X11(_) => "X11 screensaver extension",
            Idle::ScreenSaver(_) => {
                "org.freedesktop.ScreenSaver (screen locked or blanked counts as a break)"
            }
            Idle::None => "none",
        }
    }
}

/// logind's `BlockInhibited` ("handle-power-key:sleep:idle"): whether idle
/// is among the blocked.
pub fn blocks_idle(list: &str) -> bool {
    list.split(':').any(|w| w.trim() == "idle")
}

/// GNOME session's inhibit flag for idle (`IsInhibited` takes the flags).
const GNOME_IDLE: u32 = 8;

/// Whether any desktop service says an idle inhibitor is held now.
pub fn inhibitor_held() -> bool {
    if let Ok(conn) = session(None) {
        let conn = zbus::blocking::Connection::from(conn);
        let gnome = conn
            .call_method(
                Some("org.gnome.SessionManager"),
                "/org/gnome/SessionManager",
                Some("org.gnome.SessionManager"),
                "IsInhibited",
                &(GNOME_IDLE,),
            )
            .ok()
            .and_then(|r| r.body().deserialize::<bool>().ok());
        if gnome == Some(true) {
            return true;
        }
        let pm = conn
            .call_method(
                Some("org.freedesktop.PowerManagement"),
                "/org/freedesktop/PowerManagement/Inhibit",
                Some("org.freedesktop.PowerManagement.Inhibit"),
                "HasInhibit",
                &(),
            )
            .ok()
            .and_then(|r| r.body().deserialize::<bool>().ok());
        if pm == Some(true) {
            return true;
        }
    }
    if let Ok(conn) = system(None) {
        let conn = zbus::blocking::Connection::from(conn);
        let blocked = conn
            .call_method(
                Some("org.freedesktop.login1"),
                "/org/freedesktop/login1",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.login1.Manager", "BlockInhibited"),
            )
            .ok()
            .and_then(|r| r.body().deserialize::<zbus::zvariant::OwnedValue>().ok())
            .and_then(|v| String::try_from(v).ok());
        if blocked.is_some_and(|b| blocks_idle(&b)) {
            return true;
        }
    }
    false
}

/// Mutter's idle watch is set and its thread listens (process-wide: one
/// reminder per process).
static WATCHING: AtomicBool = AtomicBool::new(false);

/// Clears `WATCHING` when the watch's thread ends (the bus went away):
/// the loop samples again.
struct Watching;

impl Drop for Watching {
    fn drop(&mut self) {
        WATCHING.store(false, Ordering::SeqCst);
    }
}

/// Mutter's idle watches: `AddIdleWatch(threshold)` fires `WatchFired` each
/// time the user has been idle that long; then `AddUserActiveWatch` fires
/// once at the next input. One thread sleeps on the bus for them.
fn watch_mutter(ms: u64, tx: Sender<Msg>) {
    super::watch_bus(
        "backfix-idle",
        zbus::connection::Builder::session,
        async move |conn| mutter_watches(conn, ms, tx).await,
    );
}

async fn mutter_watches(conn: &zbus::Connection, ms: u64, tx: Sender<Msg>) -> Option<()> {
    use futures_lite::StreamExt;
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface(MUTTER.2)
        .ok()?
        .member("WatchFired")
        .ok()?
        .path(MUTTER.1)
        .ok()?
        .build();
    // Subscribe first, so no firing is missed.
    let mut stream = zbus::MessageStream::for_match_rule(rule, conn, Some(16))
        .await
        .ok()?;
    let add = |method: &'static str, ms: Option<u64>| async move {
        let reply = match ms {
            Some(ms) => {
                conn.call_method(Some(MUTTER.0), MUTTER.1, Some(MUTTER.2), method, &(ms,))
                    .await
            }
            None => {
                conn.call_method(Some(MUTTER.0), MUTTER.1, Some(MUTTER.2), method, &())
                    .await
            }
        };
        reply.ok()?.body().deserialize::<u32>().ok()
    };
    let idle_id = add("AddIdleWatch", Some(ms)).await?;
    WATCHING.store(true, Ordering::SeqCst);
    let _watching = Watching;
    let mut active_id = None;
    while let Some(Ok(msg)) = stream.next().await {
        let Ok(id) = msg.body().deserialize::<u32>() else {
            continue;
        };
        if id == idle_id {
            if active_id.is_none() {
                active_id = add("AddUserActiveWatch", None).await;
            }
            tx.send(Msg::Idle(true)).ok()?;
        } else if Some(id) == active_id {
            active_id = None;
            tx.send(Msg::Idle(false)).ok()?;
        }
    }
    None
}

impl IdleSource for Idle {
    fn inhibited(&mut self) -> bool {
        !matches!(self, Idle::None) && inhibitor_held()
    }

    /// Under GNOME, Mutter's idle watches; elsewhere nothing (sampled).
    fn watch(&mut self, threshold: TimeDelta, tx: Sender<Msg>) {
        if matches!(self, Idle::Mutter(_)) {
            let ms = u64::try_from(threshold.num_milliseconds())
                .unwrap_or(1)
                .max(1);
            watch_mutter(ms, tx);
        }
    }

    fn evented(&self) -> bool {
        matches!(self, Idle::Mutter(_)) && WATCHING.load(Ordering::SeqCst)
    }

    fn fullscreen(&mut self) -> bool {
        match self {
            Idle::X11(x) => x.fullscreen(),
            _ => x11::fullscreen_now(),
        }
    }

    fn idle(&mut self) -> Option<TimeDelta> {
        match self {
            Idle::Mutter(conn) => mutter_idle(conn),
            #[cfg(target_os = "linux")]
            Idle::Wayland(w) => w.idle(),
            Idle::X11(x) => x.idle(),
            // Active screensaver: the user is away, however long it has been.
            Idle::ScreenSaver(conn) => call::<bool>(conn, SCREENSAVER)
                .map(|on| if on { super::LOCKED } else { TimeDelta::zero() }),
            Idle::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_among_loginds_blocked_is_an_inhibitor() {
        assert!(blocks_idle("handle-power-key:sleep:idle"));
        assert!(blocks_idle("idle"));
        assert!(!blocks_idle("shutdown:sleep:handle-lid-switch"));
        assert!(!blocks_idle("idleness"), "whole words only");
        assert!(!blocks_idle(""));
    }
}

//! Idle time from the desktop: GNOME's IdleMonitor, the X11 screensaver
//! extension or org.freedesktop.ScreenSaver, whichever answers first; and
//! idle inhibitors (a video call or a film player holds one): logind's
//! `BlockInhibited`, GNOME's `IsInhibited(8)` and
//! org.freedesktop.PowerManagement's `HasInhibit`, asked only when an
//! absence is about to be counted, each on a connection made for it.

use super::{session, system, x11};
use crate::remind::IdleSource;
use chrono::TimeDelta;

/// Where idle time comes from. D-Bus sources keep their connection, so a
/// query is one call and not a new connection each time.
pub enum Idle {
    Mutter(zbus::blocking::Connection),
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
    pub fn detect() -> Idle {
        // Calls on this connection time out too (`CALL_TIMEOUT`).
        let bus = session(None).ok().map(zbus::blocking::Connection::from);
        if let Some(conn) = &bus
            && mutter_idle(conn).is_some()
        {
            return Idle::Mutter(conn.clone());
        }
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

impl IdleSource for Idle {
    fn inhibited(&mut self) -> bool {
        !matches!(self, Idle::None) && inhibitor_held()
    }

    fn idle(&mut self) -> Option<TimeDelta> {
        match self {
            Idle::Mutter(conn) => mutter_idle(conn),
            Idle::X11(x) => x.idle(),
            // Active screensaver: the user is away, however long it has been.
            Idle::ScreenSaver(conn) => call::<bool>(conn, SCREENSAVER).map(|on| {
                if on {
                    TimeDelta::days(1)
                } else {
                    TimeDelta::zero()
                }
            }),
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

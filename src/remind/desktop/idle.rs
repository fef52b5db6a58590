//! Idle time from the desktop: GNOME's IdleMonitor, the X11 screensaver
//! extension or org.freedesktop.ScreenSaver, whichever answers first.

use super::{session, x11};
use crate::remind::IdleSource;
use chrono::TimeDelta;

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

impl IdleSource for Idle {
    fn idle(&mut self) -> Option<TimeDelta> {
        match self {
            Idle::Mutter(conn) => mutter_idle(conn),
            #[cfg(target_os = "linux")]
            Idle::Wayland(w) => w.idle(),
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

//! The real parts the reminder loop talks to: the system clock, desktop
//! notifications (the freedesktop notification server over D-Bus, every call
//! bounded in time and by a stop signal), idle time from the desktop, and the
//! terminal as a fallback.

pub mod dnd;
mod idle;
pub mod lock;
mod notify;
mod terminal;
pub mod x11;

pub use idle::Idle;
pub use notify::{DesktopNotifier, snooze_label};
pub use terminal::Terminal;

use super::signals::StopFlag;
use super::{Clock, Msg, Trouble};
use chrono::NaiveDateTime;
use std::future::Future;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// Wall-clock time; waiting wakes early for signals and button presses.
pub struct SystemClock {
    pub rx: Receiver<Msg>,
}

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }

    fn wait_until(&mut self, t: NaiveDateTime) -> Option<Msg> {
        let d = (t - self.now()).to_std().unwrap_or(Duration::ZERO);
        match self.rx.recv_timeout(d) {
            Ok(m) => Some(m),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(d);
                None
            }
        }
    }
}

/// The longest any one D-Bus call (or connecting to the bus) may take before
/// the reminder goes to the terminal instead.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(3);
/// Taking a notification down when the reminder stops is brief.
const CLOSE_TIMEOUT: Duration = Duration::from_millis(300);
/// How often a wait on the bus looks at the stop flag.
const STOP_POLL: Duration = Duration::from_millis(50);

/// The icon (from the freedesktop icon naming specification) and the
/// desktop entry (`data/backfix.desktop`) the notifications name.
pub const ICON: &str = "appointment-soon";
pub const DESKTOP_ENTRY: &str = "backfix";

const DEST: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
const IFACE: &str = "org.freedesktop.Notifications";

/// How a bounded wait ended.
enum Bound<T> {
    Done(T),
    TimedOut,
    Stopped,
}

/// Run `fut` to completion, unless `limit` passes or `stop` is set first.
fn bounded<T>(fut: impl Future<Output = T>, limit: Duration, stop: Option<&StopFlag>) -> Bound<T> {
    let done = async { Bound::Done(fut.await) };
    let timer = async {
        async_io::Timer::after(limit).await;
        Bound::TimedOut
    };
    let stopped = async {
        match stop {
            Some(flag) => loop {
                if flag.is_set() {
                    return Bound::Stopped;
                }
                async_io::Timer::after(STOP_POLL).await;
            },
            None => futures_lite::future::pending().await,
        }
    };
    async_io::block_on(futures_lite::future::or(
        done,
        futures_lite::future::or(stopped, timer),
    ))
}

/// A session bus connection whose calls time out, made within `CALL_TIMEOUT`.
fn session(stop: Option<&StopFlag>) -> Result<zbus::Connection, Trouble> {
    let build = async {
        zbus::connection::Builder::session()?
            .method_timeout(CALL_TIMEOUT)
            .build()
            .await
    };
    match bounded(build, CALL_TIMEOUT, stop) {
        Bound::Done(Ok(conn)) => Ok(conn),
        Bound::Done(Err(e)) => Err(Trouble::NoBus(e.to_string())),
        Bound::TimedOut => Err(Trouble::NoBus(format!(
            "it did not answer within {}",
            crate::remind::schedule::format_interval(CALL_TIMEOUT)
        ))),
        Bound::Stopped => Err(Trouble::Interrupted),
    }
}

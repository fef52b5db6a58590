//! The real parts the reminder loop talks to: the system clock, desktop
//! notifications, idle time from the desktop, and the terminal as a
//! fallback. One set per platform, with the same names, so
//! `commands/remind/run.rs` and the loop do not change:
//!
//! - Linux and the BSDs: the freedesktop notification server over D-Bus
//!   (every call bounded in time and by a stop signal; `notify.rs`), idle
//!   time from GNOME, X11 or org.freedesktop.ScreenSaver (`idle.rs`, `x11.rs`).
//! - Windows: toasts through notify-rust (`notify_native.rs`), idle time from
//!   `GetLastInputInfo` (`idle_windows.rs`).
//! - macOS: Notification Center through notify-rust (`notify_native.rs`), idle
//!   time from `CGEventSourceSecondsSinceLastEventType` (`idle_macos.rs`).

#[cfg(all(unix, not(target_vendor = "apple")))]
pub mod dnd;
#[cfg(all(unix, not(target_vendor = "apple")))]
mod idle;
#[cfg(target_vendor = "apple")]
mod idle_macos;
#[cfg(windows)]
mod idle_windows;
#[cfg(all(unix, not(target_vendor = "apple")))]
pub mod lock;
#[cfg(all(unix, not(target_vendor = "apple")))]
mod notify;
#[cfg(any(windows, target_vendor = "apple"))]
mod notify_native;
mod terminal;
#[cfg(target_os = "linux")]
mod wayland;
#[cfg(all(unix, not(target_vendor = "apple")))]
pub mod x11;

#[cfg(all(unix, not(target_vendor = "apple")))]
pub use idle::Idle;
#[cfg(target_vendor = "apple")]
pub use idle_macos::Idle;
#[cfg(windows)]
pub use idle_windows::Idle;
#[cfg(all(unix, not(target_vendor = "apple")))]
pub use notify::DesktopNotifier;
#[cfg(any(windows, target_vendor = "apple"))]
pub use notify_native::DesktopNotifier;
pub use terminal::Terminal;

use super::{Clock, Msg};
use chrono::NaiveDateTime;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// The Snooze button's label, with the real snooze time.
pub fn snooze_label(snooze: Duration) -> String {
    format!(
        "Snooze {}",
        crate::remind::schedule::format_interval(snooze)
    )
}

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

#[cfg(all(unix, not(target_vendor = "apple")))]
/// The longest any one D-Bus call (or connecting to the bus) may take before
/// the reminder goes to the terminal instead.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(3);
#[cfg(all(unix, not(target_vendor = "apple")))]
/// Taking a notification down when the reminder stops is brief.
const CLOSE_TIMEOUT: Duration = Duration::from_millis(300);
#[cfg(all(unix, not(target_vendor = "apple")))]
/// How often a wait on the bus looks at the stop flag.
const STOP_POLL: Duration = Duration::from_millis(50);

#[cfg(all(unix, not(target_vendor = "apple")))]
/// The icon (from the freedesktop icon naming specification) and the
/// desktop entry (`data/backfix.desktop`) the notifications name.
pub const ICON: &str = "appointment-soon";
#[cfg(all(unix, not(target_vendor = "apple")))]
pub const DESKTOP_ENTRY: &str = "backfix";

#[cfg(all(unix, not(target_vendor = "apple")))]
const DEST: &str = "org.freedesktop.Notifications";
#[cfg(all(unix, not(target_vendor = "apple")))]
const PATH: &str = "/org/freedesktop/Notifications";
#[cfg(all(unix, not(target_vendor = "apple")))]
const IFACE: &str = "org.freedesktop.Notifications";

#[cfg(all(unix, not(target_vendor = "apple")))]
/// How a bounded wait ended.
enum Bound<T> {
    Done(T),
    TimedOut,
    Stopped,
}

#[cfg(all(unix, not(target_vendor = "apple")))]
/// Run `fut` to completion, unless `limit` passes or `stop` is set first.
fn bounded<T>(
    fut: impl std::future::Future<Output = T>,
    limit: Duration,
    stop: Option<&super::signals::StopFlag>,
) -> Bound<T> {
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

#[cfg(all(unix, not(target_vendor = "apple")))]
/// A session bus connection whose calls time out, made within `CALL_TIMEOUT`.
fn session(stop: Option<&super::signals::StopFlag>) -> Result<zbus::Connection, super::Trouble> {
    let build = async {
        zbus::connection::Builder::session()?
            .method_timeout(CALL_TIMEOUT)
            .build()
            .await
    };
    match bounded(build, CALL_TIMEOUT, stop) {
        Bound::Done(Ok(conn)) => Ok(conn),
        Bound::Done(Err(e)) => Err(super::Trouble::NoBus(e.to_string())),
        Bound::TimedOut => Err(super::Trouble::NoBus(format!(
            "it did not answer within {}",
            crate::remind::schedule::format_interval(CALL_TIMEOUT)
        ))),
        Bound::Stopped => Err(super::Trouble::Interrupted),
    }
}

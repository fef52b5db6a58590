//! The real parts the reminder loop talks to: the system clock, desktop
//! notifications, idle time from the desktop, and the terminal as a
//! fallback. One set per platform, with the same names, so
//! `commands/remind/run.rs` and the loop do not change:
//!
//! - Linux and the BSDs: the freedesktop notification server over D-Bus
//!   (every call bounded in time and by a stop signal; `notify.rs`), idle
//!   time from GNOME, X11 or org.freedesktop.ScreenSaver (`idle.rs`, `x11.rs`).
//! - Windows: toasts with Done/Snooze/Skip through tauri-winrt-notification
//!   (`notify_windows.rs`), idle time from `GetLastInputInfo` (`idle_windows.rs`).
//! - macOS: Notification Center with Done/Snooze/Skip through
//!   mac-notification-sys (`notify_macos.rs`), idle time from
//!   `CGEventSourceSecondsSinceLastEventType` (`idle_macos.rs`).
//!
//! What those platforms answer becomes the loop's messages in `answer.rs`
//! (pure, unit-tested on every platform); the bounded showing both share is
//! in `notify_native.rs`.

#[cfg(any(windows, target_vendor = "apple", test))]
mod answer;
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
#[cfg(target_vendor = "apple")]
mod notify_macos;
#[cfg(any(windows, target_vendor = "apple", test))]
mod notify_native;
#[cfg(windows)]
mod notify_windows;
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
#[cfg(target_vendor = "apple")]
pub use notify_macos::DesktopNotifier;
#[cfg(windows)]
pub use notify_windows::DesktopNotifier;
pub use terminal::Terminal;

use super::{Clock, Msg};
use chrono::NaiveDateTime;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// The idle time reported while the screen is locked (or, on Linux, the
/// screen saver is active): away, however long it has been.
pub const LOCKED: chrono::TimeDelta = chrono::TimeDelta::days(1);

#[cfg(any(windows, target_vendor = "apple", test))]
/// The idle time to report: a long one while locked, else the time since
/// the last input (pure).
pub fn idle_time(
    locked: bool,
    since_input: Option<chrono::TimeDelta>,
) -> Option<chrono::TimeDelta> {
    if locked { Some(LOCKED) } else { since_input }
}

/// The Snooze button's label, with the real snooze time.
pub fn snooze_label(snooze: Duration) -> String {
    format!(
        "Snooze {}",
        crate::remind::schedule::format_interval(snooze)
    )
}

/// A notification's buttons, in the order shown: the key the loop reads
/// (`Action::from_key`) and the label. Every platform with buttons shows
/// these (the freedesktop server, Windows toasts, macOS).
pub fn buttons(snooze: Duration) -> [(&'static str, String); 3] {
    [
        ("done", "Done".to_owned()),
        ("snooze", snooze_label(snooze)),
        ("skip", "Skip".to_owned()),
    ]
}

/// Wall-clock time; waiting wakes early for signals and button presses.
pub struct SystemClock {
    pub rx: Receiver<Msg>,
}

/// How long until the local time `t`, in real time: across a
/// daylight-saving change the local times between differ from it. A
/// repeated time is taken at its next occurrence (so a wait neither
/// overshoots nor ends at once in the hour's second pass).
fn real_wait(
    offsets: impl Fn(NaiveDateTime) -> chrono::LocalResult<i32>,
    now: NaiveDateTime,
    now_offset: i32,
    t: NaiveDateTime,
) -> Duration {
    let wait = |o: i32| (t - now) - chrono::TimeDelta::seconds(i64::from(o - now_offset));
    let d = match offsets(t) {
        chrono::LocalResult::Single(o) => wait(o),
        // A repeated time: its next occurrence still to come.
        chrono::LocalResult::Ambiguous(a, b) => {
            let (a, b) = (wait(a), wait(b));
            match (
                a >= chrono::TimeDelta::zero(),
                b >= chrono::TimeDelta::zero(),
            ) {
                (true, true) => a.min(b),
                (true, false) => a,
                (false, _) => b,
            }
        }
        // A local time the clocks skip (the scheduler moves reminders out
        // of it): the wall-clock difference.
        chrono::LocalResult::None => t - now,
    };
    d.to_std().unwrap_or(Duration::ZERO)
}

/// [`real_wait`] in the local time zone.
fn local_wait(t: NaiveDateTime) -> Duration {
    use chrono::{Offset, TimeZone};
    let now = chrono::Local::now();
    real_wait(
        |t| {
            chrono::Local
                .offset_from_local_datetime(&t)
                .map(|o| o.fix().local_minus_utc())
        },
        now.naive_local(),
        now.offset().fix().local_minus_utc(),
        t,
    )
}

/// CLOCK_MONOTONIC, which on Linux stops while the machine is suspended
/// and is never set (CLOCK_BOOTTIME would count the suspend).
#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // clock_gettime(2); see the SAFETY comment.
fn monotonic() -> Option<chrono::TimeDelta> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call to fill in.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    if rc != 0 {
        return None;
    }
    chrono::TimeDelta::new(ts.tv_sec, u32::try_from(ts.tv_nsec).ok()?)
}

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }

    /// On Linux, CLOCK_MONOTONIC. Elsewhere the monotonic clocks may count
    /// a suspend (Windows) or are not tested here: none, and the loop polls.
    fn awake(&self) -> Option<chrono::TimeDelta> {
        #[cfg(target_os = "linux")]
        {
            monotonic()
        }
        #[cfg(not(target_os = "linux"))]
        {
            None
        }
    }

    fn wait_until(&mut self, t: NaiveDateTime) -> Option<Msg> {
        let d = local_wait(t);
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
    connect(zbus::connection::Builder::session, stop)
}

#[cfg(all(unix, not(target_vendor = "apple")))]
/// The same on the system bus.
fn system(stop: Option<&super::signals::StopFlag>) -> Result<zbus::Connection, super::Trouble> {
    connect(zbus::connection::Builder::system, stop)
}

#[cfg(all(unix, not(target_vendor = "apple")))]
fn connect(
    builder: fn() -> zbus::Result<zbus::connection::Builder<'static>>,
    stop: Option<&super::signals::StopFlag>,
) -> Result<zbus::Connection, super::Trouble> {
    let build = async { builder()?.method_timeout(CALL_TIMEOUT).build().await };
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

#[cfg(all(unix, not(target_vendor = "apple")))]
/// Watch a bus in a thread of its own named `name`: connect with `builder`
/// (calls time out; no thread of zbus's), then run `watch` on the connection
/// while this thread drives the connection's executor, until `watch` ends.
/// No bus: the thread ends quietly.
fn watch_bus<R>(
    name: &str,
    builder: fn() -> zbus::Result<zbus::connection::Builder<'static>>,
    watch: impl AsyncFnOnce(&zbus::Connection) -> R + Send + 'static,
) {
    let _ = std::thread::Builder::new()
        .name(name.into())
        .stack_size(256 * 1024)
        .spawn(move || {
            async_io::block_on(async {
                let conn = builder()
                    .ok()?
                    .method_timeout(CALL_TIMEOUT)
                    .internal_executor(false)
                    .build()
                    .await
                    .ok()?;
                let tick = async {
                    loop {
                        conn.executor().tick().await;
                    }
                };
                Some(futures_lite::future::or(watch(&conn), tick).await)
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::LocalResult;

    #[test]
    fn a_locked_screen_is_away() {
        use chrono::TimeDelta;
        assert_eq!(idle_time(true, Some(TimeDelta::seconds(3))), Some(LOCKED));
        assert_eq!(idle_time(true, None), Some(LOCKED));
        assert_eq!(
            idle_time(false, Some(TimeDelta::seconds(3))),
            Some(TimeDelta::seconds(3))
        );
        assert_eq!(idle_time(false, None), None);
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    /// Europe/London around the 2026 changes (see schedule's tests).
    fn london(t: NaiveDateTime) -> LocalResult<i32> {
        let spring = at("2026-03-29 01:00:00");
        let autumn = at("2026-10-25 01:00:00");
        let hour = chrono::TimeDelta::hours(1);
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

    #[test]
    fn waits_are_real_time_across_daylight_saving_changes() {
        let min = |m: u64| Duration::from_secs(m * 60);
        // 00:50 GMT to 02:20 BST is 30 real minutes, not 90.
        assert_eq!(
            real_wait(
                london,
                at("2026-03-29 00:50:00"),
                0,
                at("2026-03-29 02:20:00")
            ),
            min(30)
        );
        // 00:50 BST to 01:20 (first, BST) is 30 minutes; a wait never
        // overshoots into the repeated hour's second pass.
        assert_eq!(
            real_wait(
                london,
                at("2026-10-25 00:50:00"),
                3600,
                at("2026-10-25 01:20:00")
            ),
            min(30)
        );
        // In the repeated hour's second pass (GMT), 01:05 to 01:20 is 15
        // minutes (not a wait already over), and 01:30 to 02:10 is 40.
        assert_eq!(
            real_wait(
                london,
                at("2026-10-25 01:05:00"),
                0,
                at("2026-10-25 01:20:00")
            ),
            min(15)
        );
        assert_eq!(
            real_wait(
                london,
                at("2026-10-25 01:30:00"),
                0,
                at("2026-10-25 02:10:00")
            ),
            min(40)
        );
        // An ordinary day, and a time already past.
        assert_eq!(
            real_wait(
                london,
                at("2026-11-24 10:00:00"),
                0,
                at("2026-11-24 10:45:00")
            ),
            min(45)
        );
        assert_eq!(
            real_wait(
                london,
                at("2026-11-24 10:00:00"),
                0,
                at("2026-11-24 09:45:00")
            ),
            Duration::ZERO
        );
    }
}

//! The real parts the reminder loop talks to: the system clock, desktop
//! notifications (notify-rust over D-Bus), idle time from the desktop, and
//! the terminal as a fallback.

use super::{Action, Clock, Fallback, IdleSource, Msg, Notifier, Reminder};
use chrono::{NaiveDateTime, TimeDelta};
use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
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

/// How long a notification stays up.
pub const NOTIFICATION_TIMEOUT: Duration = Duration::from_secs(90);

/// Desktop notifications through the freedesktop notification server.
pub struct DesktopNotifier {
    pub tx: Sender<Msg>,
}

impl Notifier for DesktopNotifier {
    fn show(&mut self, r: &Reminder, snooze_minutes: i64) -> Result<(), String> {
        let caps =
            notify_rust::get_capabilities().map_err(|e| format!("no notification server ({e})"))?;
        let actions = caps.iter().any(|c| c == "actions");
        let mut n = notify_rust::Notification::new();
        n.appname("backfix")
            .summary(&r.title)
            .body(&r.markup())
            .urgency(notify_rust::Urgency::Normal)
            .timeout(notify_rust::Timeout::Milliseconds(
                NOTIFICATION_TIMEOUT.as_millis() as u32,
            ));
        if actions {
            n.action("done", "Done")
                .action("snooze", &format!("Snooze {snooze_minutes} min"))
                .action("skip", "Skip");
        }
        let handle = n
            .show()
            .map_err(|e| format!("the notification server did not take it ({e})"))?;
        if actions {
            // Wait for a button in a small thread of its own, never longer than
            // the notification lives, so the schedule never waits on a click.
            let tx = self.tx.clone();
            let exercise = r.exercise.clone();
            let spawned = std::thread::Builder::new()
                .name("backfix-action".into())
                .stack_size(256 * 1024)
                .spawn(move || {
                    let mut pressed: Option<String> = None;
                    let wait = async {
                        handle
                            .wait_for_action_async(|a| {
                                if let notify_rust::ActionResponse::Custom(key) = a {
                                    pressed = Some((*key).to_string());
                                }
                            })
                            .await;
                    };
                    let limit = async {
                        async_io::Timer::after(NOTIFICATION_TIMEOUT + Duration::from_secs(15))
                            .await;
                    };
                    zbus::block_on(futures_lite::future::or(wait, limit));
                    if let Some(action) = pressed.as_deref().and_then(Action::from_key) {
                        let _ = tx.send(Msg::Acted { exercise, action });
                    }
                });
            if spawned.is_err() {
                crate::warn("cannot start a thread to listen for notification buttons");
            }
        }
        Ok(())
    }
}

/// Reminders printed on the terminal, with a bell.
pub struct Terminal {
    said_why: bool,
}

impl Terminal {
    pub fn new() -> Terminal {
        Terminal { said_why: false }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Self::new()
    }
}

impl Fallback for Terminal {
    fn show(&mut self, now: NaiveDateTime, r: &Reminder, why: &str) {
        let mut out = std::io::stdout().lock();
        if !self.said_why {
            self.said_why = true;
            let _ = writeln!(
                out,
                "backfix: {}; showing reminders here until the desktop can",
                crate::output::clean_line(why)
            );
        }
        // Data-derived text is cleaned (issue 9): no escape reaches the terminal.
        let title = crate::output::clean_line(&r.title);
        let _ = writeln!(out, "\x07[{}] {title}", now.format("%H:%M"));
        for line in r.body.lines() {
            let _ = writeln!(out, "    {}", crate::output::clean_line(line));
        }
        let _ = out.flush();
    }

    fn note(&mut self, line: &str) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "backfix: {}", crate::output::clean_line(line));
        let _ = out.flush();
    }
}

/// Where idle time comes from. D-Bus sources keep their connection, so a
/// query is one call and not a new connection each time.
pub enum Idle {
    Mutter(zbus::blocking::Connection),
    X11(x11::Idle),
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
        let bus = zbus::blocking::Connection::session().ok();
        if let Some(conn) = &bus
            && mutter_idle(conn).is_some()
        {
            return Idle::Mutter(conn.clone());
        }
        if let Some(x) = x11::Idle::open() {
            return Idle::X11(x);
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

impl IdleSource for Idle {
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

/// The X11 screensaver extension, loaded at run time so backfix neither
/// links to nor needs X libraries.
pub mod x11 {
    use chrono::TimeDelta;
    use std::ffi::{c_char, c_int, c_ulong, c_void};

    #[repr(C)]
    struct Info {
        window: c_ulong,
        state: c_int,
        kind: c_int,
        til_or_since: c_ulong,
        idle: c_ulong,
        event_mask: c_ulong,
    }

    type QueryInfo = unsafe extern "C" fn(*mut c_void, c_ulong, *mut Info) -> c_int;

    pub struct Idle {
        display: *mut c_void,
        root: c_ulong,
        info: *mut Info,
        query: QueryInfo,
    }

    // The display is only ever used from the reminder loop's thread.
    unsafe impl Send for Idle {}

    /// Set when the X connection broke; Xlib must not be called again then.
    static GONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

    /// Xlib's default I/O error handling ends the process; these let the
    /// reminder carry on without an idle source instead.
    unsafe extern "C" fn io_error(_display: *mut c_void) -> c_int {
        0
    }

    unsafe extern "C" fn io_error_exit(_display: *mut c_void, _data: *mut c_void) {
        GONE.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    fn gone() -> bool {
        GONE.load(std::sync::atomic::Ordering::SeqCst)
    }

    unsafe fn sym(lib: *mut c_void, name: &[u8]) -> Option<*mut c_void> {
        // SAFETY: `name` is NUL-terminated; dlsym on a live handle.
        let p = unsafe { libc::dlsym(lib, name.as_ptr() as *const c_char) };
        (!p.is_null()).then_some(p)
    }

    impl Idle {
        pub fn open() -> Option<Idle> {
            std::env::var_os("DISPLAY").filter(|d| !d.is_empty())?;
            // SAFETY: plain dlopen/dlsym of the documented Xlib and Xss entry
            // points, called with the argument types their headers declare.
            unsafe {
                let x11 = libc::dlopen(c"libX11.so.6".as_ptr(), libc::RTLD_LAZY);
                if x11.is_null() {
                    return None;
                }
                let xss = libc::dlopen(c"libXss.so.1".as_ptr(), libc::RTLD_LAZY);
                if xss.is_null() {
                    return None;
                }
                let open: unsafe extern "C" fn(*const c_char) -> *mut c_void =
                    std::mem::transmute(sym(x11, b"XOpenDisplay\0")?);
                let root_of: unsafe extern "C" fn(*mut c_void) -> c_ulong =
                    std::mem::transmute(sym(x11, b"XDefaultRootWindow\0")?);
                let has_ext: unsafe extern "C" fn(*mut c_void, *mut c_int, *mut c_int) -> c_int =
                    std::mem::transmute(sym(xss, b"XScreenSaverQueryExtension\0")?);
                let alloc: unsafe extern "C" fn() -> *mut Info =
                    std::mem::transmute(sym(xss, b"XScreenSaverAllocInfo\0")?);
                let query: QueryInfo = std::mem::transmute(sym(xss, b"XScreenSaverQueryInfo\0")?);
                // Without a way to survive the X server going away (libX11
                // 1.7 or newer), don't use X at all.
                let set_io_error: unsafe extern "C" fn(
                    unsafe extern "C" fn(*mut c_void) -> c_int,
                ) -> *mut c_void = std::mem::transmute(sym(x11, b"XSetIOErrorHandler\0")?);
                let set_io_exit: unsafe extern "C" fn(
                    *mut c_void,
                    unsafe extern "C" fn(*mut c_void, *mut c_void),
                    *mut c_void,
                ) = std::mem::transmute(sym(x11, b"XSetIOErrorExitHandler\0")?);
                let display = open(std::ptr::null());
                if display.is_null() {
                    return None;
                }
                set_io_error(io_error);
                set_io_exit(display, io_error_exit, std::ptr::null_mut());
                let (mut ev, mut err) = (0, 0);
                if has_ext(display, &mut ev, &mut err) == 0 {
                    return None;
                }
                let info = alloc();
                if info.is_null() {
                    return None;
                }
                let idle = Idle {
                    display,
                    root: root_of(display),
                    info,
                    query,
                };
                idle.query().map(|_| idle)
            }
        }

        fn query(&self) -> Option<TimeDelta> {
            if gone() {
                return None;
            }
            // SAFETY: display, root and info come from a successful open(),
            // and the connection has not failed.
            let ok = unsafe { (self.query)(self.display, self.root, self.info) };
            (ok != 0 && !gone())
                .then(|| TimeDelta::milliseconds(unsafe { (*self.info).idle } as i64))
        }

        pub fn idle(&mut self) -> Option<TimeDelta> {
            self.query()
        }
    }
}

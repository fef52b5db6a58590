//! The real parts the reminder loop talks to: the system clock, desktop
//! notifications (the freedesktop notification server over D-Bus, every call
//! bounded in time and by a stop signal), idle time from the desktop, and the
//! terminal as a fallback.

use super::signals::StopFlag;
use super::{Clock, Fallback, IdleSource, Msg, Notice, Notifier, Reminder, Shown, Trouble};
use crate::output::{Out, clean, clean_line};
use chrono::{NaiveDateTime, TimeDelta};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
            crate::remind::schedule::format_duration(CALL_TIMEOUT)
        ))),
        Bound::Stopped => Err(Trouble::Interrupted),
    }
}

/// Desktop notifications through the freedesktop notification server. One
/// thread per bus connection (not per notification) passes the server's
/// `ActionInvoked` and `NotificationClosed` signals on to the loop.
pub struct DesktopNotifier {
    tx: Sender<Msg>,
    stop: StopFlag,
    conn: Option<zbus::Connection>,
    /// Cleared when the listening thread ends (the connection broke).
    listening: Arc<AtomicBool>,
}

impl DesktopNotifier {
    pub fn new(tx: Sender<Msg>, stop: StopFlag) -> DesktopNotifier {
        DesktopNotifier {
            tx,
            stop,
            conn: None,
            listening: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The connection, made (and subscribed to the server's signals) when
    /// there is none or the last one broke.
    fn connect(&mut self) -> Result<zbus::Connection, Trouble> {
        if let Some(c) = &self.conn
            && self.listening.load(Ordering::SeqCst)
        {
            return Ok(c.clone());
        }
        self.conn = None;
        let conn = session(Some(&self.stop))?;
        // Subscribe before the first notification, so no click is missed.
        let subscribe = async {
            let rule = zbus::MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .interface(IFACE)?
                .path(PATH)?
                .build();
            zbus::MessageStream::for_match_rule(rule, &conn, Some(64)).await
        };
        let stream = match bounded(subscribe, CALL_TIMEOUT, Some(&self.stop)) {
            Bound::Done(Ok(stream)) => stream,
            Bound::Done(Err(e)) => return Err(Trouble::NoBus(e.to_string())),
            Bound::TimedOut => return Err(Trouble::TimedOut(CALL_TIMEOUT)),
            Bound::Stopped => return Err(Trouble::Interrupted),
        };
        let listening = Arc::new(AtomicBool::new(true));
        self.listening = listening.clone();
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("backfix-buttons".into())
            .stack_size(256 * 1024)
            .spawn(move || {
                async_io::block_on(forward(stream, tx));
                listening.store(false, Ordering::SeqCst);
            });
        if spawned.is_err() {
            self.listening.store(false, Ordering::SeqCst);
            crate::output::warning("cannot start a thread to listen for notification buttons");
        }
        self.conn = Some(conn.clone());
        Ok(conn)
    }

    /// One call to the notification server, bounded; errors say why.
    fn call<B, R>(&mut self, conn: &zbus::Connection, method: &str, body: &B) -> Result<R, Trouble>
    where
        B: serde::Serialize + zbus::zvariant::DynamicType,
        R: serde::de::DeserializeOwned + zbus::zvariant::Type,
    {
        let call = conn.call_method(Some(DEST), PATH, Some(IFACE), method, body);
        match bounded(call, CALL_TIMEOUT, Some(&self.stop)) {
            Bound::Done(Ok(reply)) => reply
                .body()
                .deserialize::<R>()
                .map_err(|e| Trouble::Refused(format!("an unexpected answer to {method}: {e}"))),
            Bound::Done(Err(e)) => Err(self.trouble(e)),
            Bound::TimedOut => Err(Trouble::TimedOut(CALL_TIMEOUT)),
            Bound::Stopped => Err(Trouble::Interrupted),
        }
    }

    fn trouble(&mut self, e: zbus::Error) -> Trouble {
        const GONE: [&str; 2] = [
            "org.freedesktop.DBus.Error.ServiceUnknown",
            "org.freedesktop.DBus.Error.NameHasNoOwner",
        ];
        match &e {
            zbus::Error::MethodError(name, _, _) if GONE.contains(&name.as_str()) => {
                Trouble::NoServer
            }
            zbus::Error::FDO(f)
                if matches!(
                    **f,
                    zbus::fdo::Error::ServiceUnknown(_) | zbus::fdo::Error::NameHasNoOwner(_)
                ) =>
            {
                Trouble::NoServer
            }
            zbus::Error::MethodError(..) | zbus::Error::FDO(_) => Trouble::Refused(e.to_string()),
            zbus::Error::InputOutput(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Trouble::TimedOut(CALL_TIMEOUT)
            }
            // The connection itself failed: make a new one next time.
            _ => {
                self.conn = None;
                Trouble::NoBus(e.to_string())
            }
        }
    }
}

/// Pass the notification server's signals on to the loop until the
/// connection ends or the loop is gone.
async fn forward(mut stream: zbus::MessageStream, tx: Sender<Msg>) {
    use futures_lite::StreamExt;
    while let Some(Ok(msg)) = stream.next().await {
        let header = msg.header();
        let m = match header.member().map(|m| m.as_str()) {
            Some("ActionInvoked") => msg
                .body()
                .deserialize::<(u32, String)>()
                .ok()
                .map(|(id, key)| Msg::Action { id, key }),
            Some("NotificationClosed") => msg
                .body()
                .deserialize::<(u32, u32)>()
                .ok()
                .map(|(id, _reason)| Msg::Closed { id }),
            _ => None,
        };
        if let Some(m) = m
            && tx.send(m).is_err()
        {
            return;
        }
    }
}

/// The Snooze button's label, with the real snooze time.
pub fn snooze_label(snooze: Duration) -> String {
    format!(
        "Snooze {}",
        crate::remind::schedule::format_duration(snooze)
    )
}

impl Notifier for DesktopNotifier {
    fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble> {
        let conn = self.connect()?;
        let caps: Vec<String> = self.call(&conn, "GetCapabilities", &())?;
        let buttons = caps.iter().any(|c| c == "actions");
        let r = n.reminder;
        let summary = clean_line(&r.title);
        let body = clean(&r.body);
        // Servers without body markup show the text as it is.
        let body = if caps.iter().any(|c| c == "body-markup") {
            super::escape_markup(&body)
        } else {
            body.into_owned()
        };
        let actions: Vec<String> = if buttons {
            vec![
                "done".into(),
                "Done".into(),
                "snooze".into(),
                snooze_label(n.snooze),
                "skip".into(),
                "Skip".into(),
            ]
        } else {
            Vec::new()
        };
        let mut hints: HashMap<&str, zbus::zvariant::Value<'_>> = HashMap::new();
        hints.insert("desktop-entry", DESKTOP_ENTRY.into());
        hints.insert("urgency", zbus::zvariant::Value::U8(1));
        let timeout = i32::try_from(n.timeout.as_millis()).unwrap_or(i32::MAX);
        let id: u32 = self.call(
            &conn,
            "Notify",
            &(
                "backfix",
                n.replaces,
                ICON,
                summary.as_ref(),
                body.as_str(),
                actions,
                hints,
                timeout,
            ),
        )?;
        Ok(Shown { id, buttons })
    }

    fn close(&mut self, id: u32) {
        let Some(conn) = self.conn.clone() else {
            return;
        };
        let body = (id,);
        let call = conn.call_method(Some(DEST), PATH, Some(IFACE), "CloseNotification", &body);
        let _ = bounded(call, CLOSE_TIMEOUT, None);
    }
}

/// Reminders printed on the terminal, with a bell, through the program's
/// writer; text from data is cleaned of control characters first.
pub struct Terminal<'a> {
    out: &'a mut Out,
}

impl<'a> Terminal<'a> {
    pub fn new(out: &'a mut Out) -> Terminal<'a> {
        Terminal { out }
    }

    fn say(&mut self, line: &str) {
        let _ = self.out.line(&format!("backfix: {}", clean_line(line)));
        let _ = self.out.flush();
    }
}

impl Fallback for Terminal<'_> {
    fn left_desktop(&mut self, why: &Trouble) {
        self.say(&format!(
            "{why}; showing reminders here until the desktop can"
        ));
    }

    fn back_to_desktop(&mut self) {
        self.say("the notification server answers again; reminders go to the desktop");
    }

    fn show(&mut self, now: NaiveDateTime, r: &Reminder) {
        // The bell is ours, not data: written past the writer, which would
        // strip it from piped output like any other control character.
        let _ = self.out.flush();
        let _ = std::io::Write::write_all(&mut std::io::stdout(), b"\x07");
        let _ = self.out.line(&format!(
            "[{}] {}",
            now.format("%H:%M"),
            clean_line(&r.title)
        ));
        for line in r.body.lines() {
            let _ = self.out.line(&format!("    {}", clean_line(line)));
        }
        let _ = self.out.flush();
    }

    fn note(&mut self, line: &str) {
        self.say(line);
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
        // Calls on this connection time out too (`CALL_TIMEOUT`).
        let bus = session(None).ok().map(zbus::blocking::Connection::from);
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

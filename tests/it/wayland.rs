//! Idle time on a real Wayland compositor: sway, headless (no GPU, no input
//! devices, no Xwayland), with dunst on a private D-Bus bus. Debian 12's
//! sway 1.7 offers KDE's `org_kde_kwin_idle` and not `ext-idle-notify-v1`,
//! so this drives the fallback path end to end; the spell bookkeeping both
//! paths share is unit-tested in `src/remind/desktop/wayland.rs`.
//!
//! With no input devices the seat is idle from the start; the tests make it
//! active by moving a virtual pointer (wlr-virtual-pointer-unstable-v1), or
//! keep it from idling with a window that holds an idle inhibitor.
//!
//! No compositor here offers `ext-idle-notify-v1`, so a scripted one
//! (wayland-server, in this file) covers that path: which request is made,
//! with which timeout, and its idled/resumed events.

use crate::common;

use common::Env;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use wayland_client::globals::{GlobalListContents, registry_queue_init};
use wayland_client::protocol::wl_registry;
use wayland_client::{Connection, Dispatch, QueueHandle};
use wayland_protocols_wlr::virtual_pointer::v1::client::{
    zwlr_virtual_pointer_manager_v1 as manager, zwlr_virtual_pointer_v1 as pointer,
};

/// sway refuses to start as root: as root the test runs it as `nobody`.
const NOBODY: u32 = 65534;

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A headless sway in its own runtime dir.
struct Sway {
    dir: tempfile::TempDir,
    child: Child,
    socket: PathBuf,
}

impl Sway {
    fn start(test: &str) -> Option<Sway> {
        let mut needs = vec!["sway", "dbus-daemon", "dunst", "dunstctl"];
        if is_root() {
            needs.push("setpriv");
        }
        if !common::require(&needs, test) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("sway.conf");
        std::fs::write(&config, "xwayland disable\n").unwrap();
        let mut cmd = if is_root() {
            for p in [dir.path(), config.as_path()] {
                std::os::unix::fs::chown(p, Some(NOBODY), Some(NOBODY)).unwrap();
            }
            let mut c = Command::new("setpriv");
            c.args([
                &format!("--reuid={NOBODY}"),
                &format!("--regid={NOBODY}"),
                "--clear-groups",
                "sway",
            ]);
            c
        } else {
            Command::new("sway")
        };
        let child = cmd
            .arg("-c")
            .arg(&config)
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", dir.path())
            .env("XDG_RUNTIME_DIR", dir.path())
            .env("WLR_BACKENDS", "headless")
            .env("WLR_LIBINPUT_NO_DEVICES", "1")
            .env("WLR_RENDERER", "pixman")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start sway");
        let mut socket = None;
        common::wait_until(Duration::from_secs(10), "sway's socket", || {
            socket = wayland_socket(dir.path());
            socket.is_some()
        });
        Some(Sway {
            dir,
            child,
            socket: socket.unwrap(),
        })
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Sway {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `wayland-N` in `dir`, once the compositor has made it.
fn wayland_socket(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("wayland-") && !n.ends_with(".lock"))
        })
}

/// A private session bus with no service activation, and dunst on sway.
struct Notifications {
    bus: crate::remind::Bus,
    dunst: Child,
}

impl Notifications {
    fn start(dir: &Path, wayland: &Path) -> Notifications {
        let bus = crate::remind::Bus::start(dir);
        let rc = dir.join("dunstrc");
        std::fs::write(&rc, "[global]\n    font = Monospace 8\n").unwrap();
        let dunst = Command::new("dunst")
            .arg("-config")
            .arg(&rc)
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .env("WAYLAND_DISPLAY", wayland)
            .env_remove("DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst");
        // Made before the wait, so that a panic there still ends both.
        let n = Notifications { bus, dunst };
        common::wait_until(Duration::from_secs(10), "dunst on the bus", || {
            Command::new("dunstctl")
                .arg("is-paused")
                .env("DBUS_SESSION_BUS_ADDRESS", &n.bus.address)
                .output()
                .is_ok_and(|o| o.status.success())
        });
        n
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        // The bus ends after this, when the field is dropped.
        let _ = self.dunst.kill();
        let _ = self.dunst.wait();
    }
}

/// A virtual pointer on sway's seat: moving it is input, as a mouse's is.
struct Pointer {
    conn: Connection,
    pointer: pointer::ZwlrVirtualPointerV1,
    t0: Instant,
}

struct Nothing;

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for Nothing {
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

impl Dispatch<manager::ZwlrVirtualPointerManagerV1, ()> for Nothing {
    fn event(
        _: &mut Self,
        _: &manager::ZwlrVirtualPointerManagerV1,
        _: manager::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<pointer::ZwlrVirtualPointerV1, ()> for Nothing {
    fn event(
        _: &mut Self,
        _: &pointer::ZwlrVirtualPointerV1,
        _: pointer::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Pointer {
    fn new(socket: &Path) -> Pointer {
        let stream = std::os::unix::net::UnixStream::connect(socket).expect("connect to sway");
        let conn = Connection::from_socket(stream).expect("a Wayland connection");
        let (globals, mut queue) = registry_queue_init::<Nothing>(&conn).expect("globals");
        let qh = queue.handle();
        let m: manager::ZwlrVirtualPointerManagerV1 = globals
            .bind(&qh, 1..=1, ())
            .expect("sway offers zwlr_virtual_pointer_manager_v1");
        let pointer = m.create_virtual_pointer(None, &qh, ());
        queue.roundtrip(&mut Nothing).expect("roundtrip");
        Pointer {
            conn,
            pointer,
            t0: Instant::now(),
        }
    }

    /// Move the pointer now and then for `d`: the seat stays active.
    fn busy_for(&self, d: Duration) {
        let end = Instant::now() + d;
        let mut dx = 1.0;
        while Instant::now() < end {
            let ms = u32::try_from(self.t0.elapsed().as_millis()).unwrap_or(u32::MAX);
            self.pointer.motion(ms, dx, 0.0);
            self.pointer.frame();
            self.conn.flush().expect("sway is there");
            dx = -dx;
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

fn history(env: &Env) -> Vec<Value> {
    std::fs::read_to_string(env.data().join("history.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("whole JSON line"))
        .collect()
}

fn of_kind(env: &Env, kind: &str) -> Vec<Value> {
    history(env)
        .into_iter()
        .filter(|e| e["event"] == kind)
        .collect()
}

/// A running reminder, ended when the test ends (also when it fails).
struct Reminder(Child);

impl std::ops::Deref for Reminder {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Reminder {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Reminder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn remind(env: &Env, sway: &Sway, n: &Notifications, args: &[&str]) -> Reminder {
    Command::new(assert_cmd::cargo::cargo_bin("backfix"))
        .env_clear()
        .envs(env.vars())
        .env("WAYLAND_DISPLAY", &sway.socket)
        .env("DBUS_SESSION_BUS_ADDRESS", &n.bus.address)
        .arg("remind")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map(Reminder)
        .unwrap()
}

/// The start line naming the idle source; the rest of the output is read
/// (and dropped) on a thread, so the reminder never writes to a closed pipe.
fn idle_source_line(child: &mut Child) -> String {
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let found = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("backfix: idle source:"))
        .unwrap_or_default();
    std::thread::spawn(move || lines.for_each(drop));
    found
}

/// The names of a process's threads (none once it has ended).
fn threads(pid: u32) -> Vec<String> {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|d| {
            d.flatten()
                .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok())
                .map(|c| c.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The Wayland listener thread's voluntary context switches (its wake-ups).
fn listener_wakes(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the reminder runs");
    for t in tasks.flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if comm.trim() != "wayland-idle" {
            continue;
        }
        let status = std::fs::read_to_string(t.path().join("status")).unwrap_or_default();
        for line in status.lines() {
            if let Some(n) = line.strip_prefix("voluntary_ctxt_switches:") {
                return n.trim().parse().expect("a count");
            }
        }
    }
    panic!("no wayland-idle thread in {pid}");
}

fn stop(env: &Env, child: &mut Child) {
    let out = env.cmd().args(["remind", "stop"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(child.wait().unwrap().success());
}

#[test]
fn an_absence_that_ends_between_two_samples_is_a_break_on_sway() {
    let Some(sway) = Sway::start("an_absence_that_ends_between_two_samples_is_a_break_on_sway")
    else {
        return;
    };
    let n = Notifications::start(sway.dir.path(), &sway.socket);
    let pointer = Pointer::new(&sway.socket);
    let env = Env::new();
    // The loop samples idle time when the first reminder is due (12 s).
    let mut child = remind(&env, &sway, &n, &["--every", "12s", "--idle", "2s"]);
    let source = idle_source_line(&mut child);
    assert_eq!(source, "backfix: idle source: Wayland org_kde_kwin_idle.");
    // At the desk, then 5 s away (sway says idle after 2 s of them), then
    // back at the desk from 8 s until after the sample at 12 s: idle time
    // read at the sample is zero, and only the spell sway reported shows
    // the absence.
    pointer.busy_for(Duration::from_secs(3));
    std::thread::sleep(Duration::from_secs(5));
    let woken = listener_wakes(child.id());
    pointer.busy_for(Duration::from_secs(6));
    // Two dozen pointer moves woke the listener thread for the one
    // "resumed" (and a spare), not for each move: it waits on the socket
    // and the compositor sends only idle and resumed.
    let wakes = listener_wakes(child.id()) - woken;
    assert!(wakes <= 2, "the listener thread woke {wakes} times");
    common::wait_until(Duration::from_secs(10), "the idle break", || {
        !of_kind(&env, "break").is_empty()
    });
    let breaks = of_kind(&env, "break");
    assert_eq!(breaks.len(), 1, "{:?}", history(&env));
    assert_eq!(breaks[0]["detail"], "idle", "{:?}", breaks[0]);
    // The break restarted the interval: the reminder due at 12 s was not shown.
    assert!(of_kind(&env, "shown").is_empty(), "{:?}", history(&env));
    stop(&env, &mut child);
}

#[test]
fn sway_going_away_does_not_end_the_reminders() {
    let Some(mut sway) = Sway::start("sway_going_away_does_not_end_the_reminders") else {
        return;
    };
    let n = Notifications::start(sway.dir.path(), &sway.socket);
    let env = Env::new();
    let mut child = remind(&env, &sway, &n, &["--every", "2s", "--idle", "1h"]);
    assert!(idle_source_line(&mut child).contains("Wayland"));
    let pid = child.id();
    assert!(
        threads(pid).iter().any(|t| t == "wayland-idle"),
        "{:?}",
        threads(pid)
    );
    sway.stop();
    // The listener thread ends (it neither spins nor takes the process down).
    common::wait_until(Duration::from_secs(5), "the listener thread to end", || {
        !threads(pid).iter().any(|t| t == "wayland-idle")
    });
    let before = history(&env).len();
    std::thread::sleep(Duration::from_secs(5));
    assert!(child.try_wait().unwrap().is_none(), "the reminder ended");
    let after: Vec<String> = history(&env)[before..]
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        after.iter().any(|e| e == "shown" || e == "fallback"),
        "reminders go on: {after:?}"
    );
    stop(&env, &mut child);
}

/// A scripted compositor: a seat, `ext_idle_notifier_v1` (version 2, so a
/// client could pick the input-only notification) and KDE's
/// `org_kde_kwin_idle`. It records what clients ask for and sends "idled"
/// and "resumed" when the test says.
mod scripted {
    use std::os::unix::net::UnixStream;
    use std::path::Path;
    use std::sync::mpsc::{Receiver, Sender, channel};
    use std::sync::{Arc, Mutex};
    use std::thread::JoinHandle;
    use std::time::Duration;
    use wayland_protocols::ext::idle_notify::v1::server::{
        ext_idle_notification_v1 as note, ext_idle_notifier_v1 as notifier,
    };
    use wayland_protocols_plasma::idle::server::{org_kde_kwin_idle, org_kde_kwin_idle_timeout};
    use wayland_server::backend::{ClientData, ClientId, DisconnectReason};
    use wayland_server::protocol::wl_seat;
    use wayland_server::{
        Client, DataInit, Dispatch, Display, DisplayHandle, GlobalDispatch, ListeningSocket, New,
    };

    pub enum Cmd {
        Idled,
        Resumed,
    }

    pub struct Compositor {
        pub asked: Arc<Mutex<Vec<String>>>,
        tx: Option<Sender<Cmd>>,
        thread: Option<JoinHandle<()>>,
    }

    impl Compositor {
        pub fn start(socket: &Path) -> Compositor {
            let listener = ListeningSocket::bind_absolute(socket.to_path_buf()).expect("bind");
            let asked = Arc::new(Mutex::new(Vec::new()));
            let (tx, rx) = channel();
            let theirs = Arc::clone(&asked);
            let thread = std::thread::spawn(move || serve(&listener, &rx, theirs));
            Compositor {
                asked,
                tx: Some(tx),
                thread: Some(thread),
            }
        }

        pub fn send(&self, cmd: Cmd) {
            if let Some(tx) = &self.tx {
                tx.send(cmd).expect("the compositor runs");
            }
        }

        /// Close every client's connection and stop.
        pub fn stop(&mut self) {
            self.tx.take();
            if let Some(t) = self.thread.take() {
                t.join().expect("the compositor thread");
            }
        }
    }

    impl Drop for Compositor {
        fn drop(&mut self) {
            self.stop();
        }
    }

    struct State {
        asked: Arc<Mutex<Vec<String>>>,
        notes: Vec<note::ExtIdleNotificationV1>,
    }

    struct NoData;
    impl ClientData for NoData {
        fn initialized(&self, _: ClientId) {}
        fn disconnected(&self, _: ClientId, _: DisconnectReason) {}
    }

    /// Test scaffolding, so a simple loop: accept, dispatch, act, flush.
    fn serve(listener: &ListeningSocket, rx: &Receiver<Cmd>, asked: Arc<Mutex<Vec<String>>>) {
        let mut display: Display<State> = Display::new().expect("a display");
        let dh = display.handle();
        dh.create_global::<State, wl_seat::WlSeat, ()>(1, ());
        dh.create_global::<State, notifier::ExtIdleNotifierV1, ()>(2, ());
        dh.create_global::<State, org_kde_kwin_idle::OrgKdeKwinIdle, ()>(1, ());
        let mut state = State {
            asked,
            notes: Vec::new(),
        };
        loop {
            while let Ok(Some(stream)) = listener.accept() {
                let stream: UnixStream = stream;
                display
                    .handle()
                    .insert_client(stream, Arc::new(NoData))
                    .expect("a client");
            }
            let _ = display.dispatch_clients(&mut state);
            loop {
                match rx.try_recv() {
                    Ok(Cmd::Idled) => state.notes.iter().for_each(|n| n.idled()),
                    Ok(Cmd::Resumed) => state.notes.iter().for_each(|n| n.resumed()),
                    Err(std::sync::mpsc::TryRecvError::Empty) => break,
                    // Stopped: dropping the display closes every connection.
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => return,
                }
            }
            let _ = display.flush_clients();
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    impl State {
        fn ask(&self, what: String) {
            self.asked.lock().unwrap().push(what);
        }
    }

    impl GlobalDispatch<wl_seat::WlSeat, ()> for State {
        fn bind(
            _: &mut Self,
            _: &DisplayHandle,
            _: &Client,
            resource: New<wl_seat::WlSeat>,
            _: &(),
            data_init: &mut DataInit<'_, Self>,
        ) {
            data_init.init(resource, ());
        }
    }

    impl Dispatch<wl_seat::WlSeat, ()> for State {
        fn request(
            _: &mut Self,
            _: &Client,
            _: &wl_seat::WlSeat,
            _: wl_seat::Request,
            _: &(),
            _: &DisplayHandle,
            _: &mut DataInit<'_, Self>,
        ) {
        }
    }

    impl GlobalDispatch<notifier::ExtIdleNotifierV1, ()> for State {
        fn bind(
            _: &mut Self,
            _: &DisplayHandle,
            _: &Client,
            resource: New<notifier::ExtIdleNotifierV1>,
            _: &(),
            data_init: &mut DataInit<'_, Self>,
        ) {
            data_init.init(resource, ());
        }
    }

    impl Dispatch<notifier::ExtIdleNotifierV1, ()> for State {
        fn request(
            state: &mut Self,
            _: &Client,
            _: &notifier::ExtIdleNotifierV1,
            request: notifier::Request,
            _: &(),
            _: &DisplayHandle,
            data_init: &mut DataInit<'_, Self>,
        ) {
            match request {
                notifier::Request::GetIdleNotification { id, timeout, .. } => {
                    state.ask(format!("get_idle_notification {timeout}"));
                    let n = data_init.init(id, ());
                    state.notes.push(n);
                }
                notifier::Request::GetInputIdleNotification { id, timeout, .. } => {
                    state.ask(format!("get_input_idle_notification {timeout}"));
                    let n = data_init.init(id, ());
                    state.notes.push(n);
                }
                _ => {}
            }
        }
    }

    impl Dispatch<note::ExtIdleNotificationV1, ()> for State {
        fn request(
            _: &mut Self,
            _: &Client,
            _: &note::ExtIdleNotificationV1,
            _: note::Request,
            _: &(),
            _: &DisplayHandle,
            _: &mut DataInit<'_, Self>,
        ) {
        }
    }

    impl GlobalDispatch<org_kde_kwin_idle::OrgKdeKwinIdle, ()> for State {
        fn bind(
            _: &mut Self,
            _: &DisplayHandle,
            _: &Client,
            resource: New<org_kde_kwin_idle::OrgKdeKwinIdle>,
            _: &(),
            data_init: &mut DataInit<'_, Self>,
        ) {
            data_init.init(resource, ());
        }
    }

    impl Dispatch<org_kde_kwin_idle::OrgKdeKwinIdle, ()> for State {
        fn request(
            state: &mut Self,
            _: &Client,
            _: &org_kde_kwin_idle::OrgKdeKwinIdle,
            request: org_kde_kwin_idle::Request,
            _: &(),
            _: &DisplayHandle,
            data_init: &mut DataInit<'_, Self>,
        ) {
            if let org_kde_kwin_idle::Request::GetIdleTimeout { id, timeout, .. } = request {
                state.ask(format!("org_kde_kwin_idle {timeout}"));
                data_init.init(id, ());
            }
        }
    }

    impl Dispatch<org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout, ()> for State {
        fn request(
            _: &mut Self,
            _: &Client,
            _: &org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout,
            _: org_kde_kwin_idle_timeout::Request,
            _: &(),
            _: &DisplayHandle,
            _: &mut DataInit<'_, Self>,
        ) {
        }
    }
}

#[test]
fn ext_idle_notify_is_preferred_and_its_spells_count_on_a_scripted_compositor() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("wayland-scripted");
    let mut compositor = scripted::Compositor::start(&socket);
    let env = Env::new();
    // No notification server: reminders go to the terminal, which is enough.
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("backfix"))
        .env_clear()
        .envs(env.vars())
        .env("WAYLAND_DISPLAY", &socket)
        .args(["remind", "--every", "8s", "--idle", "90s"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map(Reminder)
        .unwrap();
    assert_eq!(
        idle_source_line(&mut child),
        "backfix: idle source: Wayland ext-idle-notify-v1."
    );
    // The notification that honours idle inhibitors, for the threshold, and
    // not KDE's as well.
    assert_eq!(
        *compositor.asked.lock().unwrap(),
        ["get_idle_notification 90000"]
    );
    // Away and back before the sample at 8 s: the spell still counts.
    std::thread::sleep(Duration::from_secs(1));
    compositor.send(scripted::Cmd::Idled);
    std::thread::sleep(Duration::from_secs(1));
    compositor.send(scripted::Cmd::Resumed);
    common::wait_until(Duration::from_secs(15), "the idle break", || {
        !of_kind(&env, "break").is_empty()
    });
    assert_eq!(of_kind(&env, "break")[0]["detail"], "idle");
    assert!(of_kind(&env, "shown").is_empty() && of_kind(&env, "fallback").is_empty());
    // The compositor goes: the listener thread ends, the reminder goes on.
    let pid = child.id();
    compositor.stop();
    common::wait_until(Duration::from_secs(5), "the listener thread to end", || {
        let t = threads(pid);
        !t.is_empty() && !t.iter().any(|t| t == "wayland-idle")
    });
    assert!(child.try_wait().unwrap().is_none(), "the reminder ended");
    stop(&env, &mut child);
}

/// A window on sway that holds an idle inhibitor, as a video call or a
/// film does (idle-inhibit-unstable-v1 on a mapped xdg toplevel).
mod inhibiting {
    use std::os::fd::AsFd;
    use std::path::Path;
    use wayland_client::globals::{GlobalListContents, registry_queue_init};
    use wayland_client::protocol::{
        wl_buffer, wl_compositor, wl_registry, wl_shm, wl_shm_pool, wl_surface,
    };
    use wayland_client::{Connection, Dispatch, QueueHandle, delegate_noop};
    use wayland_protocols::wp::idle_inhibit::zv1::client::{
        zwp_idle_inhibit_manager_v1 as manager, zwp_idle_inhibitor_v1 as inhibitor,
    };
    use wayland_protocols::xdg::shell::client::{xdg_surface, xdg_toplevel, xdg_wm_base};

    pub struct Window {
        configured: bool,
    }

    /// Open the window with its inhibitor; a thread keeps answering sway.
    pub fn open(socket: &Path) {
        let stream = std::os::unix::net::UnixStream::connect(socket).expect("connect to sway");
        let conn = Connection::from_socket(stream).expect("a Wayland connection");
        let (globals, mut queue) = registry_queue_init::<Window>(&conn).expect("globals");
        let qh = queue.handle();
        let compositor: wl_compositor::WlCompositor = globals.bind(&qh, 4..=4, ()).unwrap();
        let shm: wl_shm::WlShm = globals.bind(&qh, 1..=1, ()).unwrap();
        let wm: xdg_wm_base::XdgWmBase = globals.bind(&qh, 1..=1, ()).unwrap();
        let inhibits: manager::ZwpIdleInhibitManagerV1 = globals
            .bind(&qh, 1..=1, ())
            .expect("sway offers zwp_idle_inhibit_manager_v1");
        let surface = compositor.create_surface(&qh, ());
        let xdg = wm.get_xdg_surface(&surface, &qh, ());
        let toplevel = xdg.get_toplevel(&qh, ());
        toplevel.set_title("a video call".into());
        surface.commit();
        let mut w = Window { configured: false };
        while !w.configured {
            queue.blocking_dispatch(&mut w).expect("configure");
        }
        let (side, stride) = (64, 64 * 4);
        let file = tempfile::tempfile().unwrap();
        file.set_len(u64::try_from(side * stride).unwrap()).unwrap();
        let pool = shm.create_pool(file.as_fd(), side * stride, &qh, ());
        let buffer = pool.create_buffer(0, side, side, stride, wl_shm::Format::Argb8888, &qh, ());
        surface.attach(Some(&buffer), 0, 0);
        inhibits.create_inhibitor(&surface, &qh, ());
        surface.commit();
        queue.roundtrip(&mut w).expect("roundtrip");
        std::thread::spawn(move || {
            let _keep = (file, pool, buffer, toplevel, xdg, surface);
            while queue.blocking_dispatch(&mut w).is_ok() {}
        });
    }

    impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for Window {
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

    impl Dispatch<xdg_wm_base::XdgWmBase, ()> for Window {
        fn event(
            _: &mut Self,
            wm: &xdg_wm_base::XdgWmBase,
            event: xdg_wm_base::Event,
            _: &(),
            _: &Connection,
            _: &QueueHandle<Self>,
        ) {
            if let xdg_wm_base::Event::Ping { serial } = event {
                wm.pong(serial);
            }
        }
    }

    impl Dispatch<xdg_surface::XdgSurface, ()> for Window {
        fn event(
            w: &mut Self,
            xdg: &xdg_surface::XdgSurface,
            event: xdg_surface::Event,
            _: &(),
            _: &Connection,
            _: &QueueHandle<Self>,
        ) {
            if let xdg_surface::Event::Configure { serial } = event {
                xdg.ack_configure(serial);
                w.configured = true;
            }
        }
    }

    delegate_noop!(Window: ignore wl_compositor::WlCompositor);
    delegate_noop!(Window: ignore wl_surface::WlSurface);
    delegate_noop!(Window: ignore wl_shm::WlShm);
    delegate_noop!(Window: ignore wl_shm_pool::WlShmPool);
    delegate_noop!(Window: ignore wl_buffer::WlBuffer);
    delegate_noop!(Window: ignore xdg_toplevel::XdgToplevel);
    delegate_noop!(Window: ignore manager::ZwpIdleInhibitManagerV1);
    delegate_noop!(Window: ignore inhibitor::ZwpIdleInhibitorV1);
}

#[test]
fn a_window_that_inhibits_idle_is_not_a_break_on_sway() {
    let Some(sway) = Sway::start("a_window_that_inhibits_idle_is_not_a_break_on_sway") else {
        return;
    };
    let n = Notifications::start(sway.dir.path(), &sway.socket);
    // A video call on screen, and no input at all: the seat would be idle
    // after 1 s without the inhibitor.
    inhibiting::open(&sway.socket);
    let env = Env::new();
    let mut child = remind(&env, &sway, &n, &["--every", "4s", "--idle", "1s"]);
    assert!(idle_source_line(&mut child).contains("Wayland"));
    common::wait_until(Duration::from_secs(15), "a reminder", || {
        !of_kind(&env, "shown").is_empty()
    });
    // Sitting through the call still counts: the reminder came, no break.
    assert!(of_kind(&env, "break").is_empty(), "{:?}", history(&env));
    stop(&env, &mut child);
}

#[test]
fn a_compositor_that_never_answers_delays_the_start_by_at_most_the_call_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("wayland-silent");
    // Connections are accepted by the kernel and never answered.
    let _silent = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let env = Env::new();
    let started = Instant::now();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("backfix"))
        .env_clear()
        .envs(env.vars())
        .env("WAYLAND_DISPLAY", &socket)
        .args(["remind", "--every", "1h"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map(Reminder)
        .unwrap();
    assert_eq!(idle_source_line(&mut child), "backfix: idle source: none.");
    // CALL_TIMEOUT is 3 s; the rest is start-up.
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    stop(&env, &mut child);
}

//! `backfix remind` end to end: a real notification server (dunst under Xvfb
//! on a private D-Bus session bus), a scripted server that presses buttons,
//! the lock, status, stop, signals, the systemd unit and dry runs.

use crate::common;

use common::Env;
use predicates::prelude::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Start a daemon that prints one line when it is ready (its address or
/// display number); the child and that line.
fn spawn_announcing(cmd: &mut Command) -> (Child, String) {
    let mut child = cmd.stdout(Stdio::piped()).spawn().expect("start daemon");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("its first line");
    (child, line.trim().to_string())
}

/// A private session bus with no service activation, so nothing starts a
/// notification server behind the test's back.
pub(crate) struct Bus {
    child: Child,
    pub(crate) address: String,
}

impl Bus {
    pub(crate) fn start(dir: &Path) -> Bus {
        let conf = dir.join("bus.conf");
        std::fs::write(
            &conf,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.display()
            ),
        )
        .unwrap();
        let (child, address) = spawn_announcing(
            Command::new("dbus-daemon")
                .arg(format!("--config-file={}", conf.display()))
                .args(["--nofork", "--print-address=1"]),
        );
        Bus { child, address }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Xvfb, a bus and dunst.
struct Desktop {
    dir: tempfile::TempDir,
    bus: Bus,
    xvfb: Child,
    display: String,
    dunst: Option<Child>,
}

impl Desktop {
    fn start(test: &str) -> Option<Desktop> {
        if !common::require(&["dbus-daemon", "Xvfb", "dunst", "dunstctl"], test) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let bus = Bus::start(dir.path());
        let (xvfb, number) = spawn_announcing(
            Command::new("Xvfb")
                .args([
                    "-displayfd",
                    "1",
                    "-nolisten",
                    "tcp",
                    "-screen",
                    "0",
                    "640x480x24",
                ])
                .stderr(Stdio::null()),
        );
        let display = format!(":{number}");
        let mut d = Desktop {
            dir,
            bus,
            xvfb,
            display,
            dunst: None,
        };
        d.start_dunst();
        Some(d)
    }

    fn envs(&self) -> Vec<(String, String)> {
        vec![
            ("DISPLAY".into(), self.display.clone()),
            ("DBUS_SESSION_BUS_ADDRESS".into(), self.bus.address.clone()),
        ]
    }

    fn dunstctl(&self, args: &[&str]) -> std::process::Output {
        Command::new("dunstctl")
            .args(args)
            .envs(self.envs())
            .output()
            .expect("dunstctl")
    }

    fn start_dunst(&mut self) {
        let rc = self.dir.path().join("dunstrc");
        std::fs::write(&rc, "[global]\n    font = Monospace 8\n").unwrap();
        let child = Command::new("dunst")
            .arg("-config")
            .arg(&rc)
            .envs(self.envs())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst");
        self.dunst = Some(child);
        common::wait_until(Duration::from_secs(10), "dunst on the bus", || {
            self.dunstctl(&["is-paused"]).status.success()
        });
    }

    fn stop_dunst(&mut self) {
        if let Some(mut c) = self.dunst.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Every notification dunst received, oldest first.
    fn history(&self) -> Vec<Value> {
        self.dunstctl(&["close-all"]);
        std::thread::sleep(Duration::from_millis(200));
        let out = self.dunstctl(&["history"]);
        let v: Value = serde_json::from_slice(&out.stdout).expect("dunstctl history JSON");
        let mut items: Vec<Value> = v["data"][0].as_array().cloned().unwrap_or_default();
        items.sort_by_key(|n| n["id"]["data"].as_i64());
        items
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        self.stop_dunst();
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

fn field(n: &Value, name: &str) -> String {
    n[name]["data"].as_str().unwrap_or_default().to_string()
}

fn history_events(env: &Env) -> Vec<Value> {
    let path = env.data().join("history.jsonl");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("whole JSON line"))
        .collect()
}

fn events(env: &Env) -> Vec<String> {
    history_events(env)
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn remind_cmd(env: &Env, extra: &[(String, String)]) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("backfix"));
    c.env_clear().envs(env.vars()).envs(extra.iter().cloned());
    c
}

#[test]
fn reminders_reach_a_real_notification_server() {
    let Some(desk) = Desktop::start("reminders_reach_a_real_notification_server") else {
        return;
    };
    let env = Env::new();
    let out = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "1s", "--count", "3"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("idle source: X11 screensaver extension"),
        "{stdout}"
    );
    assert!(stdout.contains("finished after 3 reminders"), "{stdout}");
    let got = desk.history();
    // Each unanswered reminder was replaced by the next: one notification.
    assert_eq!(got.len(), 1, "{got:#?}");
    for n in &got {
        assert_eq!(field(n, "appname"), "backfix");
        assert!(field(n, "summary").starts_with("Time to move: "), "{n}");
        assert!(field(n, "body").contains("More: backfix show "), "{n}");
    }
    let shown: std::collections::HashSet<String> = history_events(&env)
        .iter()
        .filter(|e| e["event"] == "shown")
        .map(|e| e["exercise"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(shown.len(), 3, "suggestions rotate without repeats");
    let ev = events(&env);
    assert_eq!(ev.iter().filter(|e| *e == "shown").count(), 3, "{ev:?}");
    assert_eq!(ev.first().map(String::as_str), Some("started"));
    assert_eq!(ev.last().map(String::as_str), Some("stopped"));
}

#[test]
fn server_going_away_falls_back_to_the_terminal_and_recovers() {
    let Some(mut desk) =
        Desktop::start("server_going_away_falls_back_to_the_terminal_and_recovers")
    else {
        return;
    };
    let env = Env::new();
    let mut child = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "2s", "--count", "5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    common::wait_until(Duration::from_secs(15), "the first reminder", || {
        events(&env).contains(&"shown".to_string())
    });
    desk.stop_dunst();
    common::wait_until(Duration::from_secs(15), "a fallback", || {
        events(&env).contains(&"fallback".to_string())
    });
    desk.start_dunst();
    let status = child.wait().unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(status.success(), "{stdout}");
    assert!(stdout.contains("showing reminders here"), "{stdout}");
    assert!(
        stdout.contains('\x07') && stdout.contains("Time to move: "),
        "{stdout}"
    );
    let ev: Vec<String> = events(&env)
        .into_iter()
        .filter(|e| e == "shown" || e == "fallback")
        .collect();
    let first_fallback = ev.iter().position(|e| e == "fallback").unwrap();
    assert!(
        ev[first_fallback..].contains(&"shown".to_string()),
        "the server is used again once back: {ev:?}"
    );
    assert!(
        !desk.history().is_empty(),
        "the restarted dunst got reminders"
    );
}

#[test]
fn x_server_going_away_does_not_end_the_reminders() {
    let Some(mut desk) = Desktop::start("x_server_going_away_does_not_end_the_reminders") else {
        return;
    };
    let env = Env::new();
    let child = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "1s", "--count", "4"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    common::wait_until(Duration::from_secs(15), "the first reminder", || {
        events(&env).contains(&"shown".to_string())
    });
    // The X server dies (and dunst with it): the idle source goes, the reminders stay.
    let _ = desk.xvfb.kill();
    let _ = desk.xvfb.wait();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("finished after 4 reminders"), "{stdout}");
    let n = events(&env)
        .iter()
        .filter(|e| *e == "shown" || *e == "fallback")
        .count();
    assert_eq!(n, 4);
}

/// A notification server on a private bus that advertises actions and
/// presses one button for each notification, in turn.
mod fake_server {
    use std::collections::HashMap;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU32, Ordering};
    use zbus::zvariant::OwnedValue;

    /// A person pressing button `key` of notification `id` after `after`:
    /// the server's ActionInvoked, then NotificationClosed (reason 2,
    /// dismissed), as a real server sends them.
    pub fn press_button(
        conn: zbus::blocking::Connection,
        id: u32,
        key: &'static str,
        after: std::time::Duration,
    ) {
        std::thread::spawn(move || {
            std::thread::sleep(after);
            let _ = conn.emit_signal(
                None::<()>,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "ActionInvoked",
                &(id, key),
            );
            let _ = conn.emit_signal(
                None::<()>,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "NotificationClosed",
                &(id, 2u32),
            );
        });
    }

    pub struct Server {
        pub presses: Mutex<Vec<&'static str>>,
        pub next_id: AtomicU32,
        pub conn: Mutex<Option<zbus::blocking::Connection>>,
        pub seen: Mutex<Vec<(String, Vec<String>)>>,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Server {
        fn get_capabilities(&self) -> Vec<String> {
            vec!["actions".into(), "body".into()]
        }

        #[allow(clippy::too_many_arguments)]
        fn notify(
            &self,
            _app_name: String,
            _replaces_id: u32,
            _app_icon: String,
            summary: String,
            _body: String,
            actions: Vec<String>,
            _hints: HashMap<String, OwnedValue>,
            _expire_timeout: i32,
        ) -> u32 {
            let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
            self.seen.lock().unwrap().push((summary, actions));
            let press = {
                let mut p = self.presses.lock().unwrap();
                if p.is_empty() {
                    None
                } else {
                    Some(p.remove(0))
                }
            };
            let conn = self.conn.lock().unwrap().clone();
            if let (Some(key), Some(conn)) = (press, conn) {
                // Give the client time to subscribe, as a person would.
                press_button(conn, id, key, std::time::Duration::from_millis(400));
            }
            id
        }

        fn close_notification(&self, _id: u32) {}

        fn get_server_information(&self) -> (String, String, String, String) {
            (
                "fake".into(),
                "backfix tests".into(),
                "1".into(),
                "1.2".into(),
            )
        }
    }
}

#[test]
fn notification_buttons_are_recorded_and_snooze_works() {
    if !common::require(
        &["dbus-daemon"],
        "notification_buttons_are_recorded_and_snooze_works",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let server = fake_server::Server {
        presses: std::sync::Mutex::new(vec!["snooze", "done", "skip"]),
        next_id: Default::default(),
        conn: Default::default(),
        seen: Default::default(),
    };
    let conn = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .unwrap()
        .serve_at("/org/freedesktop/Notifications", server)
        .unwrap()
        .name("org.freedesktop.Notifications")
        .unwrap()
        .build()
        .unwrap();
    {
        let iface = conn
            .object_server()
            .interface::<_, fake_server::Server>("/org/freedesktop/Notifications")
            .unwrap();
        *iface.get().conn.lock().unwrap() = Some(conn.clone());
    }
    let env = Env::new();
    let out = remind_cmd(
        &env,
        &[("DBUS_SESSION_BUS_ADDRESS".into(), bus.address.clone())],
    )
    .args(["remind", "--every", "4s", "--snooze", "1s", "--count", "4"])
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("idle source: none"), "{stdout}");
    let ev: Vec<String> = events(&env)
        .into_iter()
        .filter(|e| e != "started" && e != "stopped")
        .collect();
    assert_eq!(
        ev,
        [
            "shown", "snoozed", "shown", "done", "shown", "skipped", "shown"
        ],
        "{ev:?}"
    );
    let iface = conn
        .object_server()
        .interface::<_, fake_server::Server>("/org/freedesktop/Notifications")
        .unwrap();
    let seen = iface.get().seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 4);
    let actions = &seen[0].1;
    assert!(
        actions.contains(&"done".to_string())
            && actions.contains(&"snooze".to_string())
            && actions.contains(&"skip".to_string()),
        "{actions:?}"
    );
    // Snoozed for 1s (pressed 0.4s after the first reminder): the second
    // came about 1.4s after the first, sooner than the 4s interval would
    // allow. History times are whole seconds, so a full interval shows as
    // 4 s or more, the snooze as 3 s at most (a second to spare for a busy
    // machine).
    let h = history_events(&env);
    let times: Vec<chrono::NaiveDateTime> = h
        .iter()
        .filter(|e| e["event"] == "shown")
        .map(|e| {
            chrono::NaiveDateTime::parse_from_str(e["time"].as_str().unwrap(), "%Y-%m-%dT%H:%M:%S")
                .unwrap()
        })
        .collect();
    assert_eq!(times.len(), 4);
    let gap = (times[1] - times[0]).num_seconds();
    assert!(
        gap <= 2,
        "the snoozed reminder came {gap} s after the first"
    );
}

fn spawn_remind(env: &Env, args: &[&str]) -> Child {
    remind_cmd(env, &[])
        .arg("remind")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_running(env: &Env) -> Value {
    let mut status = Value::Null;
    common::wait_until(Duration::from_secs(10), "the status file", || {
        let out = env
            .cmd()
            .args(["remind", "--status", "--json"])
            .output()
            .unwrap();
        status = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        status["running"] == true && status["next"].is_string()
    });
    status
}

#[test]
fn one_reminder_per_user_with_status_and_stop() {
    let env = Env::new();
    let mut first = spawn_remind(&env, &["--every", "1h"]);
    let status = wait_running(&env);
    assert_eq!(status["pid"], first.id());
    assert_eq!(status["interval"], "1h");
    let text = env.cmd().args(["remind", "--status"]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains(&format!("pid {}", first.id())));
    // A distinct status, 6, so a login unit does not retry it for ever.
    env.cmd()
        .args(["remind", "--every", "10m"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(format!(
            "already running (pid {})",
            first.id()
        )));
    env.cmd()
        .args(["remind", "--stop"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Stopped"));
    let code = first.wait().unwrap();
    assert!(code.success());
    let status: Value = serde_json::from_slice(
        &env.cmd()
            .args(["remind", "--status", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(status["running"], false);
    env.cmd()
        .args(["remind", "--stop"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no reminder is running"));
}

#[test]
fn signals_end_it_promptly_with_status_0_and_release_the_lock() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let env = Env::new();
        let mut child = spawn_remind(&env, &["--every", "1h"]);
        wait_running(&env);
        let sent = Instant::now();
        // SAFETY: signalling our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        assert!(
            sent.elapsed() < Duration::from_secs(3),
            "took {:?}",
            sent.elapsed()
        );
        assert_eq!(status.code(), Some(0), "signal {signal}");
        assert!(
            !env.state().join("remind.json").exists(),
            "status file removed"
        );
        // The lock is free again: a new reminder starts.
        let mut again = spawn_remind(&env, &["--every", "1h"]);
        wait_running(&env);
        unsafe { libc::kill(again.id() as i32, libc::SIGTERM) };
        assert!(again.wait().unwrap().success());
        assert!(events(&env).contains(&"stopped".to_string()));
    }
}

#[test]
fn dry_run_lists_the_next_reminders_within_working_hours() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "remind",
            "--dry-run",
            "--json",
            "--every",
            "45m",
            "--between",
            "09:00-17:30",
            "--days",
            "mon-fri",
            "--count",
            "12",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 12);
    let mut prev: Option<chrono::NaiveDateTime> = None;
    for i in items {
        let t =
            chrono::NaiveDateTime::parse_from_str(i["time"].as_str().unwrap(), "%Y-%m-%dT%H:%M:%S")
                .unwrap();
        use chrono::{Datelike, Timelike};
        assert!(t.weekday().num_days_from_monday() < 5, "{t}");
        let minutes = t.hour() * 60 + t.minute();
        assert!((9 * 60..17 * 60 + 30).contains(&minutes), "{t}");
        if let Some(p) = prev {
            assert!(t > p);
        }
        prev = Some(t);
        assert!(i["body"].as_str().unwrap().contains("backfix show"));
    }
    env.cmd()
        .args(["remind", "--dry-run", "--count", "3", "--for", "outer hip"])
        .assert()
        .success()
        .stdout(predicate::str::contains("outer-hip routine"))
        .stdout(predicate::str::contains("backfix show").count(3));
    // Nothing was sent or locked.
    assert!(!env.state().join("remind.lock").exists());
}

#[test]
fn bad_values_name_the_flag_and_give_an_example() {
    let env = Env::new();
    for (args, flag) in [
        (vec!["--every", "0"], "--every"),
        (vec!["--every", "soon"], "--every"),
        (vec!["--every", "3d"], "--every"),
        (vec!["--snooze=-5m"], "--snooze"),
        (vec!["--between", "9-5"], "--between"),
        (vec!["--days", "funday"], "--days"),
        (vec!["--until", "25:00"], "--until"),
        (vec!["--count", "0"], "--count"),
    ] {
        env.cmd()
            .arg("remind")
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag));
    }
    env.cmd()
        .args(["remind", "--every", "2h", "--between", "09:00-10:00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("longer than the --between window"));
    env.cmd()
        .args(["remind", "--for", "sciatca"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'sciatica'?"));
}

#[test]
fn install_writes_a_valid_systemd_user_unit() {
    let env = Env::new();
    env.cmd()
        .env("BACKFIX_AUTOSTART", "systemd")
        .args([
            "remind",
            "--install",
            "--every",
            "1h 30m",
            "--between",
            "09:00-17:30",
            "--days",
            "mon-fri",
            "--for",
            "desk",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "systemctl --user enable --now backfix-remind.service",
        ))
        .stdout(predicate::str::contains("a systemd user unit"));
    let unit_path: PathBuf = env
        .home
        .path()
        .join("config/systemd/user/backfix-remind.service");
    let unit = std::fs::read_to_string(&unit_path).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("backfix")
        .canonicalize()
        .unwrap();
    let exec = unit.lines().find(|l| l.starts_with("ExecStart=")).unwrap();
    assert!(
        exec.starts_with(&format!(
            "ExecStart={} remind --every \"1h 30m\"",
            bin.display()
        )),
        "{exec}"
    );
    assert!(
        exec.contains("--between 09:00-17:30")
            && exec.contains("--days mon-fri")
            && exec.contains("--for desk"),
        "{exec}"
    );
    if common::require(&["systemd-analyze"], "systemd-analyze verify") {
        let (ok, report) = common::report(
            Command::new("systemd-analyze")
                .args(["verify", "--man=no"])
                .arg(&unit_path),
        );
        assert!(ok, "systemd-analyze verify: {report}");
        assert!(!report.contains("backfix-remind.service:"), "{report}");
    }
    env.cmd()
        .args(["remind", "--uninstall"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Removed"));
    assert!(!unit_path.exists());
    env.cmd().args(["remind", "--uninstall"]).assert().code(1);
}

/// A session without a systemd user manager (the test's clean environment
/// has none to reach) gets an XDG autostart entry, and is told so.
#[test]
fn install_without_systemd_writes_a_valid_xdg_autostart_entry() {
    let env = Env::new();
    env.cmd()
        .args(["remind", "install", "--every", "1h 30m", "--for", "desk"])
        .assert()
        .success()
        .stdout(predicate::str::contains("an XDG autostart entry"));
    assert!(!env.home.path().join("config/systemd").exists());
    let path = env
        .home
        .path()
        .join("config/autostart/backfix-remind.desktop");
    let entry = std::fs::read_to_string(&path).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("backfix")
        .canonicalize()
        .unwrap();
    let exec = entry.lines().find(|l| l.starts_with("Exec=")).unwrap();
    assert!(
        exec.starts_with(&format!("Exec={} remind --every \"1h 30m\"", bin.display())),
        "{exec}"
    );
    assert!(
        exec.ends_with("--for desk --snooze 10m --idle 5m"),
        "{exec}"
    );
    if common::require(
        &["desktop-file-validate"],
        "desktop-file-validate autostart",
    ) {
        let (ok, report) = common::report(Command::new("desktop-file-validate").arg(&path));
        assert!(
            ok && report.trim().is_empty(),
            "desktop-file-validate: {report}"
        );
    }
    env.cmd()
        .args(["remind", "uninstall"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Removed"));
    assert!(!path.exists());
}

// ---------------------------------------------------------------------------
// The reminder loop and its notifications (issue 9): timeouts, signals,
// buttons heard until the next reminder, replacing, labels, clean text.
// ---------------------------------------------------------------------------

/// A notification server that records everything it is sent and presses a
/// button on chosen notifications after a chosen delay.
mod scripted {
    use std::collections::{HashMap, VecDeque};
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;
    use zbus::zvariant::OwnedValue;

    #[derive(Debug, Clone)]
    pub struct Seen {
        pub id: u32,
        pub replaces: u32,
        pub icon: String,
        pub summary: String,
        pub body: String,
        pub actions: Vec<String>,
        pub desktop_entry: Option<String>,
        pub timeout: i32,
    }

    pub struct Server {
        /// For each notification in turn: a key to press, and when.
        pub presses: Mutex<VecDeque<Option<(&'static str, Duration)>>>,
        pub next_id: AtomicU32,
        pub conn: Mutex<Option<zbus::blocking::Connection>>,
        pub seen: Mutex<Vec<Seen>>,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Server {
        fn get_capabilities(&self) -> Vec<String> {
            vec!["actions".into(), "body".into(), "body-markup".into()]
        }

        #[allow(clippy::too_many_arguments)]
        fn notify(
            &self,
            _app_name: String,
            replaces_id: u32,
            app_icon: String,
            summary: String,
            body: String,
            actions: Vec<String>,
            hints: HashMap<String, OwnedValue>,
            expire_timeout: i32,
        ) -> u32 {
            let id = if replaces_id != 0 {
                replaces_id
            } else {
                self.next_id.fetch_add(1, Ordering::SeqCst) + 1
            };
            let desktop_entry = hints
                .get("desktop-entry")
                .and_then(|v| <&str>::try_from(&**v).ok())
                .map(String::from);
            self.seen.lock().unwrap().push(Seen {
                id,
                replaces: replaces_id,
                icon: app_icon,
                summary,
                body,
                actions,
                desktop_entry,
                timeout: expire_timeout,
            });
            let press = self.presses.lock().unwrap().pop_front().flatten();
            let conn = self.conn.lock().unwrap().clone();
            if let (Some((key, after)), Some(conn)) = (press, conn) {
                super::fake_server::press_button(conn, id, key, after);
            }
            id
        }

        fn close_notification(&self, _id: u32) {}

        fn get_server_information(&self) -> (String, String, String, String) {
            (
                "scripted".into(),
                "backfix tests".into(),
                "1".into(),
                "1.2".into(),
            )
        }
    }

    /// The server on `address`, pressing `presses` in turn.
    pub fn start(
        address: &str,
        presses: Vec<Option<(&'static str, Duration)>>,
    ) -> zbus::blocking::Connection {
        let server = Server {
            presses: Mutex::new(presses.into()),
            next_id: Default::default(),
            conn: Default::default(),
            seen: Default::default(),
        };
        let conn = zbus::blocking::connection::Builder::address(address)
            .unwrap()
            .serve_at("/org/freedesktop/Notifications", server)
            .unwrap()
            .name("org.freedesktop.Notifications")
            .unwrap()
            .build()
            .unwrap();
        *iface(&conn).get().conn.lock().unwrap() = Some(conn.clone());
        conn
    }

    fn iface(
        conn: &zbus::blocking::Connection,
    ) -> zbus::blocking::object_server::InterfaceRef<Server> {
        conn.object_server()
            .interface::<_, Server>("/org/freedesktop/Notifications")
            .unwrap()
    }

    pub fn seen(conn: &zbus::blocking::Connection) -> Vec<Seen> {
        iface(conn).get().seen.lock().unwrap().clone()
    }
}

fn bus_env(bus: &Bus) -> Vec<(String, String)> {
    vec![("DBUS_SESSION_BUS_ADDRESS".into(), bus.address.clone())]
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn buttons_are_heard_until_the_next_reminder_and_on_the_last_one() {
    if !common::require(
        &["dbus-daemon"],
        "buttons_are_heard_until_the_next_reminder",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    // The first two go unanswered; the last is answered 1.5 s after it shows,
    // when a reminder that exits right after its last notification is gone.
    let conn = scripted::start(
        &bus.address,
        vec![None, None, Some(("done", Duration::from_millis(1500)))],
    );
    let env = Env::new();
    run_ok(remind_cmd(&env, &bus_env(&bus)).args(["remind", "--every", "2s", "--count", "3"]));
    let seen = scripted::seen(&conn);
    assert_eq!(seen.len(), 3, "{seen:#?}");
    // Each unanswered reminder is replaced by the next, not stacked.
    assert_eq!(seen[0].replaces, 0);
    assert_eq!(seen[1].replaces, seen[0].id);
    assert_eq!(seen[2].replaces, seen[0].id);
    for n in &seen {
        // It stays up until the next reminder is due (2 s, and a margin of
        // 5 s to be replaced rather than expire), not a fixed 90 s.
        assert!((1000..=7000).contains(&n.timeout), "{n:?}");
        assert_eq!(n.desktop_entry.as_deref(), Some("backfix"), "{n:?}");
        assert!(!n.icon.is_empty(), "{n:?}");
    }
    // The last stays up for one interval, its buttons heard as long.
    assert_eq!(seen[2].timeout, 2000);
    let h = history_events(&env);
    let done: Vec<&Value> = h.iter().filter(|e| e["event"] == "done").collect();
    assert_eq!(
        done.len(),
        1,
        "the last reminder's click is recorded: {h:?}"
    );
    let last_shown = h.iter().rev().find(|e| e["event"] == "shown").unwrap();
    assert_eq!(done[0]["exercise"], last_shown["exercise"]);
    assert_eq!(
        h.last().map(|e| e["event"].clone()),
        Some(Value::from("stopped"))
    );
}

#[test]
fn the_snooze_label_shows_the_real_time_and_the_snoozed_exercise_comes_back() {
    if !common::require(&["dbus-daemon"], "the_snooze_label_shows_the_real_time") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let conn = scripted::start(
        &bus.address,
        vec![Some(("snooze", Duration::from_millis(300)))],
    );
    let env = Env::new();
    let stdout = run_ok(
        remind_cmd(&env, &bus_env(&bus))
            .args(["remind", "--every", "3s", "--snooze", "2s", "--count", "2"]),
    );
    let seen = scripted::seen(&conn);
    assert_eq!(seen.len(), 2, "{seen:#?}");
    assert!(
        seen[0].actions.contains(&"Snooze 2s".to_string()),
        "{:?}",
        seen[0].actions
    );
    assert_eq!(
        seen[1].summary, seen[0].summary,
        "the snoozed exercise again"
    );
    assert!(stdout.contains("snoozed "), "{stdout}");
}

#[test]
fn a_stopped_server_times_out_to_the_terminal_and_signals_end_it_promptly() {
    let Some(desk) = Desktop::start("a_stopped_server_times_out_to_the_terminal") else {
        return;
    };
    let dunst = desk.dunst.as_ref().unwrap().id() as i32;
    let env = Env::new();
    let mut child = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "2s"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let count = |what: &str| events(&env).iter().filter(|e| *e == what).count();
    common::wait_until(Duration::from_secs(15), "the first reminder", || {
        count("shown") > 0
    });
    // dunst stops answering: the next reminder goes to the terminal within seconds.
    // SAFETY: signalling our own child processes.
    unsafe { libc::kill(dunst, libc::SIGSTOP) };
    let stopped = Instant::now();
    common::wait_until(Duration::from_secs(10), "a fallback", || {
        count("fallback") > 0
    });
    assert!(
        stopped.elapsed() < Duration::from_secs(8),
        "{:?}",
        stopped.elapsed()
    );
    let fallback = history_events(&env)
        .into_iter()
        .find(|e| e["event"] == "fallback")
        .unwrap();
    assert!(
        fallback["detail"]
            .as_str()
            .unwrap()
            .contains("did not answer within"),
        "{fallback}"
    );
    // It answers again: desktop reminders resume.
    unsafe { libc::kill(dunst, libc::SIGCONT) };
    let shown = count("shown");
    common::wait_until(
        Duration::from_secs(15),
        "a reminder on the desktop again",
        || count("shown") > shown,
    );
    // Stopped again; a SIGTERM while waiting on it ends the reminder at once.
    unsafe { libc::kill(dunst, libc::SIGSTOP) };
    let fallbacks = count("fallback");
    common::wait_until(Duration::from_secs(10), "another fallback", || {
        count("fallback") > fallbacks
    });
    // The next reminder is due at once and waits on the stopped server.
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    let took = sent.elapsed();
    unsafe { libc::kill(dunst, libc::SIGCONT) };
    assert!(took < Duration::from_millis(1500), "took {took:?}");
    assert_eq!(status.code(), Some(0));
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(stdout.contains("did not answer within 3s"), "{stdout}");
    assert!(stdout.contains("answers again"), "{stdout}");
    let ev = events(&env);
    assert!(!ev.contains(&"break".to_string()), "no false break: {ev:?}");
    assert_eq!(ev.last().map(String::as_str), Some("stopped"), "{ev:?}");
}

#[test]
fn a_hangup_ignored_at_start_stays_ignored() {
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    let mut cmd = remind_cmd(&env, &[]);
    cmd.args(["remind", "--every", "1h"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe signal(2) between fork and exec, as nohup does.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGHUP, libc::SIG_IGN);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    wait_running(&env);
    unsafe { libc::kill(child.id() as i32, libc::SIGHUP) };
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        child.try_wait().unwrap().is_none(),
        "a hang-up ended a reminder started under nohup"
    );
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    assert!(child.wait().unwrap().success());
}

/// The built-in desk exercises, as a user file whose names and summaries
/// carry terminal escapes (a title change, a clipboard write, a screen clear).
fn hostile_exercises(env: &Env) {
    let all: Vec<Value> =
        serde_json::from_str(include_str!("../../data/exercises.json")).expect("exercises.json");
    let desk: Vec<Value> = all
        .into_iter()
        .filter(|e| e["desk"] == true)
        .map(|mut e| {
            let name = e["name"].as_str().unwrap().to_string();
            e["name"] = Value::from(format!("{name}\u{1b}]0;PWNED\u{7}"));
            let summary = e["summary"].as_str().unwrap().to_string();
            e["summary"] = Value::from(format!(
                "\u{1b}]52;c;ZXZpbA==\u{7}{summary}\u{1b}[2J\r\u{9b}31m"
            ));
            e
        })
        .collect();
    std::fs::create_dir_all(env.config()).unwrap();
    std::fs::write(
        env.config().join("exercises.json"),
        serde_json::to_string(&desk).unwrap(),
    )
    .unwrap();
}

#[test]
fn escapes_in_user_exercises_reach_neither_terminal_nor_notification() {
    let env = Env::new();
    hostile_exercises(&env);
    // No session bus: the terminal fallback.
    let out = remind_cmd(&env, &[])
        .args(["remind", "--every", "1s", "--count", "2"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("PWNED"),
        "the reminders were printed: {stdout}"
    );
    assert!(
        !stdout.contains(['\u{1b}', '\r', '\u{9b}']),
        "control characters reached the terminal: {stdout:?}"
    );
    // Only the fallback's own bell, one per reminder.
    assert_eq!(stdout.matches('\u{7}').count(), 2, "{stdout:?}");

    if !common::require(
        &["dbus-daemon"],
        "escapes_in_user_exercises (notifications)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let conn = scripted::start(&bus.address, vec![]);
    let env2 = Env::new();
    hostile_exercises(&env2);
    run_ok(remind_cmd(&env2, &bus_env(&bus)).args(["remind", "--every", "1s", "--count", "1"]));
    let seen = scripted::seen(&conn);
    assert_eq!(seen.len(), 1);
    for n in &seen {
        assert!(n.summary.contains("PWNED"), "{n:?}");
        assert!(!n.summary.chars().any(char::is_control), "{n:?}");
        assert!(
            !n.body.chars().any(|c| c.is_control() && c != '\n'),
            "{n:?}"
        );
    }
}

#[test]
fn the_desktop_entry_is_valid() {
    if !common::require(&["desktop-file-validate"], "the_desktop_entry_is_valid") {
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/backfix.desktop");
    let (ok, report) = common::report(Command::new("desktop-file-validate").arg(&path));
    assert!(ok && report.trim().is_empty(), "{report}");
    let text = std::fs::read_to_string(&path).unwrap();
    // The notifications name this entry and its icon.
    assert!(text.contains("\nIcon=appointment-soon\n"), "{text}");
    assert_eq!(path.file_stem().unwrap(), "backfix");
}

#[test]
fn the_rotation_carries_on_across_restarts() {
    let env = Env::new();
    // How many suggestions a round has.
    let out = env
        .cmd()
        .args([
            "remind",
            "--dry-run",
            "--json",
            "--every",
            "1m",
            "--count",
            "60",
        ])
        .output()
        .unwrap();
    let plan: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let round: std::collections::HashSet<&str> = plan
        .iter()
        .map(|i| i["exercise"].as_str().unwrap())
        .collect();
    assert!(round.len() >= 4, "{round:?}");
    // One reminder per process (terminal fallback, no bus), a round's worth:
    // each carries on where the last stopped, so none repeats.
    for _ in 0..round.len() {
        run_ok(remind_cmd(&env, &[]).args(["remind", "--every", "1s", "--count", "1"]));
    }
    let shown: Vec<String> = history_events(&env)
        .iter()
        .filter(|e| e["event"] == "fallback")
        .map(|e| e["exercise"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(shown.len(), round.len());
    let distinct: std::collections::HashSet<&String> = shown.iter().collect();
    assert_eq!(
        distinct.len(),
        shown.len(),
        "a repeat within a round: {shown:?}"
    );
    assert!(env.state().join("rotation.json").is_file());
    // A dry run previews what the next reminder will suggest.
    let out = env
        .cmd()
        .args([
            "remind",
            "--dry-run",
            "--json",
            "--every",
            "1s",
            "--count",
            "1",
        ])
        .output()
        .unwrap();
    let preview: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    run_ok(remind_cmd(&env, &[]).args(["remind", "--every", "1s", "--count", "1"]));
    let h = history_events(&env);
    let last = h.iter().rev().find(|e| e["event"] == "fallback").unwrap();
    assert_eq!(preview[0]["exercise"], last["exercise"]);
}

#[test]
fn a_signal_ends_it_even_when_the_x_server_hangs() {
    let Some(desk) = Desktop::start("a_signal_ends_it_even_when_the_x_server_hangs") else {
        return;
    };
    let xvfb = desk.xvfb.id() as i32;
    let env = Env::new();
    let mut child = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "1s"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    common::wait_until(Duration::from_secs(15), "the first reminder", || {
        events(&env).contains(&"shown".to_string())
    });
    // The X server stops: the idle query (Xlib, which cannot be interrupted)
    // waits for it at the next poll.
    // SAFETY: signalling our own child processes.
    unsafe { libc::kill(xvfb, libc::SIGSTOP) };
    std::thread::sleep(Duration::from_millis(1500));
    let sent = Instant::now();
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    let took = sent.elapsed();
    unsafe { libc::kill(xvfb, libc::SIGCONT) };
    assert!(took < Duration::from_secs(3), "took {took:?}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    // Either the loop wound up, or the grace ran out and it said why.
    assert!(
        status.code() == Some(0) || stderr.contains("did not answer"),
        "{status:?} {stderr}"
    );
}

/// A process's start time, field 22 of /proc/PID/stat.
fn start_time(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 1..];
    rest.split_whitespace().nth(19).unwrap().parse().unwrap()
}

fn alive(child: &mut Child) -> bool {
    child.try_wait().unwrap().is_none()
}

fn status_json(env: &Env) -> (Option<i32>, Value) {
    let out = env
        .cmd()
        .args(["remind", "status", "--json"])
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

#[test]
fn a_rewritten_lock_file_is_never_signalled_or_reported_as_running() {
    let env = Env::new();
    std::fs::create_dir_all(env.state()).unwrap();
    let lock = env.state().join("remind.lock");
    let mut sleeper = Command::new("sleep").arg("30").spawn().unwrap();
    let sleeper_id = sleeper.id();
    // Nobody holds the lock: whatever the file says, no reminder runs.
    for text in [
        "1\n".to_string(),
        format!("{sleeper_id}\n"),
        format!("{sleeper_id} {}\n", start_time(sleeper_id)),
    ] {
        std::fs::write(&lock, &text).unwrap();
        for args in [["remind", "status"], ["remind", "--status"]] {
            env.cmd()
                .args(args)
                .assert()
                .success()
                .stdout(predicate::str::contains("No reminder is running"));
        }
        let (code, v) = status_json(&env);
        assert_eq!(code, Some(0));
        assert_eq!(v["running"], false, "{text:?}: {v}");
        assert_eq!(v["pid"], Value::Null);
        for args in [["remind", "stop"], ["remind", "--stop"]] {
            env.cmd()
                .args(args)
                .assert()
                .code(1)
                .stderr(predicate::str::contains("no reminder is running"));
        }
        assert!(alive(&mut sleeper), "{text:?}: the sleep was signalled");
    }
    let _ = sleeper.kill();
    let _ = sleeper.wait();
}

#[test]
fn a_lock_held_by_another_program_is_an_unknown_holder() {
    if !common::require(
        &["flock"],
        "a_lock_held_by_another_program_is_an_unknown_holder",
    ) {
        return;
    }
    let env = Env::new();
    std::fs::create_dir_all(env.state()).unwrap();
    let lock = env.state().join("remind.lock");
    std::fs::write(&lock, "").unwrap();
    let mut holder = Command::new("flock")
        .arg(&lock)
        .args(["sleep", "30"])
        .spawn()
        .unwrap();
    let pid = holder.id();
    common::wait_until(Duration::from_secs(5), "flock to take the lock", || {
        std::fs::read_to_string("/proc/locks")
            .is_ok_and(|l| l.lines().any(|l| l.contains(&format!(" {pid} "))))
    });
    // Even a perfect forgery (the holder's own pid and start time) names a program that is not backfix.
    for text in ["1\n".to_string(), format!("{pid} {}\n", start_time(pid))] {
        std::fs::write(&lock, &text).unwrap();
        env.cmd()
            .args(["remind", "stop"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("held by an unknown process"))
            .stderr(predicate::str::contains("nothing was signalled"));
        env.cmd()
            .args(["remind", "status"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("held by an unknown process"));
        let (code, v) = status_json(&env);
        assert_eq!(code, Some(1));
        assert_eq!(v["running"], false, "{v}");
        assert_eq!(v["lock"], "unknown", "{v}");
        env.cmd()
            .args(["remind", "--every", "10m"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("held by an unknown process"));
        assert!(alive(&mut holder), "{text:?}: the holder was signalled");
    }
    let _ = holder.kill();
    let _ = holder.wait();
}

#[test]
fn a_running_reminder_whose_lock_file_was_rewritten_is_not_trusted() {
    let env = Env::new();
    let mut first = spawn_remind(&env, &["--every", "1h"]);
    wait_running(&env);
    let lock = env.state().join("remind.lock");
    let record = std::fs::read_to_string(&lock).unwrap();
    assert_eq!(
        record.trim(),
        format!("{} {}", first.id(), start_time(first.id())),
        "the lock file holds the pid and start time"
    );
    let mut sleeper = Command::new("sleep").arg("30").spawn().unwrap();
    for text in [
        "1\n".to_string(),
        format!("{} {}\n", sleeper.id(), start_time(sleeper.id())),
    ] {
        std::fs::write(&lock, &text).unwrap();
        env.cmd()
            .args(["remind", "stop"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("held by an unknown process"));
        let (code, v) = status_json(&env);
        assert_eq!((code, &v["running"]), (Some(1), &Value::Bool(false)), "{v}");
        assert!(alive(&mut sleeper), "{text:?}: the sleep was signalled");
        assert!(alive(&mut first), "{text:?}: the reminder was signalled");
    }
    // Put the truth back: now it stops.
    std::fs::write(&lock, &record).unwrap();
    env.cmd().args(["remind", "stop"]).assert().success();
    assert!(first.wait().unwrap().success());
    let _ = sleeper.kill();
    let _ = sleeper.wait();
}

#[test]
fn each_mode_takes_only_its_own_flags() {
    let env = Env::new();
    for (args, flag) in [
        (vec!["remind", "status", "--every", "5m"], "--every"),
        (vec!["remind", "--status", "--every", "5m"], "--every"),
        (vec!["remind", "--status", "--for", "desk"], "--for"),
        (vec!["remind", "stop", "--json"], "--json"),
        (vec!["remind", "--stop", "--json"], "--json"),
        (vec!["remind", "--stop", "--count", "3"], "--count"),
        (
            vec!["remind", "--uninstall", "--between", "09:00-17:00"],
            "--between",
        ),
        (vec!["remind", "uninstall", "--days", "mon"], "--days"),
        (vec!["remind", "--json"], "--json"),
        (vec!["remind", "--every", "5m", "--json"], "--json"),
        (vec!["remind", "--install", "--json"], "--json"),
        (vec!["remind", "install", "--json"], "--json"),
        (vec!["remind", "install", "--dry-run"], "--dry-run"),
        (
            vec!["remind", "install", "--until", "tomorrow 17:00"],
            "--until",
        ),
        (vec!["remind", "--every", "5m", "status"], "status"),
        (vec!["remind", "--status", "--stop"], "--stop"),
    ] {
        env.cmd()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag))
            .stdout(predicate::str::is_empty());
    }
    // Nothing was started, installed or locked by any of them.
    assert!(!env.state().join("remind.lock").exists());
    assert!(!env.home.path().join("config/systemd").exists());
    // The hidden aliases and the subcommands do the same.
    for args in [["remind", "status"], ["remind", "--status"]] {
        env.cmd()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("No reminder is running"));
    }
    let (code, v) = status_json(&env);
    assert_eq!((code, &v["running"]), (Some(0), &Value::Bool(false)));
    env.cmd()
        .args(["remind", "--status", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"running\": false"));
    for args in [["remind", "uninstall"], ["remind", "--uninstall"]] {
        env.cmd()
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("no unit to remove"));
    }
    let help = env.cmd().args(["remind", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for sub in ["status", "stop", "install", "uninstall"] {
        assert!(help.contains(&format!("  {sub} ")), "{sub} in:\n{help}");
    }
    assert!(!help.contains("--status"), "aliases stay hidden:\n{help}");
}

#[test]
fn until_a_time_already_past_and_capital_m_are_explained() {
    let env = Env::new();
    // 00:00 today has always passed (but for the first instant of the day).
    env.cmd()
        .args(["remind", "--dry-run", "--until", "00:00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--until 00:00 has already passed today",
        ))
        .stderr(predicate::str::contains("tomorrow 00:00"));
    env.cmd()
        .args(["remind", "--every", "10m", "--until", "00:00"])
        .assert()
        .code(2);
    assert!(
        !env.state().join("remind.lock").exists(),
        "refused before starting"
    );
    let out = env
        .cmd()
        .args([
            "remind",
            "--dry-run",
            "--json",
            "--every",
            "1h",
            "--until",
            "tomorrow 00:00",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let today = chrono::Local::now().date_naive().to_string();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|i| i["time"].as_str().unwrap().starts_with(&today)),
        "{v}"
    );
    for every in ["45M", "1h30M"] {
        env.cmd()
            .args(["remind", "--every", every])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--every"))
            .stderr(predicate::str::contains("months"))
            .stderr(predicate::str::contains("m is minutes"));
    }
}

#[test]
fn history_survives_a_torn_line_and_garbage_and_is_versioned() {
    let env = Env::new();
    std::fs::create_dir_all(env.data()).unwrap();
    let path = env.data().join("history.jsonl");
    std::fs::write(
        &path,
        "not json at all\n{\"time\":\"2026-11-24T09:00:00\",\"event\":\"sho",
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["remind", "--every", "1s", "--count", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "not json at all");
    assert!(
        lines[1].ends_with("\"event\":\"sho"),
        "the torn line stays alone: {text}"
    );
    let records: Vec<Value> = lines[2..]
        .iter()
        .map(|l| serde_json::from_str(l).expect("each new record is a whole line"))
        .collect();
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["started", "fallback", "fallback", "stopped"],
        "{text}"
    );
    assert!(records.iter().all(|r| r["v"] == 1), "{text}");
    use std::os::unix::fs::PermissionsExt;
    // The readers skip the two bad lines and say so once.
    let out = env
        .cmd()
        .args(["remind", "status", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("skipped 2 unreadable lines").count(),
        1,
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    if records[0]["time"].as_str().unwrap().starts_with(&today) {
        assert_eq!(v["today"]["fallback"], 2, "{v}");
    }
    // A history created by backfix is private.
    let fresh = Env::new();
    fresh
        .cmd()
        .args(["remind", "--every", "1s", "--count", "1"])
        .assert()
        .success();
    let mode = std::fs::metadata(fresh.data().join("history.jsonl"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap();
    let last = next.pred_opt().unwrap();
    last - chrono::TimeDelta::days(i64::from(last.weekday().num_days_from_sunday()))
}

/// The next date after `today` that is the last Sunday of `month`.
fn next_change(today: chrono::NaiveDate, month: u32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let this_year = last_sunday(today.year(), month);
    if this_year > today {
        this_year
    } else {
        last_sunday(today.year() + 1, month)
    }
}

#[test]
fn dry_run_follows_daylight_saving_in_europe_london() {
    if !Path::new("/usr/share/zoneinfo/Europe/London").exists() {
        assert!(
            std::env::var_os("BACKFIX_REQUIRE_ALL").is_none(),
            "no zoneinfo for Europe/London, and BACKFIX_REQUIRE_ALL is set"
        );
        eprintln!("SKIPPED dry_run_follows_daylight_saving: no /usr/share/zoneinfo/Europe/London");
        return;
    }
    let env = Env::new();
    // A Sunday-night window across 01:00-02:00, the hour the clocks skip in
    // March and repeat in October (from 01:00 GMT, and 02:00 BST).
    let today = chrono::Utc::now().date_naive() + chrono::TimeDelta::days(1);
    let spring = next_change(today, 3);
    let autumn = next_change(today, 10);
    let weeks = (spring.max(autumn) - today).num_weeks() + 2;
    let out = env
        .cmd()
        .env("TZ", "Europe/London")
        .args(["remind", "--dry-run", "--json", "--every", "30m"])
        .args(["--between", "00:40-03:00", "--days", "sun"])
        .args(["--count", &(weeks * 4).to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let on = |day: chrono::NaiveDate| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["time"].as_str())
            .filter_map(|t| t.strip_prefix(&format!("{day}T")))
            .map(String::from)
            .collect()
    };
    assert_eq!(
        on(spring),
        ["02:10:00", "02:40:00"],
        "{spring}: 01:10 does not exist and moves on by the hour the clocks skip"
    );
    assert_eq!(
        on(autumn),
        ["01:10:00", "01:40:00", "02:10:00", "02:40:00"],
        "{autumn}: the repeated hour is listed once"
    );
    let ordinary = spring + chrono::TimeDelta::days(7);
    assert_eq!(
        on(ordinary),
        ["01:10:00", "01:40:00", "02:10:00", "02:40:00"]
    );
}

/// Events of one kind from the history.
fn events_of(env: &Env, kind: &str) -> Vec<Value> {
    history_events(env)
        .into_iter()
        .filter(|e| e["event"] == kind)
        .collect()
}

/// A reminder every 2 s started on `desk`, checked to be held (nothing shown
/// well past the first reminder's time, and the status bar says due).
fn held_reminder(desk: &Desktop) -> (Env, Child) {
    let env = Env::new();
    let child = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "2s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(5));
    assert!(events_of(&env, "shown").is_empty(), "{:?}", events(&env));
    let bar = remind_cmd(&env, &desk.envs())
        .args(["remind", "status", "--format", "waybar"])
        .output()
        .unwrap();
    let bar: Value = serde_json::from_slice(&bar.stdout).unwrap();
    assert_eq!(bar["class"], "due", "{bar}");
    (env, child)
}

#[test]
fn do_not_disturb_in_dunst_holds_the_reminder_until_it_ends() {
    let Some(desk) = Desktop::start("do_not_disturb_in_dunst_holds_the_reminder") else {
        return;
    };
    assert!(desk.dunstctl(&["set-paused", "true"]).status.success());
    let (env, mut child) = held_reminder(&desk);
    // Do-not-disturb ends: the held reminder comes at once.
    let off = Instant::now();
    assert!(desk.dunstctl(&["set-paused", "false"]).status.success());
    common::wait_until(Duration::from_secs(5), "the held reminder", || {
        !events_of(&env, "shown").is_empty()
    });
    assert!(
        off.elapsed() < Duration::from_millis(1900),
        "{:?}",
        off.elapsed()
    );
    run_ok(remind_cmd(&env, &desk.envs()).args(["remind", "stop"]));
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_screen_lock_as_long_as_a_break_counts_as_one() {
    if !common::require(&["dbus-daemon"], "a_screen_lock_as_long_as_a_break") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let env = Env::new();
    let mut child = remind_cmd(&env, &bus_env(&bus))
        .args(["remind", "--every", "1h", "--idle", "1s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_running(&env);
    // A scripted screen saver on the test bus.
    let saver = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .unwrap()
        .name("org.freedesktop.ScreenSaver")
        .unwrap()
        .build()
        .unwrap();
    let active = |on: bool| {
        saver
            .emit_signal(
                None::<()>,
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                "ActiveChanged",
                &(on,),
            )
            .unwrap();
    };
    // Give the reminder a moment to subscribe.
    std::thread::sleep(Duration::from_millis(700));
    // Shorter than the break: nothing.
    active(true);
    std::thread::sleep(Duration::from_millis(200));
    active(false);
    std::thread::sleep(Duration::from_millis(500));
    assert!(events_of(&env, "break").is_empty(), "{:?}", events(&env));
    // Longer: a break, at the unlock, without waiting for an idle sample.
    active(true);
    std::thread::sleep(Duration::from_millis(1300));
    active(false);
    common::wait_until(Duration::from_secs(3), "the break", || {
        events_of(&env, "break")
            .iter()
            .any(|e| e["detail"] == "screen locked")
    });
    run_ok(remind_cmd(&env, &bus_env(&bus)).args(["remind", "stop"]));
    assert!(child.wait().unwrap().success());
}

/// A scripted logind: the Manager answers which session is ours.
struct Logind;

#[zbus::interface(name = "org.freedesktop.login1.Manager")]
impl Logind {
    fn get_session(&self, id: String) -> zbus::fdo::Result<zbus::zvariant::OwnedObjectPath> {
        if id != "7" {
            return Err(zbus::fdo::Error::Failed(format!("no session {id}")));
        }
        zbus::zvariant::OwnedObjectPath::try_from("/org/freedesktop/login1/session/_37")
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }
}

#[test]
fn logind_lock_and_unlock_of_our_session_are_events() {
    if !common::require(&["dbus-daemon"], "logind_lock_and_unlock") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The test bus stands in for the system bus; there is no session bus.
    let bus = Bus::start(dir.path());
    let logind = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .unwrap()
        .serve_at("/org/freedesktop/login1", Logind)
        .unwrap()
        .name("org.freedesktop.login1")
        .unwrap()
        .build()
        .unwrap();
    let env = Env::new();
    let vars = [
        ("DBUS_SYSTEM_BUS_ADDRESS".to_string(), bus.address.clone()),
        ("XDG_SESSION_ID".to_string(), "7".to_string()),
    ];
    let mut child = remind_cmd(&env, &vars)
        .args(["remind", "--every", "1h", "--idle", "1s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_running(&env);
    let signal = |path: &str, member: &str| {
        logind
            .emit_signal(
                None::<()>,
                path,
                "org.freedesktop.login1.Session",
                member,
                &(),
            )
            .unwrap();
    };
    std::thread::sleep(Duration::from_millis(700));
    // Another session's lock is not ours.
    signal("/org/freedesktop/login1/session/_38", "Lock");
    std::thread::sleep(Duration::from_millis(1300));
    signal("/org/freedesktop/login1/session/_38", "Unlock");
    std::thread::sleep(Duration::from_millis(500));
    assert!(events_of(&env, "break").is_empty(), "{:?}", events(&env));
    signal("/org/freedesktop/login1/session/_37", "Lock");
    std::thread::sleep(Duration::from_millis(1300));
    signal("/org/freedesktop/login1/session/_37", "Unlock");
    common::wait_until(Duration::from_secs(3), "the break", || {
        events_of(&env, "break")
            .iter()
            .any(|e| e["detail"] == "screen locked")
    });
    run_ok(remind_cmd(&env, &[]).args(["remind", "stop"]));
    assert!(child.wait().unwrap().success());
}

/// A scripted logind Manager whose `BlockInhibited` the test sets.
struct Inhibitors(std::sync::Arc<std::sync::Mutex<String>>);

#[zbus::interface(name = "org.freedesktop.login1.Manager")]
impl Inhibitors {
    #[zbus(property)]
    fn block_inhibited(&self) -> String {
        self.0.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// A scripted GNOME session manager: `IsInhibited(flags)`.
struct GnomeSession(std::sync::Arc<std::sync::atomic::AtomicBool>);

#[zbus::interface(name = "org.gnome.SessionManager")]
impl GnomeSession {
    fn is_inhibited(&self, flags: u32) -> bool {
        // 8: idle.
        flags & 8 != 0 && self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[test]
fn an_idle_inhibitor_is_not_an_absence_until_it_goes() {
    // Xvfb has no input, so its idle time grows from its start: with
    // --idle 1s every sample is an absence, unless an inhibitor is held.
    let Some(desk) = Desktop::start("an_idle_inhibitor_is_not_an_absence") else {
        return;
    };
    let idle_breaks = |env: &Env| {
        events_of(env, "break")
            .into_iter()
            .filter(|e| e["detail"] == "idle")
            .count()
    };
    for service in ["logind", "gnome"] {
        let held = std::sync::Arc::new(std::sync::Mutex::new("sleep:idle".to_string()));
        let gnome_held = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let builder =
            zbus::blocking::connection::Builder::address(desk.bus.address.as_str()).unwrap();
        let _service = match service {
            // The test bus stands in for the system bus too.
            "logind" => builder
                .serve_at("/org/freedesktop/login1", Inhibitors(held.clone()))
                .unwrap()
                .name("org.freedesktop.login1")
                .unwrap(),
            _ => builder
                .serve_at(
                    "/org/gnome/SessionManager",
                    GnomeSession(gnome_held.clone()),
                )
                .unwrap()
                .name("org.gnome.SessionManager")
                .unwrap(),
        }
        .build()
        .unwrap();
        let env = Env::new();
        let mut vars = desk.envs();
        vars.push((
            "DBUS_SYSTEM_BUS_ADDRESS".to_string(),
            desk.bus.address.clone(),
        ));
        let child = remind_cmd(&env, &vars)
            .args(["remind", "--every", "1h", "--idle", "1s"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_running(&env);
        // Held (a video call): several samples, no absence.
        std::thread::sleep(Duration::from_millis(3500));
        assert_eq!(idle_breaks(&env), 0, "{service}: {:?}", events(&env));
        // Released: the absence counts, a threshold after it was seen gone.
        *held.lock().unwrap() = "sleep".into();
        gnome_held.store(false, std::sync::atomic::Ordering::SeqCst);
        common::wait_until(Duration::from_secs(5), "the idle break", || {
            idle_breaks(&env) == 1
        });
        run_ok(remind_cmd(&env, &vars).args(["remind", "stop"]));
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("idle source: X11 screensaver extension"),
            "{stdout}"
        );
    }
}

/// A scripted Mutter IdleMonitor: no idle time ever, and the watches asked for.
struct IdleMonitor(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

#[zbus::interface(name = "org.gnome.Mutter.IdleMonitor")]
impl IdleMonitor {
    fn get_idletime(&self) -> u64 {
        0
    }
    fn add_idle_watch(&self, interval: u64) -> u32 {
        if let Ok(mut w) = self.0.lock() {
            w.push(format!("idle {interval}"));
        }
        1
    }
    fn add_user_active_watch(&self) -> u32 {
        if let Ok(mut w) = self.0.lock() {
            w.push("active".into());
        }
        2
    }
    fn remove_watch(&self, _id: u32) {}
}

#[test]
fn mutters_idle_watches_are_events() {
    if !common::require(&["dbus-daemon"], "mutters_idle_watches_are_events") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start(dir.path());
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let path = "/org/gnome/Mutter/IdleMonitor/Core";
    let mutter = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .unwrap()
        .serve_at(path, IdleMonitor(asked.clone()))
        .unwrap()
        .name("org.gnome.Mutter.IdleMonitor")
        .unwrap()
        .build()
        .unwrap();
    let env = Env::new();
    // A threshold of 10 minutes: sampling (idle time 0) would never see an absence.
    let child = remind_cmd(&env, &bus_env(&bus))
        .args(["remind", "--every", "1h", "--idle", "10m"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let before = wait_running(&env);
    common::wait_until(Duration::from_secs(5), "the idle watch", || {
        asked.lock().unwrap().contains(&"idle 600000".to_string())
    });
    let fired = |id: u32| {
        mutter
            .emit_signal(
                None::<()>,
                path,
                "org.gnome.Mutter.IdleMonitor",
                "WatchFired",
                &(id,),
            )
            .unwrap();
    };
    // Idle for the threshold: a break at once, and a watch for the return.
    fired(1);
    common::wait_until(Duration::from_secs(3), "the idle break", || {
        events_of(&env, "break")
            .iter()
            .any(|e| e["detail"] == "idle")
    });
    common::wait_until(Duration::from_secs(3), "the user-active watch", || {
        asked.lock().unwrap().contains(&"active".to_string())
    });
    // Back (a second later): the interval starts afresh.
    std::thread::sleep(Duration::from_millis(1100));
    fired(2);
    common::wait_until(Duration::from_secs(3), "the interval to restart", || {
        let now = wait_running(&env);
        now["next"].as_str() > before["next"].as_str()
    });
    assert_eq!(events_of(&env, "break").len(), 1, "{:?}", events(&env));
    run_ok(remind_cmd(&env, &bus_env(&bus)).args(["remind", "stop"]));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("idle source: GNOME Mutter IdleMonitor"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// On `display`, a window the window manager would call active and
/// fullscreen (the EWMH properties set by hand: Xvfb runs no window manager);
/// the connection and a way to leave fullscreen.
fn fullscreen_window(display: &str) -> (x11rb::rust_connection::RustConnection, u32, u32) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{
        AtomEnum, ConnectionExt, CreateWindowAux, PropMode, WindowClass,
    };
    use x11rb::wrapper::ConnectionExt as _;
    let (conn, screen) = x11rb::connect(Some(display)).expect("X connection");
    let root = conn.setup().roots[screen].root;
    let win = conn.generate_id().unwrap();
    conn.create_window(
        0,
        win,
        root,
        0,
        0,
        640,
        480,
        0,
        WindowClass::INPUT_OUTPUT,
        0,
        &CreateWindowAux::new(),
    )
    .unwrap();
    let atom = |name: &str| {
        conn.intern_atom(false, name.as_bytes())
            .unwrap()
            .reply()
            .unwrap()
            .atom
    };
    let (state, full, active) = (
        atom("_NET_WM_STATE"),
        atom("_NET_WM_STATE_FULLSCREEN"),
        atom("_NET_ACTIVE_WINDOW"),
    );
    conn.change_property32(PropMode::REPLACE, win, state, AtomEnum::ATOM, &[full])
        .unwrap();
    conn.change_property32(PropMode::REPLACE, root, active, AtomEnum::WINDOW, &[win])
        .unwrap();
    conn.get_input_focus().unwrap().reply().unwrap();
    (conn, win, state)
}

#[test]
fn a_fullscreen_window_holds_the_reminder_until_it_leaves_fullscreen() {
    let Some(desk) = Desktop::start("a_fullscreen_window_holds_the_reminder") else {
        return;
    };
    use x11rb::protocol::xproto::ConnectionExt as _;
    let (conn, win, state) = fullscreen_window(&desk.display);
    let (env, child) = held_reminder(&desk);
    // The film ends: the held reminder comes within an interval.
    conn.delete_property(win, state).unwrap();
    conn.get_input_focus().unwrap().reply().unwrap();
    common::wait_until(Duration::from_secs(5), "the held reminder", || {
        !events_of(&env, "shown").is_empty()
    });
    run_ok(remind_cmd(&env, &desk.envs()).args(["remind", "stop"]));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
}

#[test]
fn a_short_absence_is_seen_when_it_reaches_the_threshold() {
    // Input is faked by resetting the X server's idle time (as `xset s
    // reset` does); --idle 2s, so two-minute samples would miss the absence.
    let Some(desk) = Desktop::start("a_short_absence_is_seen") else {
        return;
    };
    use x11rb::protocol::xproto::{ConnectionExt as _, ScreenSaver};
    let (conn, _) = x11rb::connect(Some(&desk.display)).expect("X connection");
    let active = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let typing = {
        let active = active.clone();
        std::thread::spawn(move || {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(30) {
                if active.load(std::sync::atomic::Ordering::SeqCst) {
                    let _ = conn.force_screen_saver(ScreenSaver::RESET);
                    let _ = conn.get_input_focus().map(|c| c.reply());
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let env = Env::new();
    let child = remind_cmd(&env, &desk.envs())
        .args(["remind", "--every", "1h", "--idle", "2s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_running(&env);
    let idle_breaks = || {
        events_of(&env, "break")
            .into_iter()
            .filter(|e| e["detail"] == "idle")
            .count()
    };
    // At the desk: no absence.
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(idle_breaks(), 0, "{:?}", events(&env));
    // Away for 3 s: counted, without a two-minute sample.
    active.store(false, std::sync::atomic::Ordering::SeqCst);
    common::wait_until(Duration::from_secs(4), "the idle break", || {
        idle_breaks() == 1
    });
    active.store(true, std::sync::atomic::Ordering::SeqCst);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        idle_breaks(),
        1,
        "one absence, one break: {:?}",
        events(&env)
    );
    run_ok(remind_cmd(&env, &desk.envs()).args(["remind", "stop"]));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    drop(typing);
}

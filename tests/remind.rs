//! `backfix remind` end to end: a real notification server (dunst under Xvfb
//! on a private D-Bus session bus), a scripted server that presses buttons,
//! the lock, status, stop, signals, the systemd unit and dry runs.

mod common;

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
struct Bus {
    child: Child,
    address: String,
}

impl Bus {
    fn start(dir: &Path) -> Bus {
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
    assert_eq!(got.len(), 3, "{got:#?}");
    for n in &got {
        assert_eq!(field(n, "appname"), "backfix");
        assert!(field(n, "summary").starts_with("Time to move: "), "{n}");
        assert!(field(n, "body").contains("More: backfix show "), "{n}");
    }
    let titles: std::collections::HashSet<String> =
        got.iter().map(|n| field(n, "summary")).collect();
    assert_eq!(titles.len(), 3, "suggestions rotate without repeats");
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
                std::thread::spawn(move || {
                    // Give the client time to subscribe, as a person would.
                    std::thread::sleep(std::time::Duration::from_millis(400));
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
    .args(["remind", "--every", "2s", "--snooze", "1s", "--count", "4"])
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
    // Snoozed for 1s: the second reminder came sooner than a full interval would allow.
    let h = history_events(&env);
    let times: Vec<&str> = h
        .iter()
        .filter(|e| e["event"] == "shown")
        .map(|e| e["time"].as_str().unwrap())
        .collect();
    assert_eq!(times.len(), 4);
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
    env.cmd()
        .args(["remind", "--every", "10m"])
        .assert()
        .code(1)
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
        ));
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
            .map(|l| l.lines().any(|l| l.contains(&format!(" {pid} "))))
            .unwrap_or(false)
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

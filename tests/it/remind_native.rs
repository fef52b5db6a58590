//! The reminder on Windows (run under Wine in CI) and macOS. The desktop
//! tests in `remind.rs` drive a private D-Bus bus, dunst, Xvfb and Unix
//! signals, so they are Linux-only; here are the parts every platform has:
//! one reminder per user, `remind status`, and `remind stop` (on Windows
//! through the reminder's named stop event). Commands to the running
//! reminder (`control.rs`) run on every platform: a named pipe on Windows.

use crate::common::{self, Env};
use serde_json::Value;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

#[test]
fn the_desktop_tests_are_linux_only() {
    eprintln!(
        "SKIPPED remind::* (the reminder on a real notification server, idle time, signals): \
         they need D-Bus, dunst, Xvfb and Unix signals; on this platform remind_native::* and control::* run"
    );
}

fn spawn_remind(env: &Env, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("backfix"))
        .env_clear()
        .envs(env.vars())
        .arg("remind")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn status(env: &Env) -> Value {
    let out = env
        .cmd()
        .args(["remind", "status", "--json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

#[test]
fn one_reminder_per_user_and_stop_ends_it_cleanly() {
    let env = Env::new();
    let mut first = spawn_remind(&env, &["--every", "1h"]);
    common::wait_until(Duration::from_secs(30), "the reminder to run", || {
        let s = status(&env);
        s["running"] == true && s["next"].is_string()
    });
    let s = status(&env);
    assert_eq!(s["pid"], first.id(), "{s}");
    // A second one is refused, naming the first.
    let second = env
        .cmd()
        .args(["remind", "--every", "1h"])
        .output()
        .unwrap();
    assert_ne!(second.status.code(), Some(0));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("already running"), "{err}");
    // `remind stop` proves the holder is backfix, then asks it to stop.
    let stop = env.cmd().args(["remind", "stop"]).output().unwrap();
    assert_eq!(
        stop.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&stop.stderr)
    );
    assert!(String::from_utf8_lossy(&stop.stdout).contains("Stopped"));
    // It ended by itself, with status 0, and wrote its last history line.
    assert_eq!(first.wait().unwrap().code(), Some(0));
    assert_eq!(status(&env)["running"], false);
    let history = std::fs::read_to_string(env.data().join("history.jsonl")).unwrap();
    assert!(history.contains("\"stopped\""), "{history}");
}

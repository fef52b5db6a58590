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

/// A toast with Done/Snooze/Skip that Windows refuses sends the reminder to
/// the terminal, which says why and shows it there. Wine has no toast
/// service (it refuses every toast with REGDB_E_CLASSNOTREG, 0x80040154), so
/// this runs under Wine only; on a real Windows the toast would be shown.
#[cfg(windows)]
#[test]
fn a_refused_toast_sends_the_reminder_to_the_terminal() {
    if !std::path::Path::new(r"C:\windows\system32\winecfg.exe").exists() {
        eprintln!(
            "SKIPPED remind_native::a_refused_toast_sends_the_reminder_to_the_terminal: not under Wine (toasts are shown on Windows)"
        );
        return;
    }
    let env = Env::new();
    let out = env
        .cmd()
        .args(["remind", "--every", "1s", "--count", "1"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("the notification server refused the reminder")
            && stdout.contains("showing reminders here"),
        "{stdout}"
    );
    assert!(stdout.to_ascii_lowercase().contains("80040154"), "{stdout}");
    // The reminder itself, on the terminal (after its bell): `[HH:MM] title`.
    assert!(
        stdout
            .lines()
            .any(|l| l.trim_start_matches('\u{7}').starts_with('[') && l.contains("] ")),
        "{stdout}"
    );
    let history = std::fs::read_to_string(env.data().join("history.jsonl")).unwrap();
    assert!(history.contains("\"fallback\""), "{history}");
}

//! Steering a running reminder from the shell: `backfix remind pause`,
//! `resume`, `now`, `snooze`, `skip`, `done` over its unix socket (no D-Bus
//! needed; a named pipe on Windows, run under Wine in CI), and the
//! status-bar formats.

use crate::common;

use common::Env;
use serde_json::Value;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A reminder with no session bus (reminders go to the terminal), and
/// `$XDG_RUNTIME_DIR` set to `runtime` when given.
fn cmd(env: &Env, runtime: Option<&Path>) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("backfix"));
    c.env_clear().envs(env.vars());
    if let Some(r) = runtime {
        c.env("XDG_RUNTIME_DIR", r);
    }
    c
}

/// A reminder started by a test, ended if the test fails before stopping it
/// (a leftover would hold the test runner's output open).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn spawn(env: &Env, runtime: Option<&Path>, args: &[&str]) -> Running {
    Running(
        cmd(env, runtime)
            .arg("remind")
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Run `backfix remind ARGS`: exit code, stdout, stderr.
fn remind(env: &Env, runtime: Option<&Path>, args: &[&str]) -> (i32, String, String) {
    let out = cmd(env, runtime).arg("remind").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn status(env: &Env, runtime: Option<&Path>) -> Value {
    let (code, out, err) = remind(env, runtime, &["status", "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn waybar(env: &Env, runtime: Option<&Path>) -> Value {
    let (code, out, err) = remind(env, runtime, &["status", "--format", "waybar"]);
    assert_eq!(code, 0, "{err}");
    // One line of JSON, as Waybar reads it.
    assert_eq!(out.lines().count(), 1, "{out}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    for key in ["text", "tooltip", "class"] {
        assert!(v[key].is_string(), "{key} in {v}");
    }
    v
}

fn history(env: &Env) -> Vec<Value> {
    std::fs::read_to_string(env.data().join("history.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn wait_running(env: &Env, runtime: Option<&Path>) {
    // While it starts, the lock may be held before its file names the pid
    // (status then exits 1): only the answer that it runs counts.
    common::wait_until(Duration::from_secs(10), "the reminder", || {
        let (_, out, _) = remind(env, runtime, &["status", "--json"]);
        serde_json::from_str::<Value>(&out).is_ok_and(|v| v["next"].is_string())
    });
}

#[test]
fn each_command_reaches_the_running_reminder_over_its_socket() {
    let env = Env::new();
    let runtime = tempfile::tempdir().unwrap();
    let rt = Some(runtime.path());

    // No reminder: every command says so and exits 1; the bar says "off".
    for args in [
        &["pause", "30m"][..],
        &["resume"],
        &["now"],
        &["snooze"],
        &["skip"],
        &["done"],
    ] {
        let (code, _, err) = remind(&env, rt, args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("no reminder is running"), "{args:?}: {err}");
    }
    assert_eq!(waybar(&env, rt)["class"], "off");

    let mut child = spawn(&env, rt, &["--every", "1h"]);
    wait_running(&env, rt);
    #[cfg(unix)]
    let sock = runtime.path().join("backfix-remind.sock");
    #[cfg(unix)]
    {
        let mode = std::fs::metadata(&sock).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the user may connect");
        assert_eq!(
            status(&env, rt)["channel"],
            sock.display().to_string(),
            "status names where commands go"
        );
    }

    let bar = waybar(&env, rt);
    assert_eq!(bar["class"], "active");
    assert!(
        bar["text"].as_str().unwrap().starts_with("move in "),
        "{bar}"
    );
    let (_, plain, _) = remind(&env, rt, &["status", "--format", "plain"]);
    assert!(plain.starts_with("backfix: move in "), "{plain}");
    assert_eq!(plain.lines().count(), 1);

    let (code, out, err) = remind(&env, rt, &["pause", "until", "23:59"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("paused until 23:59"), "{out}");
    let st = status(&env, rt);
    assert_eq!(st["state"], "paused");
    assert_eq!(st["status"]["paused"], true);
    let bar = waybar(&env, rt);
    assert_eq!(bar["class"], "paused");
    assert_eq!(bar["text"], "paused until 23:59");

    let (code, out, _) = remind(&env, rt, &["resume"]);
    assert_eq!(code, 0);
    assert!(out.contains("resumed; next reminder at"), "{out}");
    assert_eq!(status(&env, rt)["state"], "active");

    // Nothing on screen to skip: the reminder says so, exit 1.
    let (code, _, err) = remind(&env, rt, &["skip"]);
    assert_eq!(code, 1);
    assert!(err.contains("no reminder is on screen"), "{err}");

    let (code, out, _) = remind(&env, rt, &["now"]);
    assert_eq!(code, 0, "{out}");
    common::wait_until(Duration::from_secs(5), "the reminder now", || {
        history(&env).iter().any(|e| e["event"] == "fallback")
    });
    let (code, out, _) = remind(&env, rt, &["snooze", "20m"]);
    assert_eq!(code, 0);
    assert!(out.contains("snoozed; next reminder at"), "{out}");
    let (code, out, _) = remind(&env, rt, &["done"]);
    assert_eq!(code, 0);
    assert!(out.contains("next reminder at"), "{out}");
    let (code, out, _) = remind(&env, rt, &["pause", "--meeting"]);
    assert_eq!(code, 0);
    assert!(out.contains("in a meeting until"), "{out}");
    assert_eq!(status(&env, rt)["status"]["meeting"], true);
    // The meeting's end offers a stretch at once.
    remind(&env, rt, &["resume"]);
    common::wait_until(Duration::from_secs(5), "the stretch", || {
        history(&env)
            .iter()
            .filter(|e| e["event"] == "fallback")
            .count()
            == 2
    });

    let (code, _, err) = remind(&env, rt, &["pause", "for", "a", "while"]);
    assert_eq!(code, 2, "a pause it cannot read is a usage error: {err}");

    let events: Vec<String> = history(&env)
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        events,
        [
            "started", "paused", "resumed", "fallback", "done", "paused", "resumed", "fallback"
        ],
        "the terminal reminder cannot be snoozed, only the next one put off"
    );

    remind(&env, rt, &["stop"]);
    assert!(child.0.wait().unwrap().success());
    #[cfg(unix)]
    assert!(!sock.exists(), "the socket goes with the reminder");
    let (code, _, err) = remind(&env, rt, &["now"]);
    assert_eq!(code, 1);
    assert!(err.contains("no reminder is running"), "{err}");
}

#[cfg(unix)]
#[test]
fn without_a_runtime_dir_the_socket_is_in_the_state_dir() {
    let env = Env::new();
    let mut child = spawn(&env, None, &["--every", "1h"]);
    wait_running(&env, None);
    assert!(env.state().join("backfix-remind.sock").exists());
    let (code, out, err) = remind(&env, None, &["pause", "30m"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("paused until"), "{out}");
    remind(&env, None, &["stop"]);
    assert!(child.0.wait().unwrap().success());
}

#[cfg(unix)]
#[test]
fn another_user_is_refused() {
    // Root can test a connection from another uid; others skip.
    #[allow(unsafe_code)]
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let env = Env::new();
    let runtime = tempfile::tempdir().unwrap();
    let rt = Some(runtime.path());
    let mut child = spawn(&env, rt, &["--every", "1h"]);
    wait_running(&env, rt);
    let sock = runtime.path().join("backfix-remind.sock");
    // Even with the file opened up, a peer of another uid gets no answer.
    std::fs::set_permissions(&sock, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(runtime.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut c = cmd(&env, rt);
    std::os::unix::process::CommandExt::uid(&mut c, 65534);
    let out = c.args(["remind", "pause", "30m"]).output().unwrap();
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(status(&env, rt)["state"], "active", "nothing was paused");
    remind(&env, rt, &["stop"]);
    assert!(child.0.wait().unwrap().success());
}

#[test]
fn the_config_file_sets_defaults_under_the_flags() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    let file = env.config().join("config.toml");
    std::fs::write(
        &file,
        "region = \"GB\"\n[remind]\nevery = \"30m\"\nrenudge = \"off\"\n",
    )
    .unwrap();
    let out = env.cmd().args(["config", "--json"]).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["found"], true);
    assert_eq!(v["settings"]["every"]["value"], "30m");
    assert_eq!(v["settings"]["every"]["from"], "config file");
    assert_eq!(v["settings"]["snooze"]["from"], "default");
    assert_eq!(v["settings"]["renudge"]["value"], "off");
    assert_eq!(v["settings"]["region"]["value"], "GB");
    let text = env.cmd().arg("config").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("(read)"), "{text}");

    // The file's interval, unless a flag says otherwise.
    let gap = |args: &[&str]| {
        let out = env
            .cmd()
            .args(["remind", "--dry-run", "--json", "-n", "2"])
            .args(args)
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let t = |i: usize| {
            chrono::NaiveDateTime::parse_from_str(
                v[i]["time"].as_str().unwrap(),
                "%Y-%m-%dT%H:%M:%S",
            )
            .unwrap()
        };
        (t(1) - t(0)).num_minutes()
    };
    assert_eq!(gap(&[]), 30);
    assert_eq!(gap(&["--every", "1h"]), 60);

    // A malformed file: named with line and column, the defaults used.
    std::fs::write(&file, "[remind]\nevery = 30m\n").unwrap();
    let out = env.cmd().args(["config", "--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:2:9:", file.display())), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["settings"]["every"]["value"], "45m");
    assert_eq!(v["settings"]["every"]["from"], "default");
    let out = env
        .cmd()
        .args(["remind", "--dry-run", "-n", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("every 45m"));
}

/// Windows: anyone may create a pipe of any name. One made before the
/// reminder starts is detected (the reminder cannot create the first
/// instance and says so), and a command is not sent to it: its server is not
/// the reminder the lock names.
#[cfg(windows)]
#[test]
fn a_squatted_pipe_is_detected_and_gets_nothing() {
    use std::io::Read;
    use windows_sys::Win32::Foundation::{CloseHandle, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::Storage::FileSystem::{
        FILE_FLAG_FIRST_PIPE_INSTANCE, PIPE_ACCESS_DUPLEX,
    };
    use windows_sys::Win32::System::Pipes::CreateNamedPipeW;

    let env = Env::new();
    let channel = status(&env, None)["channel"]
        .as_str()
        .expect("the pipe's name")
        .to_string();
    assert!(
        channel.starts_with(r"\\.\pipe\backfix-remind-S-1-"),
        "{channel}"
    );
    let name: Vec<u16> = channel.encode_utf16().chain([0]).collect();
    // The squatter: this test process, with default security.
    let squat = unsafe {
        CreateNamedPipeW(
            name.as_ptr(),
            PIPE_ACCESS_DUPLEX,
            0,
            4,
            512,
            512,
            0,
            std::ptr::null(),
        )
    };
    assert_ne!(squat, INVALID_HANDLE_VALUE);
    // Windows refuses a "first instance" of a name that exists; Wine 8 does
    // not (it makes a second instance), so there only the client's check holds.
    let first = unsafe {
        CreateNamedPipeW(
            name.as_ptr(),
            PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE,
            0,
            4,
            512,
            512,
            0,
            std::ptr::null(),
        )
    };
    let enforced = first == INVALID_HANDLE_VALUE;
    if !enforced {
        unsafe { CloseHandle(first) };
        eprintln!(
            "NOTE a_squatted_pipe_is_detected_and_gets_nothing: this system (Wine) does not enforce \
             FILE_FLAG_FIRST_PIPE_INSTANCE; only the client's check of the pipe's server is tested"
        );
    }

    let mut child = Running(
        cmd(&env, None)
            .args(["remind", "--every", "1h"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    wait_running(&env, None);
    let (code, _, err) = remind(&env, None, &["pause", "30m"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not by the reminder"), "{err}");
    assert_eq!(status(&env, None)["state"], "active", "nothing was paused");

    remind(&env, None, &["stop"]);
    assert!(child.0.wait().unwrap().success());
    let mut stderr = String::new();
    child
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    if enforced {
        assert!(
            stderr.contains("cannot listen for commands") && stderr.contains("already exists"),
            "the reminder says it cannot listen: {stderr}"
        );
    }
    unsafe { CloseHandle(squat) };
}

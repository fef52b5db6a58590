//! The recovery record: `log`, `done`, `progress`, `export`, `report` and
//! `forget`, run as the real binary in a clean HOME.

use crate::common;

use common::{Env, golden};
use std::fs;
use std::path::{Path, PathBuf};

/// "Now" for every test: Wednesday 4 March 2026, noon.
const NOW: &str = "2026-03-04T12:00:00";

fn cmd(env: &Env) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("BACKFIX_NOW", NOW);
    c
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn journals(env: &Env) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(env.data())
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let n = p.file_name().unwrap().to_string_lossy().into_owned();
        n.starts_with("journal-") && n.ends_with(".jsonl")
    });
    v.sort();
    v
}

fn lines(path: &Path) -> Vec<serde_json::Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A fixed record over 14 weeks, written as two machines' journals and a
/// reminder history: check-ins every Monday (pain falling from 7 to 3,
/// activities rising), sessions on Mondays, Wednesdays and Fridays from
/// machine B (some weeks fewer), and a working day of reminders each weekday.
fn fixture(env: &Env) {
    let data = env.data();
    fs::create_dir_all(&data).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    let (mut a, mut b, mut h) = (String::new(), String::new(), String::new());
    for week in 0..14i64 {
        let monday = start + chrono::Duration::weeks(week);
        let pain = 7 - (week * 4 / 13);
        let interference = 6 - (week * 4 / 13);
        let garden = 2 + (week * 4 / 13);
        let sitting = 3 + (week * 2 / 13);
        let flare = if week == 5 {
            ",\"flare\":true,\"note\":\"moved boxes\""
        } else {
            ""
        };
        a.push_str(&format!(
            "{{\"v\":1,\"time\":\"{monday}T08:30:00\",\"kind\":\"checkin\",\"pain\":{pain},\"interference\":{interference},\"activities\":[{{\"name\":\"gardening\",\"score\":{garden}}},{{\"name\":\"sitting at work\",\"score\":{sitting}}}]{flare}}}\n"
        ));
        let days: &[i64] = match week % 4 {
            1 => &[0, 3],
            3 => &[2],
            _ => &[0, 2, 4],
        };
        for d in days {
            let day = monday + chrono::Duration::days(*d);
            b.push_str(&format!(
                "{{\"v\":1,\"time\":\"{day}T18:00:00\",\"kind\":\"session\",\"routine\":\"sciatica\",\"minutes\":15,\"feel\":\"about-right\",\"via\":\"done\"}}\n"
            ));
        }
        if week >= 6 {
            for d in 0..5 {
                let day = monday + chrono::Duration::days(d);
                // Wednesdays, one long stretch: 09:50 to 12:30.
                let times: &[(&str, &str)] = if d == 2 {
                    &[
                        ("09:00", "started"),
                        ("09:50", "done"),
                        ("10:35", "snoozed"),
                        ("11:35", "skipped"),
                        ("12:30", "done"),
                        ("13:20", "done"),
                        ("14:00", "stopped"),
                    ]
                } else {
                    &[
                        ("09:00", "started"),
                        ("09:50", "done"),
                        ("10:35", "snoozed"),
                        ("10:45", "done"),
                        ("11:35", "skipped"),
                        ("12:30", "done"),
                        ("13:20", "done"),
                        ("14:00", "stopped"),
                    ]
                };
                for &(t, e) in times {
                    h.push_str(&format!(
                        "{{\"v\":1,\"time\":\"{day}T{t}:00\",\"event\":\"{e}\",\"exercise\":\"clamshell\"}}\n"
                    ));
                }
            }
        }
    }
    fs::write(data.join("journal-aaaaaaaaaaaaaaaa.jsonl"), a).unwrap();
    fs::write(data.join("journal-bbbbbbbbbbbbbbbb.jsonl"), b).unwrap();
    fs::write(data.join("history.jsonl"), h).unwrap();
}

#[test]
fn empty_record_gives_a_first_run_message() {
    let env = Env::new();
    let o = cmd(&env).arg("progress").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("Nothing recorded yet"), "{s}");
    assert!(s.contains("backfix log"), "{s}");
    assert!(!s.contains("Sessions and breaks"), "no empty chart: {s}");
    // --json still gives the structure, and creates no files.
    let o = cmd(&env).args(["progress", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["checkins"], 0);
    assert!(!env.data().exists(), "reading must not create the data dir");
}

#[test]
fn log_with_flags_writes_a_private_per_machine_journal() {
    let env = Env::new();
    let o = cmd(&env)
        .args([
            "log",
            "--pain",
            "4",
            "--interference",
            "3",
            "--activity",
            "gardening=4",
        ])
        .args(["--note", "ok day", "--flare"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Saved: pain 4, got in the way 3, gardening 4, flare."));
    // A flare points to the warning signs.
    assert!(stdout(&o).contains("backfix redflags"));
    let files = journals(&env);
    assert_eq!(files.len(), 1);
    let id = fs::read_to_string(env.state().join("machine-id")).unwrap();
    let id = id.trim();
    assert_eq!(id.len(), 16);
    assert!(files[0].ends_with(format!("journal-{id}.jsonl")));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let recs = lines(&files[0]);
    assert_eq!(
        recs[0],
        serde_json::json!({"v":1,"time":NOW,"kind":"checkin","pain":4,"interference":3,
            "activities":[{"name":"gardening","score":4}],"note":"ok day","flare":true})
    );
    // The same machine id the next time: one file.
    cmd(&env).args(["log", "--pain", "3"]).assert().success();
    assert_eq!(journals(&env).len(), 1);
    assert_eq!(lines(&files[0]).len(), 2);
}

#[test]
fn log_rejects_bad_ratings() {
    let env = Env::new();
    for args in [
        &["log", "--pain", "11"][..],
        &["log", "--pain", "-1"],
        &["log", "--activity", "gardening"],
        &[
            "log",
            "--activity",
            "a=1",
            "--activity",
            "b=1",
            "--activity",
            "c=1",
            "--activity",
            "d=1",
            "--activity",
            "e=1",
            "--activity",
            "f=1",
        ],
    ] {
        let o = cmd(&env).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("backfix: error: "), "{}", stderr(&o));
    }
    // Nothing answered: nothing recorded, exit 2.
    let o = cmd(&env).arg("log").write_stdin("").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(journals(&env).is_empty());
}

#[test]
fn log_asks_and_keeps_activities_between_check_ins() {
    let env = Env::new();
    // Pain, interference (due: none this week), two new activities, flare?, note.
    let o = cmd(&env)
        .arg("log")
        .write_stdin("5\n4\ngardening\n3\nsitting at work\n4\n\nn\nfirst\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    // Next time: no weekly question (answered today), the same activities asked by name.
    let o = cmd(&env)
        .arg("log")
        .write_stdin("4\n5\n6\n\n\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let s = stdout(&o);
    assert!(
        !s.contains("get in the way"),
        "weekly question asked twice: {s}"
    );
    assert!(s.contains("gardening (0 cannot"), "{s}");
    let recs = lines(&journals(&env)[0]);
    assert_eq!(recs[0]["interference"], 4);
    assert_eq!(recs[0]["note"], "first");
    assert_eq!(recs[1]["pain"], 4);
    assert!(recs[1].get("interference").is_none());
    assert_eq!(
        recs[1]["activities"],
        serde_json::json!([{"name":"gardening","score":5},{"name":"sitting at work","score":6}])
    );
    // Three unusable answers in a row from a pipe end it (exit 2).
    let o = cmd(&env)
        .arg("log")
        .write_stdin("x\nten\n99\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

#[test]
fn done_records_exercises_and_routines() {
    let env = Env::new();
    let o = cmd(&env).args(["done", "clam"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    cmd(&env)
        .args([
            "done",
            "sciatica",
            "--minutes",
            "12",
            "--feel",
            "too-hard",
            "--pain-during",
            "7",
        ])
        .assert()
        .success();
    cmd(&env)
        .args(["done", "glute", "bridge", "--yesterday"])
        .assert()
        .success();
    let recs = lines(&journals(&env)[0]);
    assert_eq!(recs[0]["exercise"], "clamshell");
    assert!(recs[0]["minutes"].as_u64().unwrap() >= 1);
    assert_eq!(recs[1]["routine"], "sciatica");
    assert_eq!(recs[1]["minutes"], 12);
    assert_eq!(recs[1]["feel"], "too-hard");
    assert_eq!(recs[1]["pain_during"], 7);
    assert_eq!(recs[2]["exercise"], "glute-bridge");
    assert_eq!(recs[2]["time"], "2026-03-03T12:00:00");
    let o = cmd(&env).args(["done", "zzzz"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(lines(&journals(&env)[0]).len(), 3);
}

fn check_screen(s: &str) {
    assert!(!s.contains('\x1b'), "no colour when piped: {s}");
    for l in s.lines() {
        assert!(l.chars().count() <= 80, "wider than 80 columns: {l:?}");
    }
}

#[test]
fn progress_golden_utf8_and_ascii() {
    let env = Env::new();
    fixture(&env);
    let o = cmd(&env).arg("progress").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let s = stdout(&o);
    check_screen(&s);
    golden("record-progress-utf8.txt", &s);
    // Both machines' files are merged: check-ins from A, sessions from B.
    // (Thursday's session this week is in the future: not counted yet.)
    assert!(s.contains("14 check-ins, 31 sessions"), "{s}");
    // Pain 7 -> 3: meaningful.
    assert!(
        s.contains("7.0 → 3.0, down 4.0: a meaningful improvement"),
        "{s}"
    );
    let o = cmd(&env).arg("progress").env("LANG", "C").output().unwrap();
    let s = stdout(&o);
    check_screen(&s);
    assert!(s.is_ascii(), "{s}");
    golden("record-progress-ascii.txt", &s);
    // LC_ALL wins over LANG.
    let o = cmd(&env)
        .arg("progress")
        .env("LC_ALL", "POSIX")
        .output()
        .unwrap();
    assert!(stdout(&o).is_ascii());
    // Colour only when asked for, never with NO_COLOR.
    let o = cmd(&env)
        .args(["progress", "--color", "always"])
        .output()
        .unwrap();
    assert!(stdout(&o).contains('\x1b'));
    let o = cmd(&env)
        .args(["progress"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn progress_json_weeks_and_since() {
    let env = Env::new();
    fixture(&env);
    let json = |args: &[&str]| -> serde_json::Value {
        let o = cmd(&env)
            .arg("progress")
            .arg("--json")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let v = json(&[]);
    assert_eq!(v["weeks"].as_array().unwrap().len(), 12);
    assert_eq!(v["pain"]["verdict"], "better");
    assert_eq!(v["activity_average"]["verdict"], "better");
    assert_eq!(v["this_week"]["sessions"], 1);
    assert_eq!(v["last_week"]["sessions"], 3);
    // Wednesday's long morning: 09:50 to 12:30.
    assert_eq!(v["last_week"]["longest_sitting_minutes"], 160);
    assert_eq!(v["last_week"]["breaks_taken"], 19);
    assert_eq!(v["last_week"]["snoozed"], 5);
    assert_eq!(v["last_week"]["skipped"], 5);
    // This week so far (Monday to Wednesday noon).
    assert_eq!(v["this_week"]["breaks_taken"], 9);
    assert_eq!(v["this_week"]["longest_sitting_minutes"], 105);
    assert_eq!(v["heatmap"].as_array().unwrap().len(), 84);
    // Sessions a week: 3, 2, 3, 1 over and over; last week 3, the week before 1.
    assert_eq!(v["streak"]["weeks"], 1);
    assert_eq!(json(&["--target", "1"])["streak"]["weeks"], 14);
    assert_eq!(
        json(&["--weeks", "4"])["weeks"].as_array().unwrap().len(),
        4
    );
    // From 16 Feb: pain 4 -> 3 in two weeks: not a meaningful change.
    let v = json(&["--since", "2026-02-16"]);
    assert_eq!(v["weeks"].as_array().unwrap().len(), 3);
    assert_eq!(v["pain"]["first"], 4.0);
    assert_eq!(v["pain"]["verdict"], "no-clear-change");
    let o = cmd(&env)
        .args(["progress", "--since", "March"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = cmd(&env)
        .args(["progress", "--since", "2026-03-05"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    // A year and more: at most 52 weeks charted, and still 80 columns.
    assert_eq!(
        json(&["--since", "2024-01-01"])["weeks"]
            .as_array()
            .unwrap()
            .len(),
        52
    );
    for args in [
        &["--weeks", "52"][..],
        &["--since", "2024-01-01"],
        &["--weeks", "40"],
    ] {
        for lang in ["C.UTF-8", "C"] {
            let o = cmd(&env)
                .arg("progress")
                .args(args)
                .env("LANG", lang)
                .output()
                .unwrap();
            check_screen(&stdout(&o));
        }
    }
}

#[test]
fn damaged_lines_are_skipped_and_reported_once() {
    let env = Env::new();
    fixture(&env);
    let a = env.data().join("journal-aaaaaaaaaaaaaaaa.jsonl");
    let mut text = fs::read_to_string(&a).unwrap();
    text.push_str(
        "garbage\n{\"v\":1,\"time\":\"2026-03-02T08:00:00\",\"kind\":\"checkin\",\"pain\":42}\n",
    );
    text.push_str("{\"v\":9,\"time\":\"2026-03-02T08:00:00\",\"kind\":\"mood\"}\n{\"v\":1,\"time\":\"2026-03-0");
    fs::write(&a, text).unwrap();
    let o = cmd(&env).arg("progress").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("skipped 3 unreadable lines and 1 line from a newer backfix"),
        "{err}"
    );
    assert!(stdout(&o).contains("14 check-ins"));
    // Appending after the torn line starts a new line: the new record is whole.
    cmd(&env).args(["log", "--pain", "2"]).assert().success();
    // (This machine's own file is new; append to the torn one directly.)
    let o = cmd(&env).args(["export", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["journal"].as_array().unwrap().len(), 14 + 32 + 1);
}

#[test]
fn a_torn_last_line_does_not_swallow_the_next_record() {
    let env = Env::new();
    cmd(&env).args(["log", "--pain", "5"]).assert().success();
    let f = journals(&env)[0].clone();
    let mut text = fs::read_to_string(&f).unwrap();
    text.push_str("{\"v\":1,\"time\":\"2026-03-0");
    fs::write(&f, text).unwrap();
    cmd(&env).args(["log", "--pain", "3"]).assert().success();
    let o = cmd(&env).args(["progress", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["checkins"], 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("1 unreadable line"));
}

#[test]
fn concurrent_writers_never_tear_a_record() {
    if !common::require(&["sh"], "concurrent_writers_never_tear_a_record") {
        return;
    }
    let env = Env::new();
    // Make the machine id first, so every writer shares one file.
    cmd(&env).args(["log", "--pain", "0"]).assert().success();
    let long_note = "x".repeat(3000);
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let mut children = Vec::new();
    for i in 0..8 {
        let mut c = std::process::Command::new("sh");
        let script = format!(
            "for n in 1 2 3 4 5 6 7 8 9 10 11 12; do \"$0\" log --pain {} --note \"$1\" || exit 1; done",
            i % 10
        );
        c.arg("-c").arg(script).arg(&bin).arg(&long_note);
        c.env_clear();
        for (k, v) in env.vars() {
            c.env(k, v);
        }
        c.env("BACKFIX_NOW", NOW);
        c.stdout(std::process::Stdio::null());
        children.push(c.spawn().unwrap());
    }
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let f = &journals(&env)[0];
    let text = fs::read_to_string(f).unwrap();
    assert_eq!(text.lines().count(), 1 + 8 * 12);
    for l in text.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("a whole record");
        assert_eq!(v["kind"], "checkin");
    }
}

#[test]
fn export_json_and_csv() {
    let env = Env::new();
    fixture(&env);
    cmd(&env)
        .args([
            "log",
            "--pain",
            "3",
            "--note",
            "=HYPERLINK(\"x\"), \x1b[31mred",
        ])
        .assert()
        .success();
    let o = cmd(&env).args(["export", "--json"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["format"], "backfix-record");
    assert_eq!(v["version"], 1);
    let j = v["journal"].as_array().unwrap();
    assert_eq!(j.len(), 14 + 32 + 1);
    // In time order, across machines.
    let times: Vec<&str> = j.iter().map(|r| r["time"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(v["reminders"].as_array().unwrap().len(), 8 * 39);
    assert!(!stdout(&o).contains('\x1b'));

    let o = cmd(&env).args(["export", "--csv"]).output().unwrap();
    let s = stdout(&o);
    let mut rows = s.lines();
    assert_eq!(
        rows.next().unwrap(),
        "time,kind,pain,interference,activities,flare,note,what,minutes,feel,pain_during,event,settled"
    );
    assert_eq!(s.lines().count(), 1 + 47 + 8 * 39);
    assert!(
        s.contains("2025-12-01T08:30:00,checkin,7,6,gardening=2; sitting at work=3,,,,,,,,\n"),
        "{s}"
    );
    assert!(s.contains("2025-12-01T18:00:00,session,,,,,,sciatica,15,about-right,,,\n"));
    assert!(s.contains("2026-01-12T09:50:00,reminder,,,,,,clamshell,,,,done,\n"));
    // A formula is defused and quoted; no escape reaches the terminal.
    assert!(s.contains(",\"'=HYPERLINK(\"\"x\"\"), [31mred\","), "{s}");
    assert!(!s.contains('\x1b'));
    let o = cmd(&env).arg("export").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// Answers to `check`: 16 or older, not pregnant, then the warning signs.
fn check_run(env: &Env, answers: &str) -> std::process::Output {
    cmd(env)
        .arg("check")
        .env("BACKFIX_REGION", "GB")
        .write_stdin(answers)
        .output()
        .unwrap()
}

/// The warning-sign questions' sign texts, emergency tier first.
fn signs(env: &Env) -> (Vec<String>, Vec<String>) {
    let o = cmd(env).args(["redflags", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let tier = |i: usize| -> Vec<String> {
        v["tiers"][i]["signs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["question"].is_string())
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    (tier(0), tier(1))
}

#[test]
fn check_keeps_its_outcome_in_the_record() {
    let env = Env::new();
    let (e, u) = signs(&env);
    let all_no = "n\n".repeat(e.len() + u.len());
    // Ran out of answers, and unusable answers: exit 2, nothing kept.
    assert_eq!(check_run(&env, "y\n").status.code(), Some(2));
    assert_eq!(
        check_run(&env, "y\nmaybe\nperhaps\nx\n").status.code(),
        Some(2)
    );
    assert!(
        journals(&env).is_empty(),
        "a check ending in exit 2 was kept"
    );

    let runs = [
        (format!("y\nn\n{all_no}"), 0),
        // The second emergency sign: exit 4.
        ("y\nn\nn\ny\n".to_string(), 4),
        ("n\n".to_string(), 5),
        (format!("y\ny\n{all_no}"), 5),
        // Pregnant, and the first urgent sign.
        (format!("y\ny\n{}y\n", "n\n".repeat(e.len())), 3),
    ];
    for (answers, code) in &runs {
        let o = check_run(&env, answers);
        assert_eq!(o.status.code(), Some(*code), "{}", stderr(&o));
        assert_eq!(stderr(&o), "", "a kept check warns of nothing");
    }
    let files = journals(&env);
    assert_eq!(files.len(), 1);
    let recs = lines(&files[0]);
    assert_eq!(recs.len(), runs.len());
    let want = [
        serde_json::json!({"v": 1, "time": NOW, "kind": "check", "tier": "none"}),
        serde_json::json!({"v": 1, "time": NOW, "kind": "check", "tier": "emergency", "yes": [e[1]]}),
        serde_json::json!({"v": 1, "time": NOW, "kind": "check", "tier": "not-for-you", "under_16": true}),
        serde_json::json!({"v": 1, "time": NOW, "kind": "check", "tier": "not-for-you", "pregnant": true}),
        serde_json::json!({"v": 1, "time": NOW, "kind": "check", "tier": "urgent", "yes": [u[0]], "pregnant": true}),
    ];
    assert_eq!(recs, want);

    // Checks are not check-ins: progress still has nothing to chart.
    let o = cmd(&env).arg("progress").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Nothing recorded yet"),
        "{}",
        stdout(&o)
    );
    // ... but names the latest check in one line.
    assert!(
        stdout(&o).contains(
            "\nLast warning-sign check, 4 Mar 2026: yes to a sign needing help the same day.\n"
        ),
        "{}",
        stdout(&o)
    );
    assert_eq!(stderr(&o), "", "a check is no unreadable line");

    // The report shows them, the emergency standing out.
    let o = cmd(&env).args(["report", "--html", "-"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.contains("<h2>Warning-sign checks</h2>"), "{html}");
    assert!(
        html.contains("<div class=\"alert\"><strong>Self-reported on 4 March 2026 at 12:00: warning sign needing emergency help.</strong>"),
        "{html}"
    );
    assert!(html.contains("Said they are under 16"), "{html}");
    assert_eq!(html.matches("<tr class=\"alert\">").count(), 2, "{html}");
    assert_eq!(
        html.matches("No warning sign reported").count(),
        2,
        "{html}"
    );

    // Export: JSON as stored, CSV with kind check.
    let o = cmd(&env).args(["export", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["journal"].as_array().unwrap(), &want.to_vec());
    let o = cmd(&env).args(["export", "--csv"]).output().unwrap();
    let s = stdout(&o);
    assert!(s.contains(&format!("{NOW},check,,,,,,,,,,none,\n")), "{s}");
    assert!(s.contains(",check,,,,,"), "{s}");
    assert!(s.contains(",emergency,\n"), "{s}");
    assert_eq!(s.matches(",check,").count(), runs.len(), "{s}");
}

#[test]
fn check_output_and_exit_do_not_depend_on_writing_the_record() {
    let env = Env::new();
    let blocked = env.home.path().join("not-a-dir");
    fs::write(&blocked, "a file where the data dir should be\n").unwrap();
    for answers in ["y\nn\nn\ny\n", "n\n"] {
        let kept = check_run(&env, answers);
        let lost = cmd(&env)
            .arg("check")
            .env("BACKFIX_REGION", "GB")
            .env("BACKFIX_DATA_DIR", &blocked)
            .write_stdin(answers)
            .output()
            .unwrap();
        assert_eq!(lost.status.code(), kept.status.code());
        assert_eq!(stdout(&lost), stdout(&kept));
        assert!(
            stderr(&lost).contains("backfix: warning: cannot keep this check in the record"),
            "{}",
            stderr(&lost)
        );
    }
    assert_eq!(journals(&env).len(), 1);
}

#[test]
fn forget_asks_first_and_deletes() {
    let env = Env::new();
    fixture(&env);
    // Not a terminal and no --yes: refused, nothing deleted.
    let o = cmd(&env)
        .args(["forget", "--all"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--yes"), "{}", stderr(&o));
    assert_eq!(journals(&env).len(), 2);
    let o = cmd(&env).args(["forget"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    // Before 2 February: weeks 0-8 go (9 check-ins), from both files and the history.
    let o = cmd(&env)
        .args(["forget", "--before", "2026-02-02", "--yes"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(
        &cmd(&env)
            .args(["export", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let j = v["journal"].as_array().unwrap();
    assert!(
        j.iter()
            .all(|r| r["time"].as_str().unwrap() >= "2026-02-02")
    );
    assert_eq!(j.iter().filter(|r| r["kind"] == "checkin").count(), 5);
    assert!(
        v["reminders"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["time"].as_str().unwrap() >= "2026-02-02")
    );
    assert_eq!(v["reminders"].as_array().unwrap().len(), 5 * 39);
    // Rewritten in place: still private.
    #[cfg(unix)]
    for f in journals(&env) {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&f, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = cmd(&env)
        .args(["forget", "--all", "--yes"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(journals(&env).is_empty());
    let o = cmd(&env).arg("progress").output().unwrap();
    assert!(stdout(&o).contains("Nothing recorded yet"));
}

/// Decode a PNG (8-bit RGB or RGBA, not interlaced, as Chromium writes) with
/// Python's zlib, and print: width height non_background_pixels
/// non_background_pixels_in_the_right_most_12_columns.
const PNG_STATS: &str = r#"
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos+8])
    body = data[pos+8:pos+8+n]
    if kind == b'IHDR':
        w, h, depth, ctype, _, _, inter = struct.unpack('>IIBBBBB', body)
        assert depth == 8 and ctype in (2, 6) and inter == 0, (depth, ctype, inter)
        bpp = 3 if ctype == 2 else 4
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
ink = right = 0
i = 0
for y in range(h):
    f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride
    for x in range(stride):
        a = line[x-bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x-bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(w):
        px = line[x*bpp:x*bpp+3]
        if min(px) < 245:
            ink += 1
            if x >= w - 12: right += 1
    prev = line
print(w, h, ink, right)
"#;

fn chromium(dir: &Path, args: &[String]) -> std::process::Output {
    std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars=false",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .env("HOME", dir)
        .output()
        .expect("run chromium")
}

#[test]
fn report_html_renders_in_chromium() {
    let env = Env::new();
    fixture(&env);
    // A hostile, very long activity name and note must neither run nor overflow.
    cmd(&env)
        .args(["log", "--pain", "3", "--activity"])
        .arg(format!(
            "{}=5",
            "walking-the-dog-without-stopping-".repeat(2)
        ))
        .args([
            "--note",
            "<script>alert(1)</script><img src=http://example.com/x.png>",
        ])
        .assert()
        .success();
    // A same-day warning sign from `check` stands out in the report.
    let (e, _) = signs(&env);
    let o = check_run(&env, &format!("y\nn\n{}y\n", "n\n".repeat(e.len())));
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let page = env.home.path().join("report.html");
    let o = cmd(&env)
        .args(["report", "--html"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = fs::read_to_string(&page).unwrap();
    // Self-contained: no scripts, nothing fetched.
    let lower = html.to_lowercase();
    // (The note's text is escaped, so its tags are text, not elements.)
    for banned in [
        "<script",
        "<img",
        "<link",
        "<iframe",
        "<object",
        "<embed",
        "<video",
        "<audio",
        "<image",
        "href=",
        "url(",
        "@import",
        "<meta http-equiv",
    ] {
        assert!(!lower.contains(banned), "{banned} in the report");
    }
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("Self-reported"));
    assert!(html.matches("<svg").count() >= 2);
    assert!(html.contains("Sciatica"), "routine names, not ids");
    assert!(
        html.contains("<div class=\"alert\"><strong>Self-reported on"),
        "{html}"
    );
    if !common::require(&["chromium", "python3"], "report_html_renders_in_chromium") {
        return;
    }
    let dir = env.home.path();
    let url = format!("file://{}", page.display());
    for width in [800, 420] {
        let png = dir.join(format!("report-{width}.png"));
        let o = chromium(
            dir,
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={width},3000"),
                url.clone(),
            ],
        );
        assert!(png.is_file(), "no screenshot: {}", stderr(&o));
        let stats = std::process::Command::new("python3")
            .arg("-c")
            .arg(PNG_STATS)
            .arg(&png)
            .output()
            .unwrap();
        assert!(stats.status.success(), "{}", stderr(&stats));
        let nums: Vec<u64> = stdout(&stats)
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let [w, h, ink, right] = nums[..] else {
            panic!("{nums:?}")
        };
        assert_eq!(w, width as u64);
        // Not blank: text and charts cover a good part of the page.
        assert!(
            ink > w * h / 100,
            "the page looks blank: {ink} dark pixels of {}",
            w * h
        );
        // Nothing reaches the right edge (the page keeps a margin), so nothing overflows.
        assert_eq!(right, 0, "something overflows the page width at {width} px");
        if let Some(keep) = std::env::var_os("BACKFIX_KEEP_REPORT") {
            fs::copy(&png, Path::new(&keep).join(format!("report-{width}.png"))).unwrap();
        }
    }
    let pdf = dir.join("report.pdf");
    let o = chromium(
        dir,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
            url,
        ],
    );
    let bytes = fs::read(&pdf).unwrap_or_else(|e| panic!("no PDF ({e}): {}", stderr(&o)));
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() > 10_000, "PDF of {} bytes", bytes.len());
    if let Some(keep) = std::env::var_os("BACKFIX_KEEP_REPORT") {
        fs::copy(&pdf, Path::new(&keep).join("report.pdf")).unwrap();
        fs::copy(&page, Path::new(&keep).join("report.html")).unwrap();
    }
}

/// On a terminal: `log` asks (the weekly question too) and saves, and
/// `forget` asks before deleting, keeping everything on "n".
#[test]
fn log_and_forget_on_a_terminal() {
    if !common::require(&["tmux"], "log_and_forget_on_a_terminal") {
        return;
    }
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let envs = env.shell_vars();
    let run = |args: &str| {
        format!(
            "env -i {envs} BACKFIX_NOW={NOW} TERM=xterm {} {args}; echo EXIT=$?; sleep 30",
            bin.display()
        )
    };
    let tmux = common::Tmux::start(100, 40, &["sh", "-c", &run("log")]);
    tmux.wait_for("Pain right now");
    tmux.send(&["5", "Enter"]);
    tmux.wait_for("get in the way");
    tmux.send(&["4", "Enter"]);
    tmux.wait_for("Activity (Enter when done)");
    tmux.send(&["gardening", "Enter"]);
    tmux.wait_for("gardening (0 cannot");
    tmux.send(&["3", "Enter"]);
    tmux.wait_for("Activity (Enter when done)");
    tmux.send(&["Enter"]);
    tmux.wait_for("flare-up?");
    tmux.send(&["n", "Enter"]);
    tmux.wait_for("A note");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(
        screen.contains("Saved: pain 5, got in the way 4, gardening 3."),
        "{screen}"
    );
    assert!(screen.contains("EXIT=0"), "{screen}");
    drop(tmux);

    let tmux = common::Tmux::start(100, 20, &["sh", "-c", &run("forget --all")]);
    tmux.wait_for("Delete them? [y/N]");
    tmux.send(&["n", "Enter"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(
        screen.contains("Nothing deleted.") && screen.contains("EXIT=1"),
        "{screen}"
    );
    assert_eq!(journals(&env).len(), 1);
    drop(tmux);

    let tmux = common::Tmux::start(100, 20, &["sh", "-c", &run("forget --all")]);
    tmux.wait_for("[y/N]");
    tmux.send(&["y", "Enter"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("Deleted 1 record (all of it)."), "{screen}");
    assert!(journals(&env).is_empty());
}

/// A synced data dir: another machine's file, and a sync tool's conflict
/// copy of one, are merged; the copy's records are not counted twice.
#[test]
fn synced_files_merge_without_double_counting() {
    let env = Env::new();
    fixture(&env);
    let a = env.data().join("journal-aaaaaaaaaaaaaaaa.jsonl");
    let mut copy = fs::read_to_string(&a).unwrap();
    copy.push_str("{\"v\":1,\"time\":\"2026-03-03T08:00:00\",\"kind\":\"checkin\",\"pain\":2}\n");
    fs::write(
        env.data()
            .join("journal-aaaaaaaaaaaaaaaa.sync-conflict-20260303-080000-XYZ.jsonl"),
        copy,
    )
    .unwrap();
    let o = cmd(&env).args(["progress", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // 14 check-ins, plus the one only in the copy.
    assert_eq!(v["checkins"], 15, "{}", stderr(&o));
    assert_eq!(v["sessions"], 31);
}

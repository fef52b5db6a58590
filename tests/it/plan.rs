//! The weekly plan: `plan start/show/flare/stop`, `today`, lessons read,
//! guided mode's record, and the reminder following the plan, run as the
//! real binary in a clean HOME with a fixed clock (`BACKFIX_NOW`).

use crate::common;

use common::{Env, golden};
use std::fs;

/// The plan's first day in these tests: Monday 5 January 2026.
fn at(day: i64, hour: u32) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Duration::days(day);
    format!("{d}T{hour:02}:00:00")
}

fn cmd(env: &Env, now: &str) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("BACKFIX_NOW", now);
    c
}

fn run_ok(env: &Env, now: &str, args: &[&str]) -> String {
    let o = cmd(env, now).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(env: &Env, now: &str, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run_ok(env, now, args)).unwrap()
}

fn journal_lines(env: &Env) -> Vec<serde_json::Value> {
    let mut v = Vec::new();
    for e in fs::read_dir(env.data()).unwrap().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with("journal-") {
            for l in fs::read_to_string(e.path()).unwrap().lines() {
                v.push(serde_json::from_str(l).unwrap());
            }
        }
    }
    v
}

const SESSION_DAYS: [i64; 3] = [0, 2, 4];

/// A four-week sciatica plan: two weeks of easy sessions, a flare in week 3,
/// rebuilding in week 4, a walk every day. The transcript is the README's
/// worked example (`tests/golden/plan-four-weeks.txt`).
#[test]
fn a_four_week_plan_progresses_steps_back_and_walking_grows() {
    let env = Env::new();
    let mut transcript = String::new();
    let mut show = |env: &Env, day: i64, args: &[&str]| -> String {
        let out = run_ok(env, &at(day, 8), args);
        // The flare-up plan itself (with the temporary config path) is left out.
        let shown = match out.find("Flare-up plan:") {
            Some(i) => format!("{}(the flare-up plan follows)\n", &out[..i]),
            None => out.clone(),
        };
        transcript.push_str(&format!(
            "## day {} ({})\n$ backfix {}\n{out}\n",
            day + 1,
            &at(day, 8)[..10],
            args.join(" "),
            out = shown
        ));
        out
    };
    show(
        &env,
        0,
        &[
            "plan",
            "start",
            "--sciatica",
            "--lasted",
            "6-12w",
            "--walk",
            "10m",
            "--goal",
            "gardening",
        ],
    );
    let mut todays = Vec::new();
    for day in 0..29 {
        if [0, 7, 15, 16, 21, 28].contains(&day) {
            todays.push((day, show(&env, day, &["today"])));
        }
        if day == 15 {
            show(&env, day, &["flare", "--start", "--sciatica"]);
        }
        if SESSION_DAYS.contains(&(day % 7)) {
            let (feel, pain) = match day {
                0..=14 => ("too-easy", "1"),
                15..=20 => ("about-right", "3"),
                _ => ("about-right", "1"),
            };
            run_ok(
                &env,
                &at(day, 18),
                &["done", "sciatica", "--feel", feel, "--pain-during", pain],
            );
        }
        run_ok(&env, &at(day, 12), &["done", "walking", "--minutes", "10"]);
        if day % 7 == 1 {
            run_ok(&env, &at(day, 9), &["log", "--pain", "4"]);
        }
    }
    show(&env, 28, &["plan", "show"]);
    golden("plan-four-weeks.txt", &transcript);

    let text = |d: i64| &todays.iter().find(|(x, _)| *x == d).unwrap().1;
    // Day 1: the plan as started, every exercise at the routine's dose.
    assert!(text(0).contains("Exercise session"));
    assert!(text(0).contains("10 minutes today"));
    // Day 16: two weeks of easy sessions have added reps, with rule and source.
    assert!(
        text(15).contains("sessions, so 2 more reps (Sherwood Forest"),
        "{}",
        text(15)
    );
    assert!(
        text(15).contains("13 minutes today"),
        "walking 10 -> 11 -> 13"
    );
    // Day 17: the flare stepped everything back, walking too.
    assert!(text(16).contains("Flare-up marked on 2026-01-20"));
    assert!(text(16).contains("a flare-up, so 2 fewer reps"));
    assert!(text(16).contains("walking steps back to 9 minutes"));
    // Day 22: walking holds for a week from the flare.
    assert!(text(21).contains("9 minutes today"), "{}", text(21));
    assert!(
        text(21).contains("keep it for a week before"),
        "{}",
        text(21)
    );
    // Day 29: a comfortable week since, so walking grows again.
    assert!(text(28).contains("10 minutes today"), "{}", text(28));
    assert!(text(28).contains("a comfortable week, so 1 more minute"));
    // Day 27 is a rest day.
    let rest = json(&env, &at(26, 8), &["today", "--json"]);
    assert_eq!(rest["session"], false);
    let st = json(&env, &at(28, 20), &["plan", "show", "--json"]);
    assert_eq!(st["plan"]["complaint"], "sciatica");
    assert_eq!(st["state"]["sessions"], 13);
    assert_eq!(st["state"]["walks"], 29);
    // Every rule that fired has a source in sources.json.
    let sources = json(&env, &at(28, 8), &["sources", "--json"]);
    let ids: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    let fired = st["state"]["fired"].as_array().unwrap();
    assert!(fired.len() > 20);
    for f in fired {
        let src = f["source"].as_str().unwrap();
        assert!(ids.contains(&src), "{src} is not in sources.json");
    }
    // No tensioner in a sciatica plan, ever.
    for e in st["state"]["exercises"].as_array().unwrap() {
        let id = e["exercise"].as_str().unwrap();
        let card = json(&env, &at(28, 8), &["show", id, "--json"]);
        assert_ne!(card["category"], "nerve-glide-tensioner", "{id}");
        let avoid = card["avoid_in"].as_array().unwrap();
        assert!(!avoid.iter().any(|a| a == "sciatica"), "{id}");
    }
}

#[test]
fn acute_pain_starts_with_stay_active_and_a_lighter_plan() {
    let env = Env::new();
    let acute = run_ok(
        &env,
        &at(0, 8),
        &["plan", "start", "--low-back", "--lasted", "under-6w"],
    );
    let first = acute.lines().next().unwrap();
    assert!(first.starts_with("Stay active"), "{acute}");
    assert!(acute.contains("gentle level"));
    let today = run_ok(&env, &at(1, 8), &["today"]);
    assert!(today.contains("Stay active"));
    let acute_json = json(&env, &at(1, 8), &["plan", "show", "--json"]);
    let env2 = Env::new();
    run_ok(
        &env2,
        &at(0, 8),
        &["plan", "start", "--low-back", "--lasted", "over-12w"],
    );
    let standard = json(&env2, &at(1, 8), &["plan", "show", "--json"]);
    assert_eq!(acute_json["state"]["start"]["rule"], "stay-active-first");
    assert_eq!(standard["state"]["start"]["rule"], "standard-start");
    assert_ne!(
        acute_json["state"]["exercises"], standard["state"]["exercises"],
        "the acute plan is the gentle level"
    );
}

#[test]
fn the_plan_file_is_private_versioned_and_damage_is_reported() {
    let env = Env::new();
    run_ok(&env, &at(0, 8), &["plan", "start", "--desk", "--walk", "5"]);
    let path = env.data().join("plan.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["v"], 1);
    assert_eq!(v["walk_minutes"], 5);
    assert_eq!(v["lasted"], "6-12w");
    // A second start is refused while one runs.
    cmd(&env, &at(1, 8))
        .args(["plan", "start", "--desk"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already running"));
    // A damaged file: reported, not fatal.
    fs::write(&path, "{\"v\":1,\"started\":").unwrap();
    cmd(&env, &at(1, 8))
        .arg("today")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("damaged"))
        .stderr(predicates::str::contains("no plan is running"));
    // The reminder carries on without it.
    cmd(&env, &at(1, 8))
        .args(["remind", "--dry-run", "--count", "1"])
        .assert()
        .success();
    // A new start replaces it.
    run_ok(&env, &at(1, 8), &["plan", "start", "--desk"]);
    run_ok(&env, &at(1, 8), &["today"]);
    assert!(run_ok(&env, &at(1, 8), &["plan", "stop"]).contains("stopped"));
    cmd(&env, &at(1, 8))
        .arg("today")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("backfix plan start"));
}

#[test]
fn plan_start_asks_when_no_flag_is_given() {
    let env = Env::new();
    let out = cmd(&env, &at(0, 8))
        .args(["plan", "start"])
        .write_stdin("outer hip\n3\n20m\nwalking the dog\nclimbing stairs\n\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("How long has the pain lasted?"));
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(env.data().join("plan.json")).unwrap()).unwrap();
    assert_eq!(v["complaint"], "outer-hip");
    assert_eq!(v["lasted"], "over-12w");
    assert_eq!(v["walk_minutes"], 20);
    assert_eq!(
        v["goals"],
        serde_json::json!(["walking the dog", "climbing stairs"])
    );
}

#[test]
fn plan_flags_are_checked() {
    let env = Env::new();
    cmd(&env, &at(0, 8))
        .args(["plan", "start", "--walk", "lots"])
        .assert()
        .code(2);
    cmd(&env, &at(0, 8))
        .args(["plan", "start", "--lasted", "forever"])
        .assert()
        .code(2);
    cmd(&env, &at(0, 8))
        .args([
            "plan", "start", "--goal", "a", "--goal", "b", "--goal", "c", "--goal", "d",
        ])
        .assert()
        .code(2);
    assert!(!env.data().join("plan.json").exists());
}

#[test]
fn lessons_read_are_recorded_listed_and_not_offered_again() {
    let env = Env::new();
    run_ok(&env, &at(0, 8), &["plan", "start", "--low-back"]);
    let t = json(&env, &at(0, 8), &["today", "--json"]);
    let offered = t["lesson"].as_str().unwrap().to_string();
    run_ok(&env, &at(0, 9), &["learn", &offered]);
    let lines = journal_lines(&env);
    assert!(
        lines
            .iter()
            .any(|l| l["kind"] == "lesson" && l["lesson"] == offered.as_str()),
        "{lines:?}"
    );
    let t = json(&env, &at(0, 10), &["today", "--json"]);
    assert_ne!(t["lesson"].as_str().unwrap(), offered);
    let list = json(&env, &at(0, 10), &["learn", "--list", "--json"]);
    for l in list.as_array().unwrap() {
        assert_eq!(l["read"], l["id"] == offered.as_str(), "{l}");
    }
    let text = run_ok(&env, &at(0, 10), &["learn", "--list"]);
    assert!(text.contains("(read)"));
    assert!(text.contains("Read so far: 1 of"));
    // A lesson read does not count as a session in progress.
    let p = json(&env, &at(0, 10), &["progress", "--json"]);
    assert!(!p.to_string().contains("\"sessions\":1"), "{p}");
}

#[test]
fn plan_flare_marks_the_record_with_a_flare_check_in() {
    let env = Env::new();
    run_ok(&env, &at(0, 8), &["plan", "start", "--low-back"]);
    let out = run_ok(&env, &at(3, 8), &["plan", "flare"]);
    assert!(out.contains("Marked a flare-up"));
    assert!(out.contains("a flare-up, so"), "{out}");
    let lines = journal_lines(&env);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["kind"], "checkin");
    assert_eq!(lines[0]["flare"], true);
    // The record reads it back (no unreadable line), and exports it.
    let o = cmd(&env, &at(3, 9))
        .args(["export", "--csv"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let t = json(&env, &at(4, 8), &["today", "--json"]);
    assert_eq!(t["flare"], at(3, 8)[..10]);
}

/// The reminder suggests the plan's desk-doable exercises and walking.
#[test]
fn the_reminder_follows_a_running_plan() {
    let env = Env::new();
    // The reminder keeps real time: the plan starts today.
    let mut c = env.cmd();
    c.args(["plan", "start", "--sciatica"]).assert().success();
    let st: serde_json::Value = serde_json::from_slice(
        &env.cmd()
            .args(["plan", "show", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let plan_ids: Vec<String> = st["state"]["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["exercise"].as_str().unwrap().to_string())
        .collect();
    let o = env
        .cmd()
        .args([
            "remind",
            "--dry-run",
            "--count",
            "20",
            "--every",
            "30m",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["exercise"].as_str().unwrap())
        .collect();
    assert!(!ids.is_empty());
    assert!(ids.contains(&"walking"), "{ids:?}");
    for id in &ids {
        assert!(
            *id == "walking" || plan_ids.iter().any(|p| p == id),
            "{id} is not in the plan {plan_ids:?}"
        );
        let card: serde_json::Value = serde_json::from_slice(
            &env.cmd()
                .args(["show", id, "--json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        assert_eq!(card["desk"], true, "{id}");
    }
    // --for wins over the plan.
    let o = env
        .cmd()
        .args([
            "remind",
            "--dry-run",
            "--count",
            "20",
            "--for",
            "desk",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|r| !plan_ids.iter().any(|p| r["exercise"] == p.as_str())
                && r["exercise"] != "walking"),
        "--for desk still follows the plan"
    );
}

/// A Done on a walking reminder counts as a walk for the plan.
#[test]
fn a_done_walking_reminder_counts_as_a_walk() {
    let env = Env::new();
    run_ok(
        &env,
        &at(0, 8),
        &["plan", "start", "--low-back", "--walk", "10"],
    );
    let history = env.data().join("history.jsonl");
    let mut text = String::new();
    for d in 0..7 {
        text.push_str(&format!(
            "{{\"time\":\"{}\",\"event\":\"done\",\"exercise\":\"walking\"}}\n",
            at(d, 11)
        ));
    }
    fs::write(&history, text).unwrap();
    let st = json(&env, &at(7, 8), &["plan", "show", "--json"]);
    assert_eq!(st["state"]["walks"], 7, "{st}");
    assert_eq!(st["state"]["walking"]["minutes"], 11);
}

/// Guided mode asks how the session felt and records it, also when quit early.
#[test]
fn guided_mode_records_the_session() {
    if !common::require(&["tmux"], "guided_mode_records_the_session") {
        return;
    }
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let envs = env.shell_vars();
    let script = format!(
        "env -i {envs} TERM=xterm BACKFIX_NOW=2026-01-05T18:00:00 {} routine --desk --minutes 3 --guided; echo EXIT=$?; sleep 30",
        bin.display()
    );
    let tmux = common::Tmux::start(100, 40, &["sh", "-c", &script]);
    let first = tmux.wait_for("Enter: start");
    assert!(first.contains("exercise 1 of"));
    tmux.send(&["Enter"]);
    tmux.wait_for("s left");
    // Enter ends each timed phase early; the exercise then counts as done.
    for _ in 0..20 {
        if tmux.screen().contains("exercise 2 of") {
            break;
        }
        tmux.send(&["Enter"]);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    tmux.wait_for("exercise 2 of");
    tmux.send(&["q"]);
    tmux.wait_for("How did it feel?");
    tmux.send(&["e", "Enter"]);
    tmux.wait_for("Pain during");
    tmux.send(&["2", "Enter"]);
    let end = tmux.wait_for("EXIT=");
    assert!(end.contains("EXIT=0"), "{end}");
    assert!(end.contains("Saved in your record"), "{end}");
    let lines = journal_lines(&env);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let s = &lines[0];
    assert_eq!(s["kind"], "session");
    assert_eq!(s["via"], "guided");
    assert_eq!(s["routine"], "desk");
    assert_eq!(s["feel"], "too-easy");
    assert_eq!(s["pain_during"], 2);
    assert_eq!(s["time"], "2026-01-05T18:00:00");
    assert_eq!(s["done"].as_array().unwrap().len(), 1);
    assert!(
        !s["skipped"].as_array().unwrap().is_empty(),
        "not reached counts as skipped"
    );
}

/// `plan start` on a real terminal asks its questions and saves the answers.
#[test]
fn plan_start_asks_on_a_terminal() {
    if !common::require(&["tmux"], "plan_start_asks_on_a_terminal") {
        return;
    }
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let envs = env.shell_vars();
    let script = format!(
        "env -i {envs} TERM=xterm BACKFIX_NOW=2026-01-05T09:00:00 {} plan start; echo EXIT=$?; sleep 30",
        bin.display()
    );
    let tmux = common::Tmux::start(100, 40, &["sh", "-c", &script]);
    tmux.wait_for("Which complaint?");
    tmux.send(&["sciatica", "Enter"]);
    tmux.wait_for("How long has the pain lasted?");
    // An answer that does not read is asked again.
    tmux.send(&["7", "Enter"]);
    tmux.wait_for("Please answer 1, 2 or 3.");
    tmux.send(&["1", "Enter"]);
    tmux.wait_for("How many minutes can you walk");
    tmux.send(&["15", "Enter"]);
    tmux.wait_for("Activity (Enter when done)");
    tmux.send(&["gardening", "Enter"]);
    tmux.send(&["Enter"]);
    let end = tmux.wait_for("EXIT=");
    assert!(end.contains("EXIT=0"), "{end}");
    assert!(end.contains("Stay active"), "{end}");
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(env.data().join("plan.json")).unwrap()).unwrap();
    assert_eq!(v["complaint"], "sciatica");
    assert_eq!(v["lasted"], "under-6w");
    assert_eq!(v["walk_minutes"], 15);
    assert_eq!(v["goals"], serde_json::json!(["gardening"]));
}

/// The traffic light's second question: after a session that hurt 3/10 or
/// more, `today` and `log` ask the next day whether it had settled by the
/// morning; "no" steps the plan back, with the reason.
#[test]
fn pain_not_settled_by_the_next_morning_steps_the_plan_back() {
    let env = Env::new();
    run_ok(
        &env,
        &at(0, 8),
        &[
            "plan",
            "start",
            "--sciatica",
            "--lasted",
            "6-12w",
            "--walk",
            "10m",
        ],
    );
    run_ok(
        &env,
        &at(0, 18),
        &[
            "done",
            "sciatica",
            "--feel",
            "about-right",
            "--pain-during",
            "4",
        ],
    );
    // The same evening: not yet asked.
    assert!(!run_ok(&env, &at(0, 20), &["today"]).contains("Your last session"));
    // The next morning: asked in `today`, in words and in JSON.
    let text = run_ok(&env, &at(1, 8), &["today"]);
    assert!(text.contains("(Mon 5 Jan) hurt 4/10 during."), "{text}");
    assert!(
        text.contains("Had that settled to your usual level"),
        "{text}"
    );
    assert!(text.contains("backfix log --settled yes"), "{text}");
    let j = json(&env, &at(1, 8), &["today", "--json"]);
    assert_eq!(j["settled_question"]["pain"], 4, "{j}");
    let before = j["exercises"].clone();
    // Not settled: saved, explained, and the plan steps back.
    let saved = run_ok(&env, &at(1, 8), &["log", "--settled", "no"]);
    assert!(
        saved.contains("Saved: not settled by the next morning."),
        "{saved}"
    );
    assert!(saved.contains("backfix redflags"), "{saved}");
    let j = json(&env, &at(1, 9), &["today", "--json"]);
    assert!(j.get("settled_question").is_none(), "asked once: {j}");
    let whys: Vec<String> = j["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["latest"]["why"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        whys.iter()
            .any(|w| w.contains("had not settled by the next morning")),
        "{whys:?}"
    );
    assert_ne!(j["exercises"], before, "the amounts stepped back");
    let lines = journal_lines(&env);
    assert!(
        lines
            .iter()
            .any(|l| l["kind"] == "checkin" && l["settled"] == false),
        "{lines:?}"
    );

    // `log` asks it too (piped answers are echoed), before the ratings.
    run_ok(
        &env,
        &at(2, 18),
        &[
            "done",
            "sciatica",
            "--feel",
            "about-right",
            "--pain-during",
            "5",
        ],
    );
    let o = cmd(&env, &at(3, 8))
        .arg("log")
        .write_stdin("y\n3\n\n\nn\n\n")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("hurt 5/10 during. Had that settled"), "{out}");
    assert!(out.contains("settled by the next morning"), "{out}");
    let lines = journal_lines(&env);
    assert!(
        lines.iter().any(|l| l["settled"] == true && l["pain"] == 3),
        "{lines:?}"
    );
    // The export keeps the answers.
    let csv = run_ok(&env, &at(3, 10), &["export", "--csv"]);
    assert!(
        csv.lines().next().unwrap_or_default().ends_with(",settled"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",checkin,") && l.ends_with(",no")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",checkin,3,") && l.ends_with(",yes")),
        "{csv}"
    );
    // A bad value is a usage error that names the choices.
    let o = cmd(&env, &at(3, 9))
        .args(["log", "--settled", "maybe"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("yes"));
}

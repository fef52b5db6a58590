//! `routine`, `redflags` and `check`, through the real binary.

use crate::common;

use common::{Env, golden};
use predicates::prelude::*;

fn run(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sciatica_golden() {
    golden(
        "routine-sciatica.txt",
        &run(&Env::new(), &["routine", "--sciatica"]),
    );
}

#[test]
fn five_minutes_golden() {
    golden(
        "routine-low-back-5.txt",
        &run(&Env::new(), &["routine", "--low-back", "--minutes", "5"]),
    );
}

#[test]
fn every_complaint_prints_within_budget_with_banner() {
    let env = Env::new();
    let list: serde_json::Value =
        serde_json::from_str(&run(&env, &["routine", "--list", "--json"])).unwrap();
    for c in list.as_array().unwrap() {
        let flag = c["flag"].as_str().unwrap();
        let text = run(&env, &["routine", flag]);
        assert!(
            text.contains("backfix redflags"),
            "{flag}: red flags not one command away"
        );
        assert!(
            text.contains("further down a leg"),
            "{flag}: stop rule missing"
        );
        for minutes in ["3", "5", "10", "20"] {
            let out = env
                .cmd()
                .args(["routine", flag, "--minutes", minutes, "--json"])
                .output()
                .unwrap();
            if out.status.code() == Some(2) {
                assert!(String::from_utf8_lossy(&out.stderr).contains("too short"));
                continue;
            }
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let budget: u64 = minutes.parse::<u64>().unwrap() * 60;
            assert!(
                v["total_seconds"].as_u64().unwrap() <= budget,
                "{flag} {minutes}"
            );
            let sum: u64 = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["seconds"].as_u64().unwrap())
                .sum();
            // An either/or choice counts once.
            let choice = v["choice"]["seconds"].as_u64().unwrap_or(0);
            assert_eq!(sum + choice, v["total_seconds"].as_u64().unwrap());
            assert_eq!(v["red_flags_command"], "backfix redflags");
        }
    }
}

#[test]
fn names_aliases_and_typos() {
    let env = Env::new();
    assert!(run(&env, &["routine", "outer", "hip"]).starts_with("Outer-hip pain"));
    assert!(run(&env, &["routine", "lumbago"]).starts_with("Lower back pain"));
    env.cmd()
        .args(["routine", "sciatca"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'sciatica'?"));
    env.cmd()
        .arg("routine")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("routine --list"));
    env.cmd()
        .args(["routine", "--sciatica", "--desk"])
        .assert()
        .code(2);
    env.cmd()
        .args(["routine", "--sciatica", "desk"])
        .assert()
        .code(2);
    env.cmd()
        .args(["routine", "--sciatica", "--minutes", "0"])
        .assert()
        .code(2);
    env.cmd()
        .args(["routine", "--sciatica", "--minutes", "abc"])
        .assert()
        .code(2);
}

#[test]
fn too_short_budget_offers_the_shortest_routine() {
    Env::new()
        .cmd()
        .args(["routine", "--desk", "--minutes", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too short"))
        .stderr(predicate::str::contains("Change position"))
        .stderr(predicate::str::contains("try --minutes 2"));
}

#[test]
fn levels_swap_variants() {
    let env = Env::new();
    let gentle: serde_json::Value = serde_json::from_str(&run(
        &env,
        &["routine", "--low-back", "--level", "gentle", "--json"],
    ))
    .unwrap();
    assert!(
        gentle["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["swapped_from"] == "glute-bridge")
    );
    let harder = run(&env, &["routine", "--low-back", "--level", "harder"]);
    assert!(harder.contains("Single-leg bridge"));
    assert!(harder.contains("harder level"));
}

#[test]
fn outer_hip_routine_never_shows_figure_four() {
    let env = Env::new();
    for level in ["gentle", "standard", "harder"] {
        let out = run(
            &env,
            &["routine", "--outer-hip", "--level", level, "--json"],
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        for item in v["items"].as_array().unwrap() {
            let id = item["id"].as_str().unwrap();
            assert!(
                ![
                    "piriformis-stretch",
                    "pigeon-pose",
                    "seated-glute-stretch",
                    "knee-to-opposite-shoulder"
                ]
                .contains(&id),
                "{level}: {id}"
            );
        }
    }
}

#[test]
fn redflags_lists_three_tiers_for_adults() {
    let out = run(&Env::new(), &["redflags"]);
    assert!(
        out.contains("Emergency") && out.contains("Urgent") && out.contains("See a professional")
    );
    assert!(out.contains("16 and over"));
    assert!(out.contains("does not diagnose"));
}

fn questions(env: &Env) -> (usize, usize) {
    let v: serde_json::Value = serde_json::from_str(&run(env, &["redflags", "--json"])).unwrap();
    let count = |i: usize| {
        v["tiers"][i]["signs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["question"].is_string())
            .count()
    };
    (count(0), count(1))
}

/// Answers to the two questions before the warning signs: 16 or older, not pregnant.
const ADULT: &str = "y\nn\n";

#[test]
fn check_all_no_is_reassuring_exit_0() {
    let env = Env::new();
    let (e, u) = questions(&env);
    let total = e + u + 2;
    env.cmd()
        .arg("check")
        .write_stdin(format!("{ADULT}{}", "n\n".repeat(e + u)))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!("Question 1 of {total}")))
        .stdout(predicate::str::contains(format!(
            "Question {total} of {total}"
        )))
        .stdout(predicate::str::contains("No warning signs reported"))
        .stdout(predicate::str::contains("not a diagnosis"));
}

#[test]
fn check_asks_age_first_and_stops_for_under_16s() {
    let out = Env::new()
        .cmd()
        .arg("check")
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.find("Question 1 of").unwrap();
    assert!(text[first..].contains("16 or older"), "{text}");
    assert!(text.contains("backfix is for adults"), "{text}");
    assert!(text.contains("see a GP"), "{text}");
    assert!(
        !text.contains("Question 2 of"),
        "went on after under 16:\n{text}"
    );
}

#[test]
fn check_asks_about_pregnancy_second() {
    let env = Env::new();
    let (e, u) = questions(&env);
    let out = env
        .cmd()
        .arg("check")
        .write_stdin(format!("y\ny\n{}", "n\n".repeat(e + u)))
        .output()
        .unwrap();
    // Pregnant, no warning sign: the routines are not designed for it.
    assert_eq!(out.status.code(), Some(5));
    let text = String::from_utf8_lossy(&out.stdout);
    let q2 = text.find("Question 2 of").unwrap();
    assert!(text[q2..].contains("pregnant"), "{text}");
    assert!(text.contains("midwife or GP"), "{text}");
    assert!(text.contains("not designed for pregnancy"), "{text}");
    // The warning signs are still asked.
    assert!(
        text.contains(&format!("Question {} of", e + u + 2)),
        "{text}"
    );
}

#[test]
fn check_emergency_yes_stops_at_once_exit_4() {
    let env = Env::new();
    env.cmd()
        .arg("check")
        .env("BACKFIX_REGION", "GB")
        .write_stdin(format!("{ADULT}n\ny\n"))
        .assert()
        .code(4)
        .stdout(predicate::str::contains(
            "Call 999 or go to the nearest emergency department",
        ))
        .stdout(predicate::str::contains("You said yes to"));
    // A finished check is kept in the record (details in tests/it/record.rs).
    let journal: String = std::fs::read_dir(env.data())
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(
        journal.contains("\"kind\":\"check\",\"tier\":\"emergency\""),
        "{journal}"
    );
}

#[test]
fn check_urgent_yes_exit_3() {
    let env = Env::new();
    let (e, _) = questions(&env);
    let answers = format!("{ADULT}{}maybe\ny\n", "no\n".repeat(e));
    env.cmd()
        .arg("check")
        .env("BACKFIX_REGION", "NZ")
        .write_stdin(answers)
        .assert()
        .code(3)
        .stdout(predicate::str::contains("Please answer y or n"))
        .stdout(predicate::str::contains("doctor today"))
        .stdout(predicate::str::contains("Healthline on 0800 611 116"));
}

#[test]
fn check_with_too_few_answers_is_a_usage_error() {
    let env = Env::new();
    env.cmd()
        .arg("check")
        .write_stdin("y\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answers ran out at question 2 of"));
    // An unfinished check is not kept in the record.
    let kept = std::fs::read_dir(env.data()).map_or(0, |d| d.count());
    assert_eq!(kept, 0, "an unfinished check wrote to the data dir");
}

#[test]
fn check_from_a_pipe_ends_after_three_unusable_answers() {
    Env::new()
        .cmd()
        .arg("check")
        .write_stdin("maybe\n".repeat(10_000))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "3 answers in a row to question 1 of",
        ))
        .stderr(predicate::str::contains("'maybe'"));
}

/// `yes maybe | backfix check` ends, with a usage error, instead of looping.
#[test]
fn yes_maybe_piped_into_check_ends() {
    if !common::require(&["sh", "yes"], "yes_maybe_piped_into_check_ends") {
        return;
    }
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("yes maybe | '{}' check", bin.display()))
        .env_clear()
        .envs(env.vars())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("`yes maybe | backfix check` did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(2));
}

#[test]
fn check_names_a_non_utf8_answer() {
    Env::new()
        .cmd()
        .arg("check")
        .write_stdin(b"y\n\xff\xfe\n".to_vec())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the answer to question 2 of"))
        .stderr(predicate::str::contains("not UTF-8"));
}

#[test]
fn guided_refuses_without_a_terminal() {
    Env::new()
        .cmd()
        .args(["routine", "--desk", "--guided"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a terminal"));
}

/// Guided mode in a real pseudo-terminal, driven through tmux.
#[test]
fn guided_mode_in_a_pty() {
    if !common::require(&["tmux"], "guided_mode_in_a_pty") {
        return;
    }
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let envs = env.shell_vars();
    let script = format!(
        "env -i {envs} TERM=xterm {} routine --desk --minutes 3 --guided; echo EXIT=$?; sleep 30",
        bin.display()
    );
    let tmux = common::Tmux::start(100, 40, &["sh", "-c", &script]);
    let wait_for = |needle: &str| tmux.wait_for(needle);
    let screen = || tmux.screen();
    let first = wait_for("Enter: start");
    assert!(first.contains("exercise 1 of"));
    assert!(first.contains("Change position"));
    tmux.send(&["Enter"]);
    wait_for("s left");
    let timer = screen();
    assert!(
        timer.contains("[#") || timer.contains("[-"),
        "no progress bar:\n{timer}"
    );
    tmux.send(&["s"]);
    wait_for("exercise 2 of");
    tmux.send(&["q"]);
    let end = wait_for("EXIT=");
    assert!(end.contains("EXIT=0"), "{end}");
    assert!(end.contains("Finished 0 of"), "{end}");
}

/// Guided mode in tmux, as a process whose pid the test knows.
fn guided_in_tmux(env: &Env, args: &str) -> (common::Tmux, i32) {
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let pidfile = env.home.path().join("guided.pid");
    let envs: String = env
        .vars()
        .iter()
        .map(|(k, v)| format!("{k}={v} "))
        .collect();
    // The inner shell writes its pid, then becomes backfix (same pid).
    let script = format!(
        "sh -c 'echo $$ > {}; exec env -i {envs} TERM=xterm {} {args}'; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; echo DONE; sleep 30",
        pidfile.display(),
        bin.display()
    );
    let tmux = common::Tmux::start(100, 40, &["sh", "-c", &script]);
    tmux.wait_for("Enter: start");
    let pid = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (tmux, pid)
}

/// A termination signal during guided mode leaves the terminal as it was.
#[test]
fn guided_mode_restores_the_terminal_on_sigterm() {
    if !common::require(
        &["tmux", "stty"],
        "guided_mode_restores_the_terminal_on_sigterm",
    ) {
        return;
    }
    let env = Env::new();
    let (tmux, pid) = guided_in_tmux(&env, "routine --low-back --guided");
    // SAFETY: signalling the backfix process this test started.
    #[cfg(unix)]
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    #[cfg(not(unix))]
    let _ = pid;
    let end = tmux.wait_for("DONE");
    assert!(end.contains("EXIT=0"), "{end}");
    assert!(
        end.lines().any(|l| l.trim() == "icanon"),
        "terminal left in raw mode:\n{end}"
    );
}

/// Closing the terminal ends guided mode instead of leaving it spinning.
#[test]
fn guided_mode_exits_when_the_terminal_goes_away() {
    if !common::require(&["tmux"], "guided_mode_exits_when_the_terminal_goes_away") {
        return;
    }
    let env = Env::new();
    let (tmux, pid) = guided_in_tmux(&env, "routine --desk --guided");
    drop(tmux); // kills the tmux server and with it the terminal
    let gone = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map_or(true, |s| s.split(' ').nth(2) == Some("Z"))
    };
    common::wait_until(
        std::time::Duration::from_secs(5),
        "guided mode to exit",
        gone,
    );
}

fn json(env: &Env, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run(env, args)).unwrap()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every complaint, level, a spread of budgets and every direction, through
/// the binary: no exercise a complaint avoids, no nerve tensioner in
/// sciatica, the desk routine desk-doable, substitutes keep the note, one
/// direction per plan.
#[test]
fn plans_keep_the_safety_rules_at_every_level_budget_and_direction() {
    let env = Env::new();
    let exercises = json(&env, &["list", "--json"]);
    let ex = |id: &str| -> serde_json::Value {
        exercises
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no exercise {id}"))
    };
    let has = |v: &serde_json::Value, key: &str, s: &str| {
        v[key].as_array().is_some_and(|a| a.iter().any(|x| x == s))
    };
    let list = json(&env, &["routine", "--list", "--json"]);
    for c in list.as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let base = json(&env, &["routine", id, "--json"]);
        let mut dirs = vec![None];
        if let Some(ch) = base["choice"].as_object() {
            for o in ch["options"].as_array().unwrap() {
                dirs.push(Some(o["direction"].as_str().unwrap().to_string()));
            }
        }
        for level in ["gentle", "standard", "harder"] {
            for dir in &dirs {
                for minutes in [
                    None,
                    Some(1),
                    Some(3),
                    Some(5),
                    Some(10),
                    Some(20),
                    Some(60),
                ] {
                    let mut args = vec!["routine", id, "--level", level, "--json"];
                    let m = minutes.map(|m: u32| m.to_string());
                    if let Some(m) = &m {
                        args.extend(["--minutes", m]);
                    }
                    if let Some(d) = dir {
                        args.extend(["--direction", d]);
                    }
                    let out = env.cmd().args(&args).output().unwrap();
                    if out.status.code() == Some(2) {
                        assert!(String::from_utf8_lossy(&out.stderr).contains("too short"));
                        continue;
                    }
                    assert!(out.status.success(), "{args:?}");
                    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                    let mut all: Vec<serde_json::Value> = v["items"].as_array().unwrap().clone();
                    if let Some(ch) = v["choice"].as_object() {
                        assert!(dir.is_none(), "{args:?}: a choice with --direction");
                        for o in ch["options"].as_array().unwrap() {
                            all.extend(o["items"].as_array().unwrap().iter().cloned());
                        }
                    }
                    for item in &v["items"].as_array().unwrap().clone() {
                        match dir {
                            Some(d) => assert!(
                                item["direction"].is_null() || item["direction"] == d.as_str(),
                                "{args:?}: {item}"
                            ),
                            None => assert!(
                                item["direction"].is_null(),
                                "{args:?}: both directions prescribed"
                            ),
                        }
                    }
                    for item in &all {
                        let e = ex(item["id"].as_str().unwrap());
                        assert!(!has(&e, "avoid_in", id), "{args:?}: {}", e["id"]);
                        if id == "sciatica" {
                            assert!(!has(&e, "tags", "nerve-tensioner"), "{args:?}: {}", e["id"]);
                        }
                        if id == "desk" {
                            assert_eq!(e["desk"], true, "{args:?}: {}", e["id"]);
                        }
                        if let Some(from) = item["swapped_from"].as_str() {
                            assert!(
                                !has(&e, "tags", "nerve-tensioner"),
                                "{args:?}: {from} -> tensioner"
                            );
                            // The substitute carries the routine item's note.
                            let orig = base["items"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .chain(
                                    base["choice"]["options"]
                                        .as_array()
                                        .into_iter()
                                        .flatten()
                                        .flat_map(|o| o["items"].as_array().unwrap()),
                                )
                                .find(|i| i["id"] == from)
                                .cloned();
                            if let Some(orig) = orig {
                                assert_eq!(item["note"], orig["note"], "{args:?}: note of {from}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn sciatica_prescribes_one_direction() {
    let env = Env::new();
    let v = json(&env, &["routine", "--sciatica", "--json"]);
    let ch = &v["choice"];
    assert_eq!(ch["options"].as_array().unwrap().len(), 2, "{ch}");
    assert!(
        ch["how_to_choose"]
            .as_str()
            .unwrap()
            .contains("--direction")
    );
    let sum: u64 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["seconds"].as_u64().unwrap())
        .sum();
    assert_eq!(
        v["total_seconds"].as_u64().unwrap(),
        sum + ch["seconds"].as_u64().unwrap()
    );
    let text = run(&env, &["routine", "--sciatica"]);
    assert!(text.contains("never both"), "{text}");
    assert!(text.contains("--direction"), "{text}");
    for (d, other) in [("extension", "flexion"), ("flexion", "extension")] {
        let v = json(&env, &["routine", "--sciatica", "--direction", d, "--json"]);
        assert!(v["choice"].is_null());
        assert_eq!(v["direction"], d);
        let dirs: Vec<&str> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["direction"].as_str())
            .collect();
        assert!(dirs.contains(&d) && !dirs.contains(&other), "{d}: {dirs:?}");
    }
    env.cmd()
        .args(["routine", "--low-back", "--direction", "flexion"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no direction check"))
        .stderr(predicate::str::contains("routine --sciatica"));
    env.cmd()
        .args(["routine", "--sciatica", "--direction", "sideways"])
        .assert()
        .code(2);
    // Guided mode asks for the direction instead of walking through both.
    env.cmd()
        .args(["routine", "--sciatica", "--guided"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs your direction"));
}

#[test]
fn routine_view_leads_with_reassurance_and_shows_every_caution() {
    let env = Env::new();
    let exercises = json(&env, &["list", "--json"]);
    let list = json(&env, &["routine", "--list", "--json"]);
    for c in list.as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let text = run(&env, &["routine", id]);
        let v = json(&env, &["routine", id, "--json"]);
        let flat = squash(&text);
        let reassurance = squash(v["complaint"]["reassurance"].as_str().unwrap());
        let r = flat
            .find(&reassurance)
            .unwrap_or_else(|| panic!("{id}: no reassurance"));
        let stop = flat.find("further down a leg").unwrap();
        assert!(r < stop, "{id}: reassurance after the stop rules");
        assert_eq!(flat.matches("not a diagnosis").count(), 1, "{id}");
        assert!(text.contains("backfix redflags"), "{id}");
        for item in v["items"].as_array().unwrap() {
            let e = exercises
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["id"] == item["id"])
                .unwrap();
            for caution in e["cautions"].as_array().unwrap() {
                assert!(
                    flat.contains(&squash(caution.as_str().unwrap())),
                    "{id}: caution of {} missing: {caution}",
                    e["id"]
                );
            }
        }
    }
    // The stenosis warning that used to be hidden behind the first caution.
    assert!(squash(&run(&env, &["routine", "--desk"])).contains("stenosis pattern"));
}

/// The regions in data/regions.json: (code, emergency number).
fn regions() -> Vec<(String, String)> {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("../../data/regions.json")).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_string(),
                r["emergency"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn number_tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn every_region_shows_its_emergency_number_and_111_only_where_it_belongs() {
    let env = Env::new();
    let mut cases: Vec<(Option<String>, Option<String>)> = regions()
        .into_iter()
        .map(|(c, e)| (Some(c), Some(e)))
        .collect();
    cases.push((None, None));
    for (code, emergency) in cases {
        let with = |args: &[&str]| {
            let mut c = env.cmd();
            c.args(args);
            if let Some(code) = &code {
                c.env("BACKFIX_REGION", code);
            }
            let out = c.output().unwrap();
            assert!(out.status.success(), "{code:?} {args:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        let redflags = with(&["redflags"]);
        let routine = with(&["routine", "--sciatica"]);
        let check = {
            let mut c = env.cmd();
            c.arg("check").write_stdin("y\nn\ny\n");
            if let Some(code) = &code {
                c.env("BACKFIX_REGION", code);
            }
            let out = c.output().unwrap();
            assert_eq!(out.status.code(), Some(4));
            String::from_utf8(out.stdout).unwrap()
        };
        let call = match &emergency {
            Some(e) => format!("Call {e}"),
            None => "your local emergency number".to_string(),
        };
        assert!(redflags.contains(&call), "{code:?} redflags: {call}");
        assert!(check.contains(&call), "{code:?} check: {call}");
        assert!(
            squash(&routine)
                .to_lowercase()
                .contains(&call.to_lowercase()),
            "{code:?} routine"
        );
        for text in [&redflags, &routine, &check] {
            for line in squash(text).split(['!', '>']) {
                if !number_tokens(line).contains(&"111") {
                    continue;
                }
                match code.as_deref() {
                    Some("GB") => assert!(
                        line.contains("NHS 111") || line.contains("NHS 24 on 111"),
                        "{line}"
                    ),
                    Some("NZ") => assert!(line.to_lowercase().contains("call 111"), "{line}"),
                    other => panic!("{other:?}: 111 shown: {line}"),
                }
            }
        }
        let mut c = env.cmd();
        c.args(["redflags", "--json"]);
        if let Some(code) = &code {
            c.env("BACKFIX_REGION", code);
        }
        let v: serde_json::Value = serde_json::from_slice(&c.output().unwrap().stdout).unwrap();
        assert_eq!(v["region"]["code"].as_str(), code.as_deref());
        let contact = v["tiers"][0]["contact"].as_str().unwrap();
        assert!(contact.contains(&call), "{code:?}: {contact}");
        let v = json(&env, &["routine", "--desk", "--json"]);
        if code.is_none() {
            assert!(v["region"]["code"].is_null());
            assert_eq!(v["region"]["from"], "none");
        }
    }
}

#[test]
fn region_comes_from_env_then_config_then_locale() {
    let env = Env::new();
    let region = |vars: &[(&str, &str)]| {
        let mut c = env.cmd();
        c.args(["paths", "--json"]);
        for (k, v) in vars {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["region"]["code"].as_str().map(String::from),
            v["region"]["from"].as_str().unwrap().to_string(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    assert_eq!(region(&[]).0, None);
    let (c, from, _) = region(&[("LANG", "en_AU.UTF-8")]);
    assert_eq!((c.as_deref(), from.as_str()), (Some("AU"), "LANG"));
    let (c, from, _) = region(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "en_NZ.UTF-8")]);
    assert_eq!((c.as_deref(), from.as_str()), (Some("NZ"), "LC_ALL"));
    std::fs::create_dir_all(env.config()).unwrap();
    std::fs::write(env.config().join("config.toml"), "region = \"ie\"\n").unwrap();
    let (c, from, _) = region(&[("LANG", "en_GB.UTF-8")]);
    assert_eq!((c.as_deref(), from.as_str()), (Some("IE"), "config"));
    let (c, from, _) = region(&[("LANG", "en_GB.UTF-8"), ("BACKFIX_REGION", "us")]);
    assert_eq!(
        (c.as_deref(), from.as_str()),
        (Some("US"), "BACKFIX_REGION")
    );
    // A malformed file is named with line and column, and ignored.
    std::fs::write(env.config().join("config.toml"), "# mine\nregion = GB\n").unwrap();
    let (c, from, err) = region(&[("LANG", "en_CA.UTF-8")]);
    assert_eq!((c.as_deref(), from.as_str()), (Some("CA"), "LANG"));
    assert!(err.contains("config.toml:2:"), "{err}");
    assert!(err.contains("warning"), "{err}");
    let text = run(&env, &["paths"]);
    assert!(text.contains("region"), "{text}");
}

fn user_routine(id: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "name": format!("My {id}"),
        "about": "My own routine.",
        "reassurance": "Most pain settles.",
        "items": [{"exercise": "walking", "priority": 1}],
        "do": ["Keep moving."],
        "donts": ["Rest in bed."],
        "see_professional": ["If it gets worse."],
        "red_flags": [{"text": "Numbness around the genitals.", "tier": "emergency"}],
        "sources": ["nice-ng59"]
    })
}

#[test]
fn user_routines_are_offered_by_name_and_reserved_names_refused() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    let routines = serde_json::json!([
        user_routine("my-knee"),
        user_routine("list"),
        user_routine("remind")
    ]);
    std::fs::write(env.config().join("routines.json"), routines.to_string()).unwrap();
    let out = env.cmd().args(["routine", "--list"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("my-knee"), "{text}");
    assert!(!text.contains("--my-knee"), "{text}");
    assert!(text.contains("--sciatica"), "{text}");
    assert!(err.contains("ignoring your routine 'list'"), "{err}");
    assert!(err.contains("ignoring your routine 'remind'"), "{err}");
    assert!(err.contains("a name backfix uses itself"), "{err}");
    let v = json(&env, &["routine", "--list", "--json"]);
    let mine = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "my-knee")
        .unwrap();
    assert!(mine["flag"].is_null());
    assert_eq!(mine["command"], "backfix routine my-knee");
    assert!(run(&env, &["routine", "my-knee"]).starts_with("My my-knee"));
}

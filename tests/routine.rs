//! `routine`, `redflags` and `check`, through the real binary.

mod common;

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
            assert_eq!(sum, v["total_seconds"].as_u64().unwrap());
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

#[test]
fn check_all_no_is_reassuring_exit_0() {
    let env = Env::new();
    let (e, u) = questions(&env);
    env.cmd()
        .arg("check")
        .write_stdin("n\n".repeat(e + u))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No warning signs reported"))
        .stdout(predicate::str::contains("not a diagnosis"));
}

#[test]
fn check_emergency_yes_stops_at_once_exit_4() {
    let env = Env::new();
    env.cmd()
        .arg("check")
        .write_stdin("n\ny\n")
        .assert()
        .code(4)
        .stdout(predicate::str::contains("emergency number"))
        .stdout(predicate::str::contains("You said yes to"));
}

#[test]
fn check_urgent_yes_exit_3() {
    let env = Env::new();
    let (e, _) = questions(&env);
    let answers = format!("{}maybe\ny\n", "no\n".repeat(e));
    env.cmd()
        .arg("check")
        .write_stdin(answers)
        .assert()
        .code(3)
        .stdout(predicate::str::contains("Please answer y or n"))
        .stdout(predicate::str::contains("doctor today"));
}

#[test]
fn check_with_too_few_answers_is_a_usage_error() {
    Env::new()
        .cmd()
        .arg("check")
        .write_stdin("n\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answers ran out"));
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
    let envs: String = env
        .vars()
        .iter()
        .map(|(k, v)| format!("{k}='{v}' "))
        .collect();
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
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
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

//! The real binary, end to end: output, errors, exit codes, colour, pipes
//! and the user's own data.

mod common;

use common::{Env, golden};
use predicates::prelude::*;
use std::process::Stdio;

fn stdout(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn no_arguments_prints_an_overview() {
    let env = Env::new();
    env.cmd()
        .assert()
        .success()
        .stdout(predicate::str::contains("backfix show glute bridge"))
        .stdout(predicate::str::contains("backfix routine --sciatica"))
        .stdout(predicate::str::contains("backfix remind --every 45m"));
}

#[test]
fn help_and_version() {
    let env = Env::new();
    env.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    for sub in [
        "list",
        "show",
        "search",
        "routine",
        "redflags",
        "check",
        "completions",
        "paths",
    ] {
        env.cmd()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
    env.cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("backfix "));
}

#[test]
fn show_clam_golden() {
    let env = Env::new();
    golden("show-clam.txt", &stdout(&env, &["show", "clam"]));
}

#[test]
fn show_takes_several_words_any_case() {
    let env = Env::new();
    for args in [
        &["show", "glute", "bridge"][..],
        &["show", "Glute-Bridge"],
        &["show", "GLUTE", "bridge!"],
    ] {
        env.cmd()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::starts_with("Glute bridge"));
    }
}

#[test]
fn typo_gets_a_suggestion() {
    let env = Env::new();
    env.cmd()
        .args(["show", "brigde"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "backfix: error: no exercise called 'brigde'",
        ))
        .stderr(predicate::str::contains("did you mean 'glute-bridge'?"));
}

#[test]
fn ambiguous_name_lists_candidates() {
    let env = Env::new();
    env.cmd()
        .args(["show", "plank"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("matches more than one exercise"))
        .stderr(predicate::str::contains("side-plank-knees"))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn not_found_exits_1_with_a_hint() {
    let env = Env::new();
    env.cmd()
        .args(["show", "xylophone"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no exercise called 'xylophone'"))
        .stderr(predicate::str::contains("hint: run `backfix list`"));
}

#[test]
fn hostile_input_never_panics() {
    let env = Env::new();
    let long = "x".repeat(100_000);
    // Usage errors exit 2, "nothing found" exits 1.
    for (args, code) in [
        (vec!["show", ""], 2),
        (vec!["show", "   "], 2),
        (vec!["show", "--", "-"], 2),
        (vec!["show", long.as_str()], 1),
        (vec!["search", "--", "!!!"], 2),
        (vec!["search", long.as_str()], 1),
        (vec!["routine", long.as_str()], 2),
    ] {
        let out = env.cmd().args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(code), "{:?}", &args[..1]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("backfix: error:"), "{err}");
        assert!(err.len() < 2000, "error message too long");
        assert!(!err.contains("panicked"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"cl\xffam");
        env.cmd()
            .arg("show")
            .arg(bad)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("backfix: error:"));
    }
    env.cmd()
        .arg("--nonsense")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("backfix: error:"));
}

#[test]
fn works_without_home() {
    let mut c = assert_cmd::Command::cargo_bin("backfix").unwrap();
    c.env_clear().args(["show", "clam"]).assert().success();
    let mut c = assert_cmd::Command::cargo_bin("backfix").unwrap();
    c.env_clear().arg("paths").assert().success();
}

#[test]
fn json_outputs_parse() {
    let env = Env::new();
    for args in [
        &["list", "--json"][..],
        &["show", "clam", "--json"],
        &["search", "bridge", "--json"],
        &["routine", "--sciatica", "--json"],
        &["routine", "--list", "--json"],
        &["redflags", "--json"],
        &["paths", "--json"],
    ] {
        let text = stdout(&env, args);
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert!(!v.is_null());
    }
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    assert_eq!(v["id"], "clamshell");
    assert!(v["steps"].as_array().is_some_and(|s| !s.is_empty()));
    let list: serde_json::Value = serde_json::from_str(&stdout(&env, &["list", "--json"])).unwrap();
    assert!(list.as_array().unwrap().len() >= 25);
}

#[test]
fn list_filters() {
    let env = Env::new();
    let all = stdout(&env, &["list"]);
    let desk = stdout(&env, &["list", "--desk"]);
    assert!(desk.lines().count() < all.lines().count());
    assert!(desk.contains("seated-glute-stretch") && !desk.contains("pigeon-pose"));
    let strength = stdout(&env, &["list", "--category", "strength"]);
    assert!(strength.contains("clamshell") && !strength.contains("walking"));
    let glute = stdout(&env, &["list", "--target", "glute"]);
    assert!(glute.contains("glute-bridge") && !glute.contains("hamstring-stretch"));
    env.cmd()
        .args(["list", "--target", "knuckle"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no exercises match"));
    env.cmd()
        .args(["list", "--category", "yoga"])
        .assert()
        .code(2);
}

#[test]
fn search_ranks_and_says_where() {
    let env = Env::new();
    let out = stdout(&env, &["search", "outer", "hip"]);
    assert!(out.contains("matched:"));
    let first = out.lines().next().unwrap();
    assert!(!first.is_empty());
    env.cmd()
        .args(["search", "zzzz"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing matches"));
}

#[test]
fn colour_follows_flag_terminal_and_no_color() {
    let env = Env::new();
    // Piped: plain.
    assert!(!stdout(&env, &["show", "clam"]).contains('\x1b'));
    // Forced.
    assert!(stdout(&env, &["--color", "always", "show", "clam"]).contains("\x1b["));
    assert!(!stdout(&env, &["--color", "never", "show", "clam"]).contains('\x1b'));
    // On a real terminal (through `script`), colour unless NO_COLOR.
    if common::require(&["script"], "colour on a terminal") {
        let bin = assert_cmd::cargo::cargo_bin("backfix");
        let run = |no_color: bool| {
            let mut c = std::process::Command::new("script");
            c.args(["-qec", &format!("{} show clam", bin.display()), "/dev/null"])
                .env_clear();
            for (k, v) in env.vars() {
                c.env(k, v);
            }
            c.env("TERM", "xterm");
            if no_color {
                c.env("NO_COLOR", "1");
            }
            let out = c.stdin(Stdio::null()).output().expect("script");
            String::from_utf8_lossy(&out.stdout).to_string()
        };
        assert!(run(false).contains("\x1b["), "no colour on a terminal");
        assert!(!run(true).contains("\x1b["), "colour despite NO_COLOR");
    }
}

#[test]
fn closed_pipe_exits_quietly() {
    let env = Env::new();
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let mut c = std::process::Command::new(bin);
    c.env_clear();
    for (k, v) in env.vars() {
        c.env(k, v);
    }
    let out = c
        .arg("list")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // And the shell idiom.
    if common::have("sh") && common::have("head") {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "{} list | head -1; {} show clam | head -1",
                assert_cmd::cargo::cargo_bin("backfix").display(),
                assert_cmd::cargo::cargo_bin("backfix").display()
            ))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    }
}

#[test]
fn bad_user_file_warns_and_builtin_still_works() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    std::fs::write(
        env.config().join("exercises.json"),
        "[\n  {\"id\": \"x\",,}\n]\n",
    )
    .unwrap();
    env.cmd()
        .args(["show", "clam"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Clamshell"))
        .stderr(predicate::str::contains("exercises.json:2:"))
        .stderr(predicate::str::contains("backfix: warning:"));
}

#[test]
fn user_exercises_add_and_override() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    let mut clam: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    // `show --json` adds the full citations, which are not part of a record.
    clam.as_object_mut().unwrap().remove("citations");
    clam["summary"] = "My physio's version.".into();
    let mut mine = clam.clone();
    mine["id"] = "wall-sit".into();
    mine["name"] = "Wall sit".into();
    mine["aliases"] = serde_json::json!(["wall squat"]);
    let broken = serde_json::json!({"id": "broken-one", "name": "Broken", "category": "strength", "targets": ["x"], "position": "p", "desk": false,
        "summary": "s", "why": "w", "steps": ["a"], "dose": {"reps": 1, "frequency": "daily"}, "cues": ["c"], "mistakes": ["m"], "cautions": ["c"],
        "easier": ["no-such-exercise"], "sources": ["nice-ng59"]});
    std::fs::write(
        env.config().join("exercises.json"),
        serde_json::to_string(&serde_json::json!([clam, mine, broken])).unwrap(),
    )
    .unwrap();
    env.cmd()
        .args(["show", "clam"])
        .assert()
        .success()
        .stdout(predicate::str::contains("My physio's version."));
    env.cmd()
        .args(["show", "wall", "squat"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Wall sit"));
    env.cmd()
        .args(["show", "broken"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ignoring your exercise 'broken-one'",
        ))
        .stderr(predicate::str::contains("no-such-exercise"));
    // BACKFIX_CONFIG_DIR moves the config directory.
    let other = tempfile::tempdir().unwrap();
    env.cmd()
        .env("BACKFIX_CONFIG_DIR", other.path())
        .args(["show", "wall", "sit"])
        .assert()
        .code(1);
}

#[test]
fn paths_name_their_variables() {
    let env = Env::new();
    let out = stdout(&env, &["paths"]);
    assert!(out.contains("BACKFIX_CONFIG_DIR") && out.contains("BACKFIX_DATA_DIR"));
    assert!(out.contains(&env.home.path().join("config/backfix").display().to_string()));
    let moved = env
        .cmd()
        .env("BACKFIX_DATA_DIR", "/tmp/elsewhere")
        .arg("paths")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&moved.stdout).contains("/tmp/elsewhere/history.jsonl"));
}

#[test]
fn every_exercise_has_a_full_card() {
    let env = Env::new();
    let list: serde_json::Value = serde_json::from_str(&stdout(&env, &["list", "--json"])).unwrap();
    for e in list.as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        let card = stdout(&env, &["show", id]);
        for section in [
            "Why it may help",
            "Steps",
            "Dose",
            "Cautions",
            "Sources",
            "backfix redflags",
        ] {
            assert!(card.contains(section), "{id}: no {section}");
        }
        assert!(
            card.lines().all(|l| l.chars().count() <= 80),
            "{id}: a line wider than the pipe width"
        );
    }
}

#[test]
fn text_output_fits_the_pipe_width() {
    let env = Env::new();
    let mut runs: Vec<Vec<&str>> = vec![
        vec!["redflags"],
        vec!["routine", "--list"],
        vec!["remind", "--dry-run", "-n", "5"],
        vec![],
    ];
    for c in [
        "--sciatica",
        "--low-back",
        "--deep-buttock",
        "--outer-hip",
        "--desk",
        "--morning-stiffness",
    ] {
        for level in ["gentle", "standard", "harder"] {
            runs.push(vec!["routine", c, "--level", level]);
        }
    }
    for args in runs {
        let text = stdout(&env, &args);
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{args:?}: {line:?}");
        }
    }
}

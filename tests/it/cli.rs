//! The real binary, end to end: output, errors, exit codes, colour, pipes
//! and the user's own data.

use crate::common;

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
    let history = std::path::Path::new("/tmp/elsewhere").join("history.jsonl");
    assert!(String::from_utf8_lossy(&moved.stdout).contains(&history.display().to_string()));
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
        vec!["paths"],
        vec!["sources"],
        vec!["list"],
        vec!["search", "sciatica"],
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

/// Run and return (exit code, stdout, stderr).
fn run(env: &Env, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.cmd().args(args).output().expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn search_sciatica_puts_its_routine_first_and_the_figure_4_apart() {
    let env = Env::new();
    let text = stdout(&env, &["search", "sciatica"]);
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.starts_with(needle))
            .unwrap_or_else(|| panic!("no line starting {needle:?} in\n{text}"))
    };
    let apart = line_of("Not advised for sciatica");
    assert!(text.contains("backfix routine --sciatica"), "{text}");
    assert!(line_of("walking ") < apart && line_of("sciatic-nerve-slider ") < apart);
    assert!(
        line_of("piriformis-stretch ") > apart,
        "figure-4 not apart:\n{text}"
    );
    assert!(text.contains("matched:"));
    // The first two results are walking and the nerve slider, in JSON too.
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["search", "sciatica", "--json"])).unwrap();
    let hits = v.as_array().unwrap();
    let first: Vec<&str> = hits[..2]
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert!(
        first.contains(&"walking") && first.contains(&"sciatic-nerve-slider"),
        "{first:?}"
    );
    assert!(hits[..2].iter().all(|h| h["group"] == "routine"));
    let fig4 = hits
        .iter()
        .find(|h| h["id"] == "piriformis-stretch")
        .unwrap();
    assert_eq!(fig4["group"], "not_advised");
    assert!(fig4["reason"].as_str().is_some_and(|r| !r.is_empty()));
    // Groups never go back up: nothing not advised above a suggestion.
    let rank = |g: &serde_json::Value| match g.as_str().unwrap() {
        "routine" => 0,
        "match" => 1,
        "not_advised" => 2,
        "mention" => 3,
        other => panic!("unknown group {other}"),
    };
    assert!(
        hits.windows(2)
            .all(|w| rank(&w[0]["group"]) <= rank(&w[1]["group"]))
    );
}

#[test]
fn search_outer_hip_keeps_figure_4_stretches_apart() {
    let env = Env::new();
    for q in [&["outer", "hip"][..], &["hip"], &["side", "of", "hip"]] {
        let mut args = vec!["search"];
        args.extend(q);
        args.push("--json");
        let v: serde_json::Value = serde_json::from_str(&stdout(&env, &args)).unwrap();
        let hits = v.as_array().unwrap();
        assert_eq!(hits[0]["group"], "routine", "{q:?}");
        for id in [
            "piriformis-stretch",
            "pigeon-pose",
            "knee-to-opposite-shoulder",
        ] {
            let h = hits.iter().find(|h| h["id"] == id);
            assert!(
                h.is_some_and(|h| h["group"] == "not_advised" && h["complaint"] == "outer-hip"),
                "{q:?}: {id} is {h:?}"
            );
        }
    }
}

#[test]
fn search_exit_codes_follow_grep() {
    let env = Env::new();
    let (code, out, err) = run(&env, &["search", "zzzz"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert!(err.contains("nothing matches 'zzzz'"), "{err}");
    let (code, out, _) = run(&env, &["search", "zzzz", "--json"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        serde_json::json!([])
    );
    for empty in [
        &["search", ""][..],
        &["search", "   "],
        &["search", "the", "a"],
    ] {
        let (code, _, err) = run(&env, empty);
        assert_eq!(code, Some(2), "{empty:?}");
        assert!(err.contains("needs a word"), "{empty:?}: {err}");
    }
    assert_eq!(run(&env, &["search", "bridge"]).0, Some(0));
}

#[test]
fn show_understands_how_people_type() {
    let env = Env::new();
    for (args, name) in [
        (&["show", "glute", "bridges"][..], "Glute bridge"),
        (&["show", "clamshells"], "Clamshell"),
        (&["show", "press-ups"], "Prone press-up"),
        (&["show", "me", "the", "clam"], "Clamshell"),
        (&["show", "how", "to", "do", "a", "bird", "dog"], "Bird dog"),
        (&["show", "cat", "cow"], "Cat-camel"),
    ] {
        let out = stdout(&env, args);
        assert!(
            out.starts_with(name),
            "{args:?}: {}",
            out.lines().next().unwrap_or("")
        );
    }
}

#[test]
fn show_superman_is_not_the_bird_dog() {
    let env = Env::new();
    let (code, out, err) = run(&env, &["show", "superman"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert!(err.contains("'superman' is not in backfix"), "{err}");
    assert!(err.contains("backfix show bird-dog"), "{err}");
}

#[test]
fn show_a_complaint_points_to_its_routine() {
    let env = Env::new();
    for args in [
        &["show", "stretch", "for", "sciatica"][..],
        &["show", "sciatica"],
        &["show", "exercises", "for", "leg", "pain"],
    ] {
        let (code, out, err) = run(&env, args);
        assert_eq!((code, out.as_str()), (Some(1), ""), "{args:?}");
        assert!(
            err.contains("backfix routine --sciatica"),
            "{args:?}: {err}"
        );
    }
    let (code, _, err) = run(&env, &["show", "outer", "hip", "pain"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("backfix routine --outer-hip"), "{err}");
}

#[test]
fn list_target_takes_plurals_and_empty_json_is_a_list() {
    let env = Env::new();
    assert_eq!(
        stdout(&env, &["list", "--target", "glutes"]),
        stdout(&env, &["list", "--target", "glute"])
    );
    assert_eq!(
        stdout(&env, &["list", "--target", "hamstring", "--json"]),
        stdout(&env, &["list", "--target", "hamstrings", "--json"])
    );
    let (code, out, _) = run(&env, &["list", "--target", "knuckle", "--json"]);
    assert_eq!(code, Some(1));
    assert_eq!(out.trim(), "[]");
}

/// `backfix list` on a terminal `cols` wide.
fn list_on_a_terminal(env: &Env, cols: usize) -> String {
    on_a_terminal(env, cols, "list")
}

/// `backfix <args>` on a terminal `cols` wide (through `script`), with
/// COLUMNS saying the same.
fn on_a_terminal(env: &Env, cols: usize, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let mut c = std::process::Command::new("script");
    c.args([
        "-qec",
        &format!(
            "stty cols {cols} rows 50; {} --color never {args}",
            bin.display()
        ),
        "/dev/null",
    ])
    .env_clear();
    for (k, v) in env.vars() {
        c.env(k, v);
    }
    c.env("TERM", "xterm").env("COLUMNS", cols.to_string());
    let out = c.stdin(Stdio::null()).output().expect("script");
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[test]
fn list_fits_the_width() {
    let env = Env::new();
    // Piped: the pipe width.
    let piped = stdout(&env, &["list"]);
    assert!(piped.lines().all(|l| l.chars().count() <= 80), "{piped}");
    if !common::require(&["script", "stty"], "list on a terminal") {
        return;
    }
    for cols in [40, 80, 100] {
        let text = list_on_a_terminal(&env, cols);
        assert!(text.contains("clamshell"), "{cols}: {text}");
        for line in text.lines() {
            assert!(line.chars().count() <= cols, "{cols}: {line:?}");
        }
    }
    // Wide enough, the targets column is there.
    assert!(list_on_a_terminal(&env, 100).contains("TARGETS"));
}

#[test]
fn list_cuts_cleaned_text_so_no_escape_is_split() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    let mut clam: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    clam.as_object_mut().unwrap().remove("citations");
    clam["name"] =
        "Clam \u{1b}]0;TITLE\u{7}with a very long name that must be cut somewhere".into();
    clam["targets"] = serde_json::json!(["\u{1b}[2Jglutes", "more \u{1b}]52;c;AAAA\u{7} targets"]);
    std::fs::write(
        env.config().join("exercises.json"),
        serde_json::to_string(&serde_json::json!([clam])).unwrap(),
    )
    .unwrap();
    let text = stdout(&env, &["--color", "always", "list"]);
    for line in text.lines() {
        // Only SGR colour sequences remain; nothing from the data.
        let plain = line.replace("\u{1b}[0m", "");
        assert!(
            !plain.contains('\u{7}') && !plain.contains("\u{1b}]") && !plain.contains("\u{1b}[2J"),
            "{line:?}"
        );
    }
}

#[test]
fn sources_print_every_reference_in_full() {
    let env = Env::new();
    let v: serde_json::Value = serde_json::from_str(&stdout(&env, &["sources", "--json"])).unwrap();
    let all = v.as_array().unwrap();
    assert!(all.len() >= 10);
    let text = stdout(&env, &["sources"]);
    for s in all {
        let id = s["id"].as_str().unwrap();
        assert!(text.contains(id), "{id} missing from the text list");
        assert!(
            s["citation"].as_str().is_some_and(|c| !c.is_empty()),
            "{id}"
        );
        assert!(
            s["evidence"].as_str().is_some_and(|c| !c.is_empty()),
            "{id}"
        );
        if let Some(doi) = s["doi"].as_str() {
            assert_eq!(s["link"], format!("https://doi.org/{doi}"), "{id}");
            assert!(text.contains(&format!("https://doi.org/{doi}")), "{id}");
        }
    }
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    // One source by id.
    let one = stdout(&env, &["sources", "nice-ng59"]);
    assert!(
        one.starts_with("nice-ng59") && one.contains("guideline"),
        "{one}"
    );
    assert!(one.contains("NG59"));
    let (code, out, err) = run(&env, &["sources", "no-such-source"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert!(err.contains("no source called 'no-such-source'"), "{err}");
    let (code, _, err) = run(&env, &["sources", "nice-ng95"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn show_json_carries_full_citations_and_the_card_points_to_sources() {
    let env = Env::new();
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let cites = v["citations"].as_array().unwrap();
    assert_eq!(cites.len(), ids.len());
    for (c, id) in cites.iter().zip(&ids) {
        assert_eq!(c["id"], *id);
        assert!(c["citation"].as_str().is_some_and(|t| t.len() > 20), "{c}");
        assert!(c["kind"].is_string() && c["evidence"].is_string());
    }
    let card = stdout(&env, &["show", "clam"]);
    assert!(
        card.contains(&format!("backfix sources {}", ids[0])),
        "{card}"
    );
}

#[test]
fn search_output_fits_the_width() {
    let env = Env::new();
    let queries: [&[&str]; 5] = [
        &["sciatica"],
        &["outer", "hip"],
        &["knee"],
        &["leg", "pain"],
        &["bridge"],
    ];
    for q in queries {
        let mut args = vec!["search"];
        args.extend(q);
        let text = stdout(&env, &args);
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{q:?}: {line:?}");
        }
    }
    if !common::require(&["script", "stty"], "search on a narrow terminal") {
        return;
    }
    let text = on_a_terminal(&env, 40, "search sciatica");
    assert!(text.contains("Not advised for"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 40, "{line:?}");
    }
}

// ---- Hostile data and terminal faults (issue 9) ----

/// Escape sequences and control characters a hostile data file might carry:
/// a window title (OSC 0), a clipboard write (OSC 52), clear screen, a
/// carriage return, a C1 CSI, DEL and a bidi override.
const EVIL: &str = "\u{1b}]0;TITLE\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\r\u{9b}31m\u{7f}\u{202e}";

/// Why `text` is not safe for a terminal: any ESC that does not start an SGR
/// sequence (`ESC [ digits ; m`, only allowed with `sgr_ok`), or any other
/// control character than a newline, or a bidi override.
fn unsafe_for_terminal(text: &str, sgr_ok: bool) -> Option<String> {
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        let after = &rest[i + 1..];
        let params = after.strip_prefix('[').map(|p| {
            p.len()
                - p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                    .len()
        });
        match params {
            Some(n) if sgr_ok && after[1 + n..].starts_with('m') => rest = &after[n + 2..],
            _ => {
                return Some(format!(
                    "an escape that is not SGR: {:?}",
                    &rest[i..(i + 12).min(rest.len())]
                ));
            }
        }
    }
    let stripped = strip_sgr(text);
    stripped
        .chars()
        .find(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .map(|c| format!("a control character U+{:04X}", c as u32))
}

/// `text` without its SGR sequences.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find('m').map_or(after.len(), |m| m + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A user exercise and a user routine whose every text field carries `EVIL`.
fn write_evil_files(env: &Env) {
    std::fs::create_dir_all(env.config()).unwrap();
    let mut e: serde_json::Value =
        serde_json::from_str(&stdout(env, &["show", "clam", "--json"])).unwrap();
    e["id"] = "evil-move".into();
    e["desk"] = true.into();
    e["name"] = format!("Evil{EVIL} move").into();
    e["aliases"] = serde_json::json!([]);
    e["summary"] = format!("Summary{EVIL} of the evil move").into();
    e["steps"] = serde_json::json!([format!("Step one{EVIL} done"), format!("{EVIL}")]);
    e["cautions"] = serde_json::json!([format!("Careful{EVIL}now")]);
    e["targets"] = serde_json::json!([format!("glutes{EVIL}")]);
    e["dose"]["note"] = format!("note{EVIL}").into();
    std::fs::write(
        env.config().join("exercises.json"),
        serde_json::to_string(&serde_json::json!([e])).unwrap(),
    )
    .unwrap();
    let routines: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/routines.json"))
            .unwrap(),
    )
    .unwrap();
    let mut r = routines[0].clone();
    r["id"] = "evil-routine".into();
    r["name"] = format!("Evil{EVIL} routine").into();
    r["aliases"] = serde_json::json!([]);
    r["about"] = format!("About{EVIL}").into();
    r["items"] = serde_json::json!([
        {"exercise": "evil-move", "priority": 1, "note": format!("Item note{EVIL}")},
        {"exercise": "walking", "priority": 1}
    ]);
    r["do"] = serde_json::json!([format!("Do this{EVIL}")]);
    std::fs::write(
        env.config().join("routines.json"),
        serde_json::to_string(&serde_json::json!([r])).unwrap(),
    )
    .unwrap();
}

/// Escape sequences in a user's data never reach the terminal: not piped,
/// not with `--color always` (where only the writer's own SGR styles are
/// there), not on stderr; `--json` keeps the text, escaped.
#[test]
fn escapes_in_user_data_never_reach_the_terminal() {
    let env = Env::new();
    write_evil_files(&env);
    let runs: [&[&str]; 5] = [
        &["list"],
        &["show", "evil", "move"],
        &["search", "evil"],
        &["routine", "evil-routine"],
        &["routine", "--list"],
    ];
    for args in runs {
        for color in ["never", "always"] {
            let out = env
                .cmd()
                .args(["--color", color])
                .args(args)
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(out.status.success(), "{args:?}: {err}");
            assert!(
                text.contains("Evil"),
                "{args:?}: the record is not used:\n{text}"
            );
            let sgr = color == "always";
            if let Some(why) = unsafe_for_terminal(&text, sgr) {
                panic!("{args:?} --color {color}: {why} in\n{text:?}");
            }
            if let Some(why) = unsafe_for_terminal(&err, sgr) {
                panic!("{args:?} --color {color}: {why} on stderr: {err:?}");
            }
            if sgr {
                assert!(
                    text.contains("\u{1b}["),
                    "{args:?}: --color always has no styles"
                );
            }
        }
    }
    // JSON keeps the original text, escaped, and prints nothing raw.
    let out = env
        .cmd()
        .args(["show", "evil-move", "--json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(unsafe_for_terminal(&text, false).is_none(), "{text:?}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["name"], format!("Evil{EVIL} move"));
}

/// A warning that names a bad record cleans the id it quotes, and errors
/// quote the user's own words cleaned.
#[test]
fn warnings_and_errors_are_cleaned() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    std::fs::write(
        env.config().join("exercises.json"),
        serde_json::to_string(&serde_json::json!([{"id": format!("x{EVIL}")}])).unwrap(),
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["show", &format!("no{EVIL}such")])
        .output()
        .unwrap();
    // Nothing found is exit 1.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("exercise 1 of 1"), "{err}");
    assert!(err.contains("no exercise called"), "{err}");
    assert!(unsafe_for_terminal(&err, false).is_none(), "{err:?}");
    // A usage error from the argument parser quotes the word cleaned too.
    let out = env.cmd().arg(format!("x{EVIL}")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unrecognized subcommand"), "{err}");
    assert!(unsafe_for_terminal(&err, false).is_none(), "{err:?}");
}

/// stderr follows `--color` like stdout: styled with `always`, plain with
/// `never`, even though it is not a terminal.
#[test]
fn stderr_follows_color() {
    let env = Env::new();
    let err =
        |args: &[&str]| String::from_utf8(env.cmd().args(args).output().unwrap().stderr).unwrap();
    assert!(err(&["--color", "always", "show", "xylophone"]).contains("\u{1b}["));
    assert!(err(&["--color=always", "nosuchcommand"]).contains("\u{1b}["));
    assert!(!err(&["--color", "never", "show", "xylophone"]).contains('\u{1b}'));
    assert!(!err(&["show", "xylophone"]).contains('\u{1b}'));
}

fn user_file(env: &Env, text: &[u8]) {
    std::fs::create_dir_all(env.config()).unwrap();
    std::fs::write(env.config().join("exercises.json"), text).unwrap();
}

/// One bad record no longer drops the file: the good ones are kept, and
/// each bad one is named by position and id, with the reason.
#[test]
fn bad_records_are_left_out_one_by_one() {
    let env = Env::new();
    let mut good: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    good["id"] = "wall-sit".into();
    good["name"] = "Wall sit".into();
    good["aliases"] = serde_json::json!([]);
    let records = serde_json::json!([
        {"id": "no-name", "category": "strength"},
        good,
        {"id": "odd-one", "name": "Odd", "category": "yoga"},
        42
    ]);
    user_file(&env, serde_json::to_string(&records).unwrap().as_bytes());
    let out = env.cmd().args(["show", "wall", "sit"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Wall sit"));
    assert!(
        err.contains("exercise 1 of 4 (id 'no-name'): missing field `name`"),
        "{err}"
    );
    assert!(
        err.contains("exercise 3 of 4 (id 'odd-one'): unknown variant `yoga`"),
        "{err}"
    );
    assert!(err.contains("exercise 4 of 4: invalid type"), "{err}");
    assert!(!err.contains("ignoring this file"), "{err}");
    assert_eq!(err.lines().count(), 3, "one warning per bad record:\n{err}");
    // Routines too.
    std::fs::write(
        env.config().join("routines.json"),
        r#"[{"id": "my-knee", "name": "My knee"}]"#,
    )
    .unwrap();
    env.cmd()
        .args(["show", "wall", "sit"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "routine 1 of 1 (id 'my-knee'): missing field",
        ));
}

/// A BOM is accepted; an empty file and a file that is not an array say so
/// plainly.
#[test]
fn bom_empty_and_non_array_user_files() {
    let env = Env::new();
    let mut mine: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    mine["id"] = "wall-sit".into();
    mine["name"] = "Wall sit".into();
    mine["aliases"] = serde_json::json!([]);
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend(serde_json::to_vec(&serde_json::json!([mine])).unwrap());
    user_file(&env, &bom);
    env.cmd()
        .args(["show", "wall", "sit"])
        .assert()
        .success()
        .stderr("");
    for (text, says) in [
        (&b""[..], "is empty; it should hold a JSON array"),
        (b"  \n", "is empty; it should hold a JSON array"),
        (
            b"{\"id\": \"x\"}",
            "expected a JSON array of exercise records",
        ),
        (b"[\xff]", "is not UTF-8 text"),
    ] {
        user_file(&env, text);
        let out = env.cmd().args(["show", "clam"]).output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{text:?}: {err}");
        assert!(!err.contains("column 0"), "{err}");
    }
}

/// FIFOs, devices and directories in place of a user file are refused at
/// once (no hang, no endless read), and so is a file over 16 MB.
#[cfg(unix)]
#[test]
fn only_regular_user_files_of_sane_size_are_read() {
    let env = Env::new();
    std::fs::create_dir_all(env.config()).unwrap();
    let path = env.config().join("exercises.json");
    let run = |says: &str| {
        let out = env
            .cmd()
            .args(["show", "clam"])
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{says}: {err}");
        assert!(err.contains(says), "expected {says:?}: {err}");
    };
    let fifo = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    run("is not a regular file");
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    run("is not a regular file");
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    run("is a directory, not a file");
    std::fs::remove_dir(&path).unwrap();
    let big = std::fs::File::create(&path).unwrap();
    big.set_len(17 * 1024 * 1024).unwrap();
    run("is larger than 16 MB");
}

/// A config or state directory that is a file is reported as "not a
/// directory", not "File exists".
#[test]
fn a_directory_that_is_a_file_says_not_a_directory() {
    let env = Env::new();
    let file = env.home.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let out = env
        .cmd()
        .env("BACKFIX_CONFIG_DIR", &file)
        .args(["show", "clam"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{} is not a directory", file.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "said once: {err}");
    let out = env
        .cmd()
        .env("BACKFIX_STATE_DIR", &file)
        .args(["remind", "--every", "1m", "--count", "1"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{} is not a directory", file.display())),
        "{err}"
    );
    assert!(!err.contains("File exists"), "{err}");
    // Wherever install writes (a systemd unit, an autostart entry, the
    // Windows Startup folder), a file in the way is named.
    let out = env
        .cmd()
        .env("BACKFIX_SYSTEMD_DIR", &file)
        .env("BACKFIX_AUTOSTART_DIR", &file)
        .args(["remind", "--install", "--every", "45m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{} is not a directory", file.display())),
        "{err}"
    );
}

/// A write error other than a closed pipe is an error: exit 1 and one line
/// on stderr, for help and version too. A closed pipe stays quiet.
#[cfg(unix)]
#[test]
fn write_errors_exit_1() {
    let env = Env::new();
    for args in [
        &["-h"][..],
        &["-V"],
        &["--help"],
        &["list"],
        &["show", "clam"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("backfix"));
        c.env_clear().envs(env.vars());
        let out = c.args(args).stdout(full).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?} > /dev/full: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("backfix: error: cannot write to standard output"),
            "{err}"
        );
    }
    // stdout closed (`>&-`).
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    for args in ["list", "-V"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("'{}' {args} >&-", bin.display()))
            .env("HOME", env.home.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args} >&-: {err}");
        assert!(err.contains("Bad file descriptor"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // A closed pipe is still quiet, for help too.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{b}' list | head -1 >/dev/null; echo $?; '{b}' --help | head -1 >/dev/null",
            b = bin.display()
        ))
        .env("HOME", env.home.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// An unknown subcommand that names an exercise or a complaint gets a hint
/// to the command that shows it; near misses keep clap's own tip.
#[test]
fn unknown_subcommands_that_name_things_get_a_hint() {
    let env = Env::new();
    for (args, hint) in [
        (&["clam"][..], "`backfix show clam`"),
        (&["glute", "bridge"], "`backfix show glute bridge`"),
        (&["sciatica"], "`backfix routine sciatica`"),
        (&["outer-hip"], "`backfix routine outer-hip`"),
    ] {
        env.cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("unrecognized subcommand"))
            .stderr(predicate::str::contains(hint));
    }
    env.cmd()
        .arg("lst")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a similar subcommand exists: 'list'",
        ))
        .stderr(predicate::str::contains("hint:").not());
    env.cmd()
        .arg("zzzqqq")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hint:").not());
}

/// Guided mode in a narrow terminal: the title wraps at spaces, and the
/// timer line fits the width, before and after a resize, so redrawing it
/// every 200 ms never adds lines.
#[test]
fn guided_mode_fits_a_narrow_terminal() {
    if !common::require(&["tmux"], "guided_mode_fits_a_narrow_terminal") {
        return;
    }
    let env = Env::new();
    let plan: serde_json::Value = serde_json::from_str(&stdout(
        &env,
        &["routine", "--desk", "--minutes", "3", "--json"],
    ))
    .unwrap();
    let title = format!(
        "{} — exercise 1 of {}: {}",
        plan["complaint"]["name"].as_str().unwrap(),
        plan["items"].as_array().unwrap().len(),
        plan["items"][0]["name"].as_str().unwrap()
    );
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let envs = env.shell_vars();
    let script = format!(
        "env -i {envs} TERM=xterm {} routine --desk --minutes 3 --guided; sleep 30",
        bin.display()
    );
    let tmux = common::Tmux::start(30, 40, &["sh", "-c", &script]);
    let first = tmux.wait_for("q: quit");
    let head: Vec<&str> = first.lines().take_while(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        head.join(" "),
        title,
        "the title is not wrapped at spaces:\n{first}"
    );
    tmux.send(&["Enter"]);
    tmux.wait_for("s left");
    let timer_lines = |screen: &str| screen.lines().filter(|l| l.contains("left")).count();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let screen = tmux.screen();
    assert_eq!(timer_lines(&screen), 1, "the timer line wraps:\n{screen}");
    tmux.resize(22, 40);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let screen = tmux.screen();
    assert_eq!(timer_lines(&screen), 1, "after a resize:\n{screen}");
    let timer = screen.lines().find(|l| l.contains("s left")).unwrap_or("");
    assert!(timer.chars().count() < 22, "{timer:?}");
    tmux.send(&["q"]);
}

/// A large user file whose records depend on each other in a chain, the
/// last one broken: every record is left out, quickly (one check per link
/// would take minutes), and the warnings stop after 20 with a count.
#[test]
fn a_long_chain_of_bad_records_is_quick_and_warnings_are_capped() {
    let env = Env::new();
    let template: serde_json::Value =
        serde_json::from_str(&stdout(&env, &["show", "clam", "--json"])).unwrap();
    let n = 3000;
    let records: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut r = template.clone();
            r["id"] = format!("chain-{i}").into();
            r["name"] = format!("Chain {i}").into();
            r["aliases"] = serde_json::json!([]);
            r["harder"] = serde_json::json!([]);
            r["easier"] = if i + 1 < n {
                serde_json::json!([format!("chain-{}", i + 1)])
            } else {
                serde_json::json!(["no-such-exercise"])
            };
            r
        })
        .collect();
    user_file(&env, &serde_json::to_vec(&records).unwrap());
    // The timeout only keeps a regression to quadratic checks from hanging
    // the suite; speed itself is for benchmarks, not tests.
    let out = env
        .cmd()
        .args(["show", "chain", "0"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "chain-0 must be left out");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("and 2980 more problems"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.contains("warning:")).count(),
        21,
        "{err}"
    );
}

/// `COLUMNS` sets the width when piped (and on a terminal), within 40..=100.
#[test]
fn columns_sets_the_width() {
    let env = Env::new();
    let widest = |columns: &str| {
        let out = env
            .cmd()
            .env("COLUMNS", columns)
            .args(["show", "clam"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let at_60 = widest("60");
    assert!(at_60 <= 60 && at_60 > 50, "{at_60}");
    assert!(widest("10") <= 40, "clamped to 40");
    let wide = widest("300");
    assert!(wide <= 100 && wide > 80, "clamped to 100: {wide}");
    assert!(widest("junk") <= 80, "not a number: the pipe width");
}

/// On a terminal too, `COLUMNS` wins over the terminal's own width.
#[test]
fn columns_wins_on_a_terminal() {
    if !common::require(&["tmux"], "columns_wins_on_a_terminal") {
        return;
    }
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("backfix");
    let envs = env.shell_vars();
    let widest = |columns: &str| {
        let script = format!(
            "env -i {envs} {columns} TERM=xterm {} show clam; echo END; sleep 30",
            bin.display()
        );
        let tmux = common::Tmux::start(100, 80, &["sh", "-c", &script]);
        let screen = tmux.wait_for("END");
        screen
            .lines()
            .map(|l| l.trim_end().chars().count())
            .max()
            .unwrap_or(0)
    };
    let own = widest("");
    assert!(own > 60, "the terminal's width (100) is used: {own}");
    let set = widest("COLUMNS=60");
    assert!(set <= 60 && set > 50, "COLUMNS=60: {set}");
}

/// The reminder's terminal fallback (no notification server) cleans the
/// exercise's text too: only its own bell is there.
#[test]
fn the_reminder_fallback_cleans_data() {
    // On Windows (Wine in CI) too: there the toast is refused at once and the
    // reminder goes to the terminal.
    let env = Env::new();
    write_evil_files(&env);
    let out = env
        .cmd()
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .args([
            "remind",
            "--for",
            "evil-routine",
            "--every",
            "1s",
            "--count",
            "2",
        ])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Evil"),
        "the evil exercise was not suggested:\n{text}"
    );
    let without_bells = text.replace("\u{7}[", "[");
    if let Some(why) = unsafe_for_terminal(&without_bells, false) {
        panic!("{why} in {text:?}");
    }
}

#[test]
fn color_and_help_are_the_same_whichever_way_clap_is_given_them() {
    // `main` gives the global --color and the help width only to the
    // subcommand it parses, where clap copies them into every subcommand;
    // each subcommand's help (nested ones too) must read as in the full tree.
    let env = Env::new();
    let tree = backfix::cli::command();
    let mut paths: Vec<Vec<String>> = Vec::new();
    for sub in tree.get_subcommands() {
        paths.push(vec![sub.get_name().to_string()]);
        for nested in sub.get_subcommands() {
            paths.push(vec![
                sub.get_name().to_string(),
                nested.get_name().to_string(),
            ]);
        }
    }
    assert!(paths.len() > 21, "{paths:?}");
    for path in &paths {
        let mut cmd = tree.clone();
        for name in path {
            cmd = cmd.find_subcommand(name).expect("subcommand").clone();
        }
        let expected = cmd.term_width(100).render_help().to_string();
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("-h");
        // Wider than the help width, which must still cap it.
        let out = env
            .cmd()
            .env("COLUMNS", "150")
            .args(&args)
            .output()
            .expect("run");
        // On Windows clap names the program as started, `backfix.exe`.
        let shown = String::from_utf8_lossy(&out.stdout).replace("backfix.exe", "backfix");
        assert_eq!(shown, expected, "{path:?}");
    }
    // --color anywhere, in either form; the last one counts.
    assert!(stdout(&env, &["show", "clam", "--color", "always"]).contains("\x1b["));
    assert!(stdout(&env, &["show", "--color=always", "clam"]).contains("\x1b["));
    let both = ["--color", "always", "show", "clam", "--color", "never"];
    assert!(!stdout(&env, &both).contains('\x1b'));
    // A nested subcommand takes it too (not a usage error, exit 2).
    let nested = ["remind", "status", "--color", "always", "--format", "plain"];
    let code = env.cmd().args(nested).output().expect("run").status.code();
    assert_ne!(code, Some(2));
}

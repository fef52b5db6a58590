//! The programme, first part (issue 11): the lessons and the flare-up plan,
//! their data rules, and the real binary in a clean environment. The
//! progression rules are unit-tested in `src/programme/progression/tests.rs`.

use crate::common;

use backfix::catalog::Catalog;
use backfix::catalog::builtin::{FLARE, LESSONS, SOURCES};
use backfix::catalog::matching::{Resolution, resolve};
use backfix::commands::learn::{WORDS_PER_MINUTE, lesson_for_day, minutes, words};
use backfix::model::{FlareSection, Lesson};
use serde_json::Value;
use std::collections::HashSet;

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn compiled_lessons_and_flare_plan_equal_the_json_files() {
    let lessons: Vec<Lesson> =
        serde_json::from_str(include_str!("../../data/lessons.json")).expect("lessons.json");
    let flare: Vec<FlareSection> =
        serde_json::from_str(include_str!("../../data/flare.json")).expect("flare.json");
    assert_eq!(LESSONS, &lessons[..]);
    assert_eq!(FLARE, &flare[..]);
}

#[test]
fn at_least_twelve_lessons_with_kebab_ids_and_the_required_topics() {
    assert!(LESSONS.len() >= 12, "{}", LESSONS.len());
    let mut ids = HashSet::new();
    for l in LESSONS {
        assert!(is_kebab(&l.id), "{}", l.id);
        assert!(ids.insert(l.id.to_string()), "{} twice", l.id);
        assert!(!l.title.trim().is_empty() && !l.summary.trim().is_empty());
        assert!(!l.paragraphs.is_empty() && !l.try_this.trim().is_empty());
    }
    for id in [
        "hurt-is-not-harm",
        "scans",
        "outlook",
        "keep-moving",
        "flare-is-not-a-setback",
        "sleep",
        "stress-mood-and-pain",
        "medicines",
        "lifting-with-confidence",
        "work-and-sitting",
        "when-to-seek-help",
    ] {
        assert!(ids.contains(id), "missing lesson {id}");
    }
    for s in FLARE {
        assert!(is_kebab(&s.id), "{}", s.id);
        assert!(!s.points.is_empty(), "{}", s.id);
    }
}

#[test]
fn every_lesson_and_flare_section_cites_known_sources() {
    let known: HashSet<&str> = SOURCES.iter().map(|s| &*s.id).collect();
    for l in LESSONS {
        assert!(!l.sources.is_empty(), "{} cites nothing", l.id);
        for s in l.sources.iter() {
            assert!(known.contains(&**s), "{}: unknown source {s}", l.id);
        }
    }
    for f in FLARE {
        assert!(!f.sources.is_empty(), "{} cites nothing", f.id);
        for s in f.sources.iter() {
            assert!(known.contains(&**s), "{}: unknown source {s}", f.id);
        }
    }
    for s in backfix::programme::cited_sources() {
        assert!(known.contains(s), "unknown source {s}");
    }
    // The validation can fail: a made-up id is not known.
    assert!(!known.contains("made-up-2099"));
}

#[test]
fn every_lesson_takes_about_two_minutes_to_read() {
    // 1.5 to 2.5 minutes at the reading speed used for the label.
    let (low, high) = (WORDS_PER_MINUTE * 3 / 2, WORDS_PER_MINUTE * 5 / 2);
    for l in LESSONS {
        let n = words(l);
        assert!((low..=high).contains(&n), "{}: {n} words", l.id);
        assert_eq!(minutes(l), 2, "{}", l.id);
    }
}

#[test]
fn lessons_say_what_the_brief_verified_and_not_what_it_did_not() {
    let text = |id: &str| {
        let l = LESSONS.iter().find(|l| l.id == id).expect(id);
        format!("{} {} {}", l.summary, l.paragraphs.join(" "), l.try_this)
    };
    let all = format!(
        "{}{}",
        include_str!("../../data/lessons.json"),
        include_str!("../../data/flare.json")
    )
    .to_lowercase();
    // Unverified or wrong claims (clinical brief and addendum).
    for claim in [
        "90%",
        "90 per cent",
        "80%",
        "70% recur",
        "7 in 10 people have a recurrence",
        "walkback goal",
        "walkback protocol",
        "somewhat hard",
        "meaningless.",
        "bed rest helps",
    ] {
        assert!(!all.contains(claim), "states '{claim}'");
    }
    // Medicines per NICE NG59.
    let m = text("medicines");
    for must in [
        "lowest dose",
        "shortest time",
        "Paracetamol on its own is not recommended",
        "should not be offered for long-lasting back pain or long-lasting sciatica",
        "for new sciatica NICE makes no recommendation",
        "gabapentin and pregabalin",
    ] {
        assert!(m.contains(must), "medicines lacks '{must}'");
    }
    // Scans: common without pain, and the nuance under 50.
    let s = text("scans");
    assert!(s.contains("3,110") && s.contains("often not the cause"));
    assert!(s.contains("up to about 50"));
    // The outlook is honest about the people who take longer.
    let o = text("outlook");
    assert!(o.contains("7 in 10 had fully recovered by a year"), "{o}");
    // Posture: the next one; walking goal attributed to WHO, not WalkBack.
    assert!(text("work-and-sitting").contains("The best posture is the next one"));
    let w = text("walking");
    assert!(w.contains("World Health Organization") && w.contains("30 minutes"));
    // A flare: 2 to 7 days, and rebuilding from a lower amount.
    let f = text("flare-is-not-a-setback");
    assert!(f.contains("2 to 7 days") && f.contains("at least a week"));
}

#[test]
fn every_lesson_is_found_by_its_id_title_and_topics() {
    for (i, l) in LESSONS.iter().enumerate() {
        let keys = std::iter::once(&l.id)
            .chain(std::iter::once(&l.title))
            .chain(l.aliases.iter());
        for k in keys {
            match resolve(k, LESSONS) {
                Resolution::Found(j) => assert_eq!(j, i, "{k}"),
                other => panic!("{k}: {other:?}"),
            }
        }
    }
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn learn_lists_the_lessons() {
    let env = common::Env::new();
    for args in [&["learn"][..], &["learn", "--list"][..]] {
        let out = env.cmd().args(args).output().expect("run");
        assert!(out.status.success());
        let text = stdout(&out);
        for l in LESSONS {
            assert!(
                text.contains(&*l.id) && text.contains(&*l.title),
                "{}",
                l.id
            );
        }
    }
    let out = env
        .cmd()
        .args(["learn", "--list", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), LESSONS.len());
    assert!(
        list.iter()
            .all(|e| e["minutes"] == 2 && e["command"].as_str().is_some())
    );
}

#[test]
fn learn_finds_a_lesson_loosely_and_cites_it() {
    let env = common::Env::new();
    for (q, id) in [
        (&["learn", "MRI"][..], "scans"),
        (
            &["learn", "hurt", "is", "not", "harm"][..],
            "hurt-is-not-harm",
        ),
        (&["learn", "painkillers"][..], "medicines"),
        (&["learn", "flare"][..], "flare-is-not-a-setback"),
        (&["learn", "posture"][..], "work-and-sitting"),
    ] {
        let out = env.cmd().args(q).output().expect("run");
        assert!(out.status.success(), "{q:?}: {}", stderr(&out));
        let l = LESSONS.iter().find(|l| l.id == id).expect(id);
        let text = stdout(&out);
        assert!(text.starts_with(&*l.title), "{q:?}: {text}");
        assert!(text.contains("about 2 minutes to read"));
        assert!(text.contains(&format!("backfix sources {}", l.sources[0])));
        assert!(text.contains("not a diagnosis") && text.contains("backfix redflags"));
    }
    let out = env
        .cmd()
        .args(["learn", "medicines", "--json"])
        .output()
        .expect("run");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["id"], "medicines");
    let cites = v["citations"].as_array().expect("citations");
    assert!(cites.iter().any(|c| c["id"] == "williams-2014"
        && c["link"] == "https://doi.org/10.1016/S0140-6736(14)60805-9"));
}

#[test]
fn learn_misses_exit_1_and_ambiguity_exits_2() {
    let env = common::Env::new();
    let out = env.cmd().args(["learn", "zzqx"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("backfix: error: no lesson about 'zzqx'"));
    assert!(stderr(&out).contains("hint:"));
    let out = env.cmd().args(["learn", "s"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = env
        .cmd()
        .args(["learn", "--list", "scans"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

fn flare(env: &common::Env, args: &[&str]) -> std::process::Output {
    let mut c = env.cmd();
    c.arg("flare").args(args);
    c.output().expect("run")
}

#[test]
fn flare_defaults_to_low_back_with_the_regions_emergency_number() {
    let env = common::Env::new();
    let out = env
        .cmd()
        .env("BACKFIX_REGION", "GB")
        .arg("flare")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Flare-up plan: "), "{text}");
    assert!(text.contains("backfix routine --low-back --level gentle --minutes 5"));
    assert!(text.contains("2 to 7 days"));
    assert!(text.contains("Call 999"), "{text}");
    assert!(text.contains("backfix redflags") && text.contains("backfix check"));
    // Every emergency sign is listed.
    let c = Catalog::builtin();
    let emergency = c
        .tiers
        .iter()
        .find(|t| t.id == backfix::model::TierId::Emergency)
        .expect("tier");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in emergency.signs.iter() {
        let sign = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&sign), "missing sign: {sign}");
    }
    // No region: neutral wording, no national number.
    let out = flare(&env, &[]);
    let text = stdout(&out);
    assert!(text.contains("your local emergency number"));
    assert!(!text.contains("999"));
}

#[test]
fn the_first_aid_routine_is_the_routine_apis_gentle_five_minutes() {
    let env = common::Env::new();
    let c = Catalog::builtin();
    for id in backfix::cli::COMPLAINT_FLAGS {
        let flag = format!("--{id}");
        let out = flare(&env, &[&flag, "--json"]);
        assert!(out.status.success(), "{id}: {}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        let routine = env
            .cmd()
            .args([
                "routine",
                &flag,
                "--level",
                "gentle",
                "--minutes",
                "5",
                "--json",
            ])
            .output()
            .expect("routine");
        let r: Value = serde_json::from_slice(&routine.stdout).expect("routine json");
        let ids = |items: &Value| -> Vec<String> {
            items
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|i| i["id"].as_str().unwrap_or("").to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(ids(&v["first_aid"]["items"]), ids(&r["items"]), "{id}");
        assert_eq!(v["first_aid"]["total_seconds"], r["total_seconds"], "{id}");
        assert!(
            v["first_aid"]["total_seconds"].as_u64().unwrap_or(999) <= 300,
            "{id}"
        );
        // The routine's rules hold in the flare plan.
        for e in ids(&v["first_aid"]["items"]) {
            let ex = c.exercise(&e).expect("exercise");
            assert!(
                backfix::routine::plan::barred(ex, Some(id)).is_none(),
                "{id}: {e}"
            );
            assert!(!backfix::routine::plan::is_tensioner(ex), "{id}: {e}");
        }
        assert_eq!(v["sections"].as_array().map(Vec::len), Some(FLARE.len()));
        assert_eq!(v["help"]["red_flags_command"], "backfix redflags");
    }
}

#[test]
fn flare_by_name_and_bad_names() {
    let env = common::Env::new();
    let out = flare(&env, &["outer", "hip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("backfix routine --outer-hip --level gentle --minutes 5"));
    let out = flare(&env, &["no-such-thing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no complaint called"));
    let out = flare(&env, &["--sciatica", "--desk"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn own_flare_notes_come_first_cleaned() {
    let env = common::Env::new();
    let out = flare(&env, &[]);
    let text = stdout(&out);
    assert!(text.contains("flare.md"), "the hint names the file: {text}");
    std::fs::create_dir_all(env.config()).expect("config dir");
    std::fs::write(
        env.config().join("flare.md"),
        "Hot bath first.\n\x1b]0;pwned\x07Call Sam: \x1b[31m07700\x1b[0m\n",
    )
    .expect("write");
    let out = flare(&env, &[]);
    assert!(out.status.success());
    let text = stdout(&out);
    let mine = text.find("Hot bath first.").expect("notes shown");
    let first_days = text.find("The first days").expect("plan");
    assert!(mine < first_days, "notes first");
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "cleaned");
    assert!(text.contains("Call Sam"));
    let v: Value = serde_json::from_slice(&flare(&env, &["--json"]).stdout).expect("json");
    assert!(
        v["own_notes"]["text"]
            .as_str()
            .unwrap_or("")
            .contains("Hot bath")
    );
}

#[test]
fn flare_txt_is_read_too_and_unreadable_notes_only_warn() {
    let env = common::Env::new();
    std::fs::create_dir_all(env.config()).expect("config dir");
    std::fs::write(env.config().join("flare.txt"), "Heat pad, then a walk.\n").expect("write");
    let out = flare(&env, &[]);
    assert!(stdout(&out).contains("Heat pad, then a walk."));
    // flare.md as a directory: a warning, and flare.txt still used.
    std::fs::create_dir_all(env.config().join("flare.md")).expect("dir");
    let out = flare(&env, &[]);
    assert!(out.status.success());
    // Windows refuses to open a directory as a file with "Access denied".
    let why = if cfg!(windows) {
        "Access denied"
    } else {
        "is a directory"
    };
    assert!(stderr(&out).contains(why), "{}", stderr(&out));
    assert!(stdout(&out).contains("Heat pad, then a walk."));
    // A FIFO is refused at once, never waited on.
    if common::have("mkfifo") {
        let fifo = env.config().join("flare.txt");
        std::fs::remove_file(&fifo).expect("rm");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let out = flare(&env, &[]);
        assert!(out.status.success());
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn help_teaches_learn_and_flare() {
    let env = common::Env::new();
    let out = env.cmd().args(["learn", "--help"]).output().expect("run");
    let text = stdout(&out);
    assert!(text.contains("Examples:") && text.contains("backfix learn scans"));
    let out = env.cmd().args(["flare", "--help"]).output().expect("run");
    let text = stdout(&out);
    assert!(text.contains("flare.md") && text.contains("backfix flare --sciatica"));
}

#[test]
fn one_lesson_a_day_in_order_then_round_again() {
    let n = LESSONS.len();
    assert_eq!(lesson_for_day(0).map(|l| &*l.id), Some("hurt-is-not-harm"));
    for (d, l) in LESSONS.iter().enumerate() {
        assert_eq!(lesson_for_day(d), Some(l));
    }
    assert_eq!(lesson_for_day(n), lesson_for_day(0));
}

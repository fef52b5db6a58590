//! Property tests for the parsers and matchers: any input, no panic, and the
//! invariants hold.

use backfix::catalog::Catalog;
use backfix::catalog::matching::{Resolution, normalize, resolve};
use proptest::prelude::*;

proptest! {
    #[test]
    fn normalize_is_idempotent_and_clean(s in ".{0,200}") {
        let n = normalize(&s);
        prop_assert_eq!(normalize(&n), n.clone());
        prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
        prop_assert!(n.chars().all(|c| c == ' ' || c.is_alphanumeric()));
    }

    #[test]
    fn resolve_never_panics_and_indexes_are_valid(s in ".{0,120}") {
        let c = Catalog::builtin();
        match resolve(&s, &c.exercises) {
            Resolution::Found(i) => prop_assert!(i < c.exercises.len()),
            Resolution::Ambiguous(v) => prop_assert!(v.len() > 1 && v.iter().all(|&i| i < c.exercises.len())),
            Resolution::NotFound { suggestions } => prop_assert!(suggestions.len() <= 3),
        }
    }

    #[test]
    fn every_id_in_any_case_and_punctuation_finds_itself(pick in any::<proptest::sample::Index>(), upper in any::<bool>(), sep in "[ _./-]") {
        let c = Catalog::builtin();
        // Any exercise, however many the data holds.
        let i = pick.index(c.exercises.len());
        let e = &c.exercises[i];
        let mut q = e.id.replace('-', &sep);
        if upper { q = q.to_uppercase(); }
        prop_assert_eq!(resolve(&q, &c.exercises), Resolution::Found(i));
    }

    #[test]
    fn search_never_panics(terms in proptest::collection::vec(".{0,30}", 0..4)) {
        let c = Catalog::builtin();
        let hits = backfix::catalog::search::search(&c.exercises, &terms);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn check_answers_parse_only_yes_or_no(s in ".{0,10}") {
        use backfix::commands::check::{Answer, parse_answer};
        if let Some(a) = parse_answer(&s) {
            let t = s.trim().to_ascii_lowercase();
            prop_assert!(matches!((a, t.as_str()), (Answer::Yes, "y" | "yes") | (Answer::No, "n" | "no")));
        }
    }
}

mod schedule_parsers {
    use backfix::remind::schedule::{
        UntilDay, format_interval, parse_clock, parse_days, parse_duration, parse_interval,
        parse_until, parse_window,
    };
    use proptest::prelude::*;
    use std::time::Duration;

    proptest! {
        #[test]
        fn durations_never_panic(s in ".{0,40}") {
            let _ = parse_duration(&s);
            let _ = parse_interval(&s);
            let _ = parse_window(&s);
            let _ = parse_days(&s);
            let _ = parse_clock(&s);
            let _ = parse_until(&s);
        }

        #[test]
        fn until_reads_back_and_never_resolves_to_the_past(
            h in 0u32..24, m in 0u32..60, day in 0u8..3, now_min in 0u32..24 * 60,
        ) {
            let text = match day {
                0 => format!("{h:02}:{m:02}"),
                1 => format!("tomorrow {h:02}:{m:02}"),
                _ => format!("2026-11-25 {h:02}:{m:02}"),
            };
            let u = parse_until(&text).unwrap();
            prop_assert_eq!(u.to_string(), text.clone());
            prop_assert_eq!(parse_until(&u.to_string()).unwrap(), u);
            let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
                .unwrap()
                .and_hms_opt(now_min / 60, now_min % 60, 30)
                .unwrap();
            match u.resolve(now) {
                Ok(t) => {
                    prop_assert!(t > now);
                    // Without a day it is today, never quietly tomorrow.
                    if u.day == UntilDay::Today {
                        prop_assert_eq!(t.date(), now.date());
                    }
                }
                Err(e) => {
                    prop_assert!(e.contains("already passed"), "{}", e);
                    prop_assert_eq!(u.day, UntilDay::Today);
                }
            }
        }

        #[test]
        fn a_capital_m_unit_is_never_taken_for_minutes(n in 1u32..1000, h in proptest::option::of(1u32..24)) {
            let typed = match h {
                Some(h) => format!("{h}h{n}M"),
                None => format!("{n}M"),
            };
            let e = parse_interval(&typed).unwrap_err();
            prop_assert!(e.contains("months") && e.contains(&typed.replace('M', "m")), "{}", e);
        }

        #[test]
        fn intervals_read_back_from_their_formatting(secs in 1u64..=24 * 3600) {
            let d = Duration::from_secs(secs);
            prop_assert_eq!(parse_interval(&format_interval(d)), Ok(d));
        }

        #[test]
        fn hours_and_minutes_in_any_spacing(h in 0u64..24, m in 1u64..60, space in any::<bool>()) {
            let s = if space { format!("{h}h {m}m") } else { format!("{h}h{m}m") };
            prop_assert_eq!(parse_duration(&s), Ok(Duration::from_secs(h * 3600 + m * 60)));
        }

        #[test]
        fn windows_read_back(a in 0u32..24 * 60, b in 0u32..24 * 60) {
            let s = format!("{:02}:{:02}-{:02}:{:02}", a / 60, a % 60, b / 60, b % 60);
            match parse_window(&s) {
                Ok(w) => {
                    prop_assert_ne!(a, b);
                    prop_assert_eq!(w.to_string(), s);
                    prop_assert!(w.length() > chrono::TimeDelta::zero() && w.length() < chrono::TimeDelta::days(1));
                }
                Err(_) => prop_assert_eq!(a, b),
            }
        }

        #[test]
        fn day_sets_read_back(bits in 1u8..128) {
            let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            let list: Vec<&str> = (0..7).filter(|i| bits & (1 << i) != 0).map(|i| names[i]).collect();
            let days = parse_days(&list.join(",")).unwrap();
            prop_assert_eq!(parse_days(&days.to_string()).unwrap(), days);
        }
    }
}

/// Hostile text through the writer, the user-file loader and the renderers:
/// no panic, nothing but newlines (and, with colour, the writer's own SGR
/// styles) among the control characters, no wrapped line wider than the
/// width, and JSON that parses back to the same record.
mod hostile {
    use backfix::catalog::Catalog;
    use backfix::catalog::user::parse_records;
    use backfix::model::Exercise;
    use backfix::output::{self, Out};
    use proptest::prelude::*;

    /// Characters that start escape sequences, move the cursor or reorder
    /// text, and the characters that make up sequences.
    const NASTY: &[char] = &[
        '\u{1b}', '\u{7}', '\r', '\n', '\t', '\u{8}', '\u{0}', '\u{7f}', '\u{9b}', '\u{9d}',
        '\u{85}', '\u{202e}', '\u{2066}', '\u{200f}', '[', ']', ';', 'm', '2', 'J', ' ', ' ', 'a',
        'é', '界', '…',
    ];

    fn nasty(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![3 => proptest::sample::select(NASTY), 1 => any::<char>()],
            0..max,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    /// Fails when `bytes` hold an ESC that is not an SGR sequence (or any
    /// ESC without colour), or another control character than a newline, or
    /// a bidi control; returns the text without its SGR sequences.
    fn terminal_safe(bytes: &[u8], color: bool) -> Result<String, TestCaseError> {
        let text = std::str::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut plain = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('\u{1b}') {
            plain.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let n = after.strip_prefix('[').map(|p| {
                p.len()
                    - p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                        .len()
            });
            match n {
                Some(n) if color && after[1 + n..].starts_with('m') => rest = &after[n + 2..],
                _ => return Err(TestCaseError::fail(format!("a raw escape in {text:?}"))),
            }
        }
        plain.push_str(rest);
        if let Some(c) = plain.chars().find(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        }) {
            return Err(TestCaseError::fail(format!("U+{:04X} in {plain:?}", c as u32)));
        }
        Ok(plain)
    }

    fn fits(plain: &str, width: usize) -> Result<(), TestCaseError> {
        for line in plain.lines() {
            let w = output::display_width(line);
            prop_assert!(w <= width, "{w} > {width}: {line:?}");
        }
        Ok(())
    }

    fn template() -> serde_json::Value {
        let c = Catalog::builtin();
        serde_json::to_value(c.exercise("clamshell").expect("clamshell")).expect("json")
    }

    prop_compose! {
        /// A user exercise with hostile text in every text field; now and
        /// then a field of the wrong type, so some records are bad.
        fn record()(
            id in "[a-z]{1,10}(-[a-z0-9]{1,6}){0,2}",
            name in nasty(50),
            summary in nasty(200),
            why in nasty(200),
            position in nasty(60),
            steps in proptest::collection::vec(nasty(150), 1..4),
            cues in proptest::collection::vec(nasty(80), 1..3),
            cautions in proptest::collection::vec(nasty(80), 1..3),
            targets in proptest::collection::vec(nasty(30), 1..3),
            aliases in proptest::collection::vec(nasty(20), 0..2),
            note in proptest::option::of(nasty(80)),
            frequency in nasty(40),
            broken in 0u8..8,
        ) -> serde_json::Value {
            let mut r = template();
            r["id"] = id.into();
            r["name"] = name.into();
            r["summary"] = summary.into();
            r["why"] = why.into();
            r["position"] = position.into();
            r["steps"] = steps.into();
            r["cues"] = cues.into();
            r["cautions"] = cautions.into();
            r["targets"] = targets.into();
            r["aliases"] = aliases.into();
            r["dose"]["frequency"] = frequency.into();
            if let Some(n) = note { r["dose"]["note"] = n.into(); }
            match broken {
                0 => r["category"] = "yoga".into(),
                1 => { r.as_object_mut().map(|o| o.remove("name")); }
                2 => r["steps"] = 7.into(),
                _ => {}
            }
            r
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn the_writer_cleans_everything_and_wraps_to_width(
            s in nasty(300),
            marker in nasty(4),
            width in 40usize..=100,
            indent in 0usize..8,
            color in any::<bool>(),
        ) {
            let style = output::WARN;
            let mut out = Out::memory(width, color);
            out.text(&s).unwrap();
            out.line(&s).unwrap();
            out.styled(style, &s).unwrap();
            out.styled_line(style, &s).unwrap();
            terminal_safe(out.captured(), color)?;
            let mut out = Out::memory(width, color);
            out.para(indent, &s).unwrap();
            out.hanging(indent, &marker, &s, style).unwrap();
            out.styled_para(style, indent, &s).unwrap();
            let plain = terminal_safe(out.captured(), color)?;
            fits(&plain, width)?;
            for cell_width in [0, 1, 5, 30] {
                let cell = output::cell(&s, cell_width);
                prop_assert_eq!(output::display_width(&cell), cell_width, "{:?}", cell);
                terminal_safe(cell.as_bytes(), false)?;
            }
        }

        #[test]
        fn the_loader_never_panics_on_any_text(text in nasty(300)) {
            let _ = parse_records::<Exercise>(&text, "exercises.json", "exercise");
            let _ = parse_records::<Exercise>(&format!("[{text}]"), "exercises.json", "exercise");
        }

        #[test]
        fn hostile_records_render_safely_and_round_trip_as_json(
            records in proptest::collection::vec(record(), 1..4),
            width in 40usize..=100,
            color in any::<bool>(),
        ) {
            let text = serde_json::to_string(&records).unwrap();
            let (parsed, bad) = parse_records::<Exercise>(&text, "exercises.json", "exercise")
                .map_err(TestCaseError::fail)?;
            prop_assert_eq!(parsed.len() + bad.len(), records.len());
            let ids: Vec<String> = parsed.iter().map(|e| e.id.to_string()).collect();
            let mut warnings = Vec::new();
            let catalog = Catalog::with_user(Some(parsed), None, &mut warnings, backfix::cli::reserved_complaint_ids);
            for w in &warnings {
                terminal_safe(output::clean(w).as_bytes(), false)?;
            }
            for e in catalog.exercises.iter().filter(|e| ids.contains(&e.id.to_string())) {
                let mut out = Out::memory(width, color);
                backfix::commands::show::card(&mut out, &catalog, e).unwrap();
                let plain = terminal_safe(out.captured(), color)?;
                fits(&plain, width)?;
                // A reminder's title and body go to notifications as they are.
                let r = backfix::remind::reminder(&catalog, None, &e.id).expect("reminder");
                terminal_safe(r.title.as_bytes(), false)?;
                terminal_safe(r.body.as_bytes(), false)?;
                let mut out = Out::memory(width, color);
                output::json(&mut out, e).unwrap();
                terminal_safe(out.captured(), false)?;
                let back: serde_json::Value = serde_json::from_slice(out.captured())
                    .map_err(|err| TestCaseError::fail(err.to_string()))?;
                prop_assert_eq!(back, serde_json::to_value(e).unwrap());
            }
        }
    }

    proptest! {
        // Each case runs the binary a few times: fewer cases.
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn list_search_and_show_print_hostile_records_safely(
            records in proptest::collection::vec(record(), 1..4),
            columns in 40usize..=120,
            color in any::<bool>(),
        ) {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("exercises.json"), serde_json::to_vec(&records).unwrap()).unwrap();
            let run = |args: &[&str]| {
                std::process::Command::new(assert_cmd::cargo::cargo_bin("backfix"))
                    .env_clear()
                    .env("HOME", dir.path())
                    .env("BACKFIX_CONFIG_DIR", dir.path())
                    .env("COLUMNS", columns.to_string())
                    .args(["--color", if color { "always" } else { "never" }])
                    .args(args)
                    .output()
                    .unwrap()
            };
            let list = run(&["list"]);
            prop_assert!(list.status.success());
            terminal_safe(&list.stdout, color)?;
            terminal_safe(&list.stderr, color)?;
            let json = run(&["list", "--json"]);
            terminal_safe(&json.stdout, false)?;
            let all: serde_json::Value = serde_json::from_slice(&json.stdout)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(all.as_array().is_some_and(|a| a.len() >= 30));
            for r in &records {
                let id = r["id"].as_str().unwrap_or("");
                for args in [&["show", id][..], &["search", id]] {
                    let out = run(args);
                    terminal_safe(&out.stdout, color)?;
                    terminal_safe(&out.stderr, color)?;
                }
            }
        }
    }
}

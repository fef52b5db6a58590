//! Property tests for the parsers and matchers: any input, no panic, and the
//! invariants hold.

use backfix::catalog::Catalog;
use backfix::matching::{Resolution, normalize, resolve};
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
    fn every_id_in_any_case_and_punctuation_finds_itself(i in 0usize..32, upper in any::<bool>(), sep in "[ _./-]") {
        let c = Catalog::builtin();
        let e = &c.exercises[i % c.exercises.len()];
        let mut q = e.id.replace('-', &sep);
        if upper { q = q.to_uppercase(); }
        prop_assert_eq!(resolve(&q, &c.exercises), Resolution::Found(i % c.exercises.len()));
    }

    #[test]
    fn search_never_panics(terms in proptest::collection::vec(".{0,30}", 0..4)) {
        let c = Catalog::builtin();
        let hits = backfix::search::search(&c.exercises, &terms);
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
    use backfix::schedule::{
        UntilDay, format_duration, parse_clock, parse_days, parse_duration, parse_interval,
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
            prop_assert_eq!(parse_interval(&format_duration(d)), Ok(d));
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

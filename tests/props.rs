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

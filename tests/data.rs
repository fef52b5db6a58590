//! The built-in data: schema, invariants and the health-content rules from
//! the clinical brief, checked from the data itself.

use backfix::catalog::Catalog;
use backfix::model::{Complaint, Exercise, Source, Tier};
use std::collections::HashSet;

fn catalog() -> Catalog {
    Catalog::builtin()
}

fn has_tag(e: &Exercise, tag: &str) -> bool {
    e.tags.iter().any(|t| t == tag)
}

fn routine_exercises<'a>(c: &'a Catalog, id: &str) -> Vec<&'a Exercise> {
    let complaint = c
        .complaint(id)
        .unwrap_or_else(|| panic!("no complaint {id}"));
    complaint
        .items
        .iter()
        .map(|i| c.exercise(&i.exercise).expect("exercise"))
        .collect()
}

#[test]
fn compiled_data_equals_the_json_files() {
    // build.rs turns the JSON into statics; they must say exactly what the files say.
    let exercises: Vec<Exercise> =
        serde_json::from_str(include_str!("../data/exercises.json")).unwrap();
    let complaints: Vec<Complaint> =
        serde_json::from_str(include_str!("../data/routines.json")).unwrap();
    let tiers: Vec<Tier> = serde_json::from_str(include_str!("../data/redflags.json")).unwrap();
    let sources: Vec<Source> = serde_json::from_str(include_str!("../data/sources.json")).unwrap();
    let c = catalog();
    assert_eq!(c.exercises, exercises);
    assert_eq!(c.complaints, complaints);
    assert_eq!(c.tiers, &tiers[..]);
    assert_eq!(c.sources, &sources[..]);
}

#[test]
fn catalogue_has_no_problems() {
    let problems = backfix::validate::problems(&catalog());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn validation_can_fail() {
    let mut c = catalog();
    c.exercises[1].id = c.exercises[0].id.clone();
    c.exercises[2].easier = vec!["nope".into()].into();
    c.exercises[3].sources = Vec::new().into();
    c.exercises[4].steps = Vec::new().into();
    let mut items = c.complaints[0].items.to_vec();
    items[0].dose = Some(backfix::model::Dose {
        minutes: Some(0),
        frequency: "daily".into(),
        ..Default::default()
    });
    c.exercises[5].dose.reps = Some(5000);
    c.complaints[0].items = items.into();
    let problems = backfix::validate::problems(&c);
    let text = format!("{problems:?}");
    assert!(text.contains("is already used by another record"), "{text}");
    assert!(text.contains("variant 'nope'"), "{text}");
    assert!(text.contains("'sources' must not be empty"), "{text}");
    assert!(text.contains("'steps' must not be empty"), "{text}");
    assert!(text.contains("dose values must be above zero"), "{text}");
    assert!(text.contains("dose reps must be at most 100"), "{text}");
}

#[test]
fn enough_exercises_including_the_required_ones() {
    let c = catalog();
    assert!(c.exercises.len() >= 25);
    for id in [
        "piriformis-stretch",
        "pigeon-pose",
        "wall-bridge",
        "clamshell",
        "foam-rolling-glutes",
        "walking",
        "swimming",
        "change-position",
        "glute-bridge",
        "side-lying-hip-abduction",
        "isometric-hip-abduction",
        "bird-dog",
        "dead-bug",
        "cat-camel",
        "prone-press-up",
        "prone-on-elbows",
        "knee-to-chest",
        "sciatic-nerve-slider",
        "sciatic-nerve-tensioner",
        "hip-flexor-stretch",
        "hamstring-stretch",
        "side-plank",
        "childs-pose",
        "pelvic-tilt",
        "standing-back-extension",
        "seated-glute-stretch",
    ] {
        assert!(c.exercise(id).is_some(), "missing {id}");
    }
    let c_ids: HashSet<_> = c.exercises.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(c_ids.len(), c.exercises.len());
}

#[test]
fn every_record_cites_a_source() {
    let c = catalog();
    for e in &c.exercises {
        assert!(!e.sources.is_empty(), "{}", e.id);
    }
    for comp in &c.complaints {
        assert!(!comp.sources.is_empty(), "{}", comp.id);
    }
    for t in c.tiers {
        assert!(!t.sources.is_empty(), "{:?}", t.id);
    }
}

#[test]
fn required_complaints_exist_with_cli_flags() {
    let c = catalog();
    let mut flags: Vec<&str> = [
        "sciatica",
        "low-back",
        "deep-buttock",
        "outer-hip",
        "desk",
        "morning-stiffness",
    ]
    .to_vec();
    for id in &flags {
        assert!(c.complaint(id).is_some(), "missing complaint {id}");
    }
    let mut ids: Vec<&str> = c.complaints.iter().map(|c| &*c.id).collect();
    ids.sort();
    flags.sort();
    assert_eq!(
        ids, flags,
        "every complaint needs a `routine --<id>` flag in cli.rs"
    );
}

#[test]
fn outer_hip_routine_has_no_compressive_stretches() {
    let c = catalog();
    for e in routine_exercises(&c, "outer-hip") {
        for tag in [
            "figure-4",
            "pigeon",
            "crosses-midline",
            "piriformis-stretch",
        ] {
            assert!(!has_tag(e, tag), "outer-hip routine uses {} ({tag})", e.id);
        }
    }
    let comp = c.complaint("outer-hip").unwrap();
    let donts = comp.donts.join(" ").to_lowercase();
    for needle in [
        "cross your legs",
        "hanging",
        "low",
        "painful side",
        "across the body",
    ] {
        assert!(donts.contains(needle), "outer-hip advice lacks '{needle}'");
    }
    assert!(
        comp.dos
            .join(" ")
            .to_lowercase()
            .contains("pillow between your knees")
    );
    // And every figure-4 / pigeon / cross-body stretch is marked as unsuitable there.
    for e in &c.exercises {
        if ["figure-4", "pigeon", "crosses-midline"]
            .iter()
            .any(|t| has_tag(e, t))
        {
            assert!(
                e.avoid_in.iter().any(|a| a == "outer-hip"),
                "{} should avoid outer-hip",
                e.id
            );
            assert!(
                e.cautions.join(" ").to_lowercase().contains("outer-hip"),
                "{} must warn about outer-hip pain",
                e.id
            );
        }
    }
}

#[test]
fn sciatica_routine_rests_on_walking_positions_of_ease_and_sliders() {
    let c = catalog();
    let ex = routine_exercises(&c, "sciatica");
    assert!(
        ex.iter().any(|e| e.id == "walking"),
        "sciatica needs walking"
    );
    assert!(
        ex.iter().any(|e| has_tag(e, "position-of-ease")),
        "sciatica needs a position of ease"
    );
    assert!(
        !ex.iter().any(|e| has_tag(e, "piriformis-stretch")),
        "sciatica must not rest on piriformis stretching"
    );
    assert!(
        !ex.iter().any(|e| has_tag(e, "neural-tension")),
        "no hamstring stretching into a sensitive nerve"
    );
    let slider = ex
        .iter()
        .position(|e| has_tag(e, "nerve-slider"))
        .expect("a nerve slider");
    if let Some(tensioner) = ex.iter().position(|e| has_tag(e, "nerve-tensioner")) {
        assert!(slider < tensioner, "sliders come before tensioners");
        let comp = c.complaint("sciatica").unwrap();
        let prio = |tag: &str| {
            comp.items
                .iter()
                .zip(&ex)
                .find(|(_, e)| has_tag(e, tag))
                .map(|(i, _)| i.priority)
                .unwrap()
        };
        assert!(
            prio("nerve-tensioner") > prio("nerve-slider"),
            "tensioners are dropped before sliders"
        );
    }
    let comp = c.complaint("sciatica").unwrap();
    assert!(comp.donts.join(" ").to_lowercase().contains("bed rest"));
    assert!(
        comp.donts
            .join(" ")
            .to_lowercase()
            .contains("further down the leg")
    );
}

#[test]
fn morning_stiffness_says_when_to_see_a_doctor() {
    let c = catalog();
    let comp = c.complaint("morning-stiffness").unwrap();
    let text = comp.see_professional.join(" ");
    for needle in [
        "30 minutes",
        "45",
        "3 months",
        "second half of the night",
        "movement",
        "not with rest",
        "NG65",
    ] {
        assert!(
            text.contains(needle),
            "morning stiffness advice lacks '{needle}'"
        );
    }
    assert!(
        text.contains("cannot tell you what you have"),
        "must not read as a diagnosis"
    );
}

#[test]
fn every_description_disclaims_diagnosis() {
    for comp in &catalog().complaints {
        assert!(comp.about.contains("not a diagnosis"), "{}", comp.id);
    }
}

#[test]
fn extension_exercises_carry_the_stop_rule() {
    for e in &catalog().exercises {
        if has_tag(e, "lumbar-extension") || e.category == backfix::model::Category::NerveGlide {
            let c = e.cautions.join(" ").to_lowercase();
            assert!(c.contains("stop"), "{} lacks a stop rule", e.id);
        }
    }
}

#[test]
fn red_flag_tiers_are_complete() {
    let c = catalog();
    let ids: Vec<&str> = c.tiers.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["emergency", "urgent", "review"]);
    let tier_text = |i: usize| {
        c.tiers[i]
            .signs
            .iter()
            .map(|s| s.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let emergency = tier_text(0);
    for needle in [
        "genitals",
        "peeing",
        "bowel",
        "both legs",
        "chest pain",
        "accident",
    ] {
        assert!(
            emergency.contains(needle),
            "emergency tier lacks '{needle}'"
        );
    }
    let urgent = tier_text(1);
    for needle in [
        "temperature",
        "cancer",
        "weight",
        "night",
        "foot",
        "osteoporosis",
    ] {
        assert!(urgent.contains(needle), "urgent tier lacks '{needle}'");
    }
    for t in &c.tiers[..2] {
        assert!(
            t.signs.iter().all(|s| s.question.is_some()),
            "{:?}: every sign needs a question",
            t.id
        );
    }
}

#[test]
fn unverified_claims_stay_out() {
    // The brief marks these as unverified or wrong: the data must not state them.
    let all = [
        include_str!("../data/exercises.json"),
        include_str!("../data/routines.json"),
        include_str!("../data/redflags.json"),
    ]
    .concat()
    .to_lowercase();
    for claim in [
        "80%",
        "80 per cent",
        "knee-cap",
        "kneecap replacement",
        "70% recur",
        "descending pyramid",
        "38.9",
    ] {
        assert!(!all.contains(claim), "data states '{claim}'");
    }
}

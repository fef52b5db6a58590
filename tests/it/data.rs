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
        serde_json::from_str(include_str!("../../data/exercises.json")).unwrap();
    let complaints: Vec<Complaint> =
        serde_json::from_str(include_str!("../../data/routines.json")).unwrap();
    let tiers: Vec<Tier> = serde_json::from_str(include_str!("../../data/redflags.json")).unwrap();
    let sources: Vec<Source> =
        serde_json::from_str(include_str!("../../data/sources.json")).unwrap();
    let c = catalog();
    assert_eq!(c.exercises, exercises);
    assert_eq!(c.complaints, complaints);
    assert_eq!(c.tiers, &tiers[..]);
    assert_eq!(c.sources, &sources[..]);
}

#[test]
fn catalogue_has_no_problems() {
    let problems =
        backfix::catalog::validate::problems(&catalog(), backfix::cli::reserved_complaint_ids);
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
    // A flexion-marked walk, and two items for one direction.
    items[0].direction = Some(backfix::model::Direction::Flexion);
    items[1].direction = Some(backfix::model::Direction::Extension);
    items[2].direction = Some(backfix::model::Direction::Extension);
    c.complaints[0].items = items.into();
    let problems = backfix::catalog::validate::problems(&c, backfix::cli::reserved_complaint_ids);
    let text = format!("{problems:?}");
    assert!(text.contains("is already used by another record"), "{text}");
    assert!(text.contains("variant 'nope'"), "{text}");
    assert!(text.contains("'sources' must not be empty"), "{text}");
    assert!(text.contains("'steps' must not be empty"), "{text}");
    assert!(text.contains("dose values must be above zero"), "{text}");
    assert!(text.contains("dose reps must be at most 100"), "{text}");
    assert!(
        text.contains("is marked flexion but is not tagged 'lumbar-flexion'"),
        "{text}"
    );
    assert!(
        text.contains("more than one item for the extension direction"),
        "{text}"
    );
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

/// An exercise's easier and harder versions that a routine for `complaint`
/// could swap in (those not marked as unsuitable for it).
fn variants<'a>(c: &'a Catalog, e: &Exercise, complaint: &str) -> Vec<&'a Exercise> {
    e.easier
        .iter()
        .chain(e.harder.iter())
        .filter_map(|id| c.exercise(id))
        .filter(|v| !v.avoid_in.iter().any(|a| a == complaint))
        .collect()
}

/// The routine's exercises and every variant a level could swap in.
fn reachable<'a>(c: &'a Catalog, complaint: &str) -> Vec<&'a Exercise> {
    let mut out = Vec::new();
    for e in routine_exercises(c, complaint) {
        out.push(e);
        out.extend(variants(c, e, complaint));
    }
    out
}

#[test]
fn outer_hip_routine_has_no_compressive_stretches() {
    let c = catalog();
    // Not in the routine, and not reachable through a level swap either.
    for e in reachable(&c, "outer-hip") {
        for tag in [
            "figure-4",
            "pigeon",
            "crosses-midline",
            "piriformis-stretch",
        ] {
            assert!(!has_tag(e, tag), "outer-hip can reach {} ({tag})", e.id);
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
fn outer_hip_follows_the_leap_stages() {
    let c = catalog();
    let comp = c.complaint("outer-hip").unwrap();
    let ids: Vec<&str> = comp.items.iter().map(|i| &*i.exercise).collect();
    // LEAP used no clams and no side-lying abduction early: neither is an item,
    // and clams are not reachable through a level swap at all.
    for id in ["clamshell", "side-lying-hip-abduction"] {
        assert!(!ids.contains(&id), "outer-hip starts with {id}");
    }
    assert!(
        !reachable(&c, "outer-hip")
            .iter()
            .any(|e| e.id == "clamshell"),
        "a level swap brings in clams"
    );
    // The LEAP stages: light static abduction holds, bridge then offset bridge,
    // sit-to-stand then its offset version, side-stepping.
    for id in [
        "isometric-hip-abduction",
        "glute-bridge",
        "offset-bridge",
        "sit-to-stand",
        "offset-sit-to-stand",
        "side-stepping",
    ] {
        assert!(ids.contains(&id), "outer-hip lacks {id}");
    }
    let pos = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert!(pos("glute-bridge") < pos("offset-bridge"));
    assert!(pos("sit-to-stand") < pos("offset-sit-to-stand"));
    let prio = |id: &str| comp.items[pos(id)].priority;
    assert!(
        prio("offset-bridge") > prio("glute-bridge"),
        "stage 2 after stage 1"
    );
    // Light holds at LEAP's standing dose (the one that works at a desk):
    // 5 to 15 s, 3 to 5 times a side; the lying dose is in the note.
    let iso = c.exercise("isometric-hip-abduction").unwrap();
    let hold = iso.dose.hold_seconds.unwrap();
    assert!((5..=15).contains(&hold), "hold of {hold} s");
    assert!((3..=5).contains(&iso.dose.reps.unwrap()) && iso.dose.per_side);
    assert!(iso.desk && iso.position.starts_with("standing"));
    let note = iso.dose.note.as_deref().unwrap_or_default();
    assert!(
        note.contains("lying, 5 to 10 second holds, 10 times"),
        "{note}"
    );
    // Side-lying abduction is a later stage, with its adduction caution, and
    // never part of the outer-hip routine.
    let sla = c.exercise("side-lying-hip-abduction").unwrap();
    let cautions = sla.cautions.join(" ").to_lowercase();
    assert!(cautions.contains("later stage") && cautions.contains("across"));
    // The trial was supervised by physiotherapists: say so.
    assert!(cautions.contains("physiotherapist"));
    let text = format!("{} {}", comp.about, comp.dos.join(" "));
    assert!(text.contains("14 sessions") && text.contains("8 weeks"));
    assert!(text.to_lowercase().contains("physiotherapist"));
    // Education about load is part of the programme.
    assert!(comp.dos.join(" ").to_lowercase().contains("load"));
}

#[test]
fn clamshell_does_not_claim_leap_or_send_people_onto_the_painful_hip() {
    let c = catalog();
    let clam = c.exercise("clamshell").unwrap();
    assert!(
        clam.why.contains("not supported") && clam.why.contains("did not use"),
        "{}",
        clam.why
    );
    assert!(!clam.sources.iter().any(|s| s == "leap-2018"));
    for e in [clam, c.exercise("side-lying-hip-abduction").unwrap()] {
        let steps = e.steps.join(" ");
        assert!(
            steps.contains("side that doesn't hurt") && steps.contains("never"),
            "{}: {steps}",
            e.id
        );
        assert!(!steps.contains("Finish the set, then turn over for the other side."));
    }
    // One lab study of healthy people is not "activates the most", said plainly.
    let sla = c.exercise("side-lying-hip-abduction").unwrap();
    assert!(sla.why.contains("one lab study") && sla.why.contains("healthy"));
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
    assert!(
        ex.iter().any(|e| has_tag(e, "nerve-slider")),
        "a nerve slider"
    );
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
fn sciatica_has_no_tensioner_at_any_level() {
    let c = catalog();
    for e in reachable(&c, "sciatica") {
        assert!(
            !has_tag(e, "nerve-tensioner"),
            "sciatica can reach the tensioner through {}",
            e.id
        );
    }
    // The tensioner is a later progression, offered by the slider's own page.
    let slider = c.exercise("sciatic-nerve-slider").unwrap();
    assert!(slider.harder.iter().any(|h| h == "sciatic-nerve-tensioner"));
    let note = slider.dose.note.as_deref().unwrap_or_default();
    assert!(note.contains("about two weeks"), "{note}");
    assert!(slider.why.contains("about two weeks"));
    let tensioner = c.exercise("sciatic-nerve-tensioner").unwrap();
    assert!(tensioner.avoid_in.iter().any(|a| a == "sciatica"));
    assert!(tensioner.dose.frequency.contains("about two weeks"));
}

#[test]
fn sciatica_checks_direction_and_has_one_item_per_direction() {
    use backfix::model::Direction;
    let c = catalog();
    let comp = c.complaint("sciatica").unwrap();
    let check = comp
        .items
        .iter()
        .position(|i| {
            c.exercise(&i.exercise)
                .is_some_and(|e| has_tag(e, "direction-check"))
        })
        .expect("a direction check in the sciatica routine");
    for dir in [Direction::Extension, Direction::Flexion] {
        let items: Vec<(usize, &backfix::model::RoutineItem)> = comp
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.direction == Some(dir))
            .collect();
        assert_eq!(items.len(), 1, "{dir:?}: exactly one item");
        let (pos, item) = items[0];
        assert!(check < pos, "the check comes before the {dir:?} option");
        let note = item.note.as_deref().unwrap_or_default();
        assert!(note.contains("only if it eases the leg pain"), "{note}");
        let e = c.exercise(&item.exercise).unwrap();
        let tag = match dir {
            Direction::Extension => "lumbar-extension",
            Direction::Flexion => "lumbar-flexion",
        };
        assert!(has_tag(e, tag), "{} is not {tag}", e.id);
        // A level swap must stay in the same direction.
        let other = match dir {
            Direction::Extension => "lumbar-flexion",
            Direction::Flexion => "lumbar-extension",
        };
        for v in variants(&c, e, "sciatica") {
            assert!(!has_tag(v, other), "{} swaps to {}", e.id, v.id);
        }
        // Both options carry equal weight when time is short.
        assert_eq!(item.priority, comp.items[check].priority);
    }
    // Every directional exercise in the routine is marked with its direction.
    for item in comp.items.iter() {
        let e = c.exercise(&item.exercise).unwrap();
        if has_tag(e, "lumbar-extension") || has_tag(e, "lumbar-flexion") {
            assert!(item.direction.is_some(), "{} has no direction", e.id);
        }
    }
    // The check follows the addendum: 1 to 2 minutes, eases or spreads, stop,
    // never through warning signs.
    let dc = c.exercise(&comp.items[check].exercise).unwrap();
    let steps = dc.steps.join(" ").to_lowercase();
    for needle in [
        "1 to 2 minutes",
        "eases",
        "spreads further down the leg",
        "flexion option",
        "get checked today",
        "never",
        "backfix redflags",
    ] {
        assert!(steps.contains(needle), "direction check lacks '{needle}'");
    }
}

#[test]
fn morning_stiffness_uses_the_ng65_criteria() {
    let c = catalog();
    let comp = c.complaint("morning-stiffness").unwrap();
    let ng65 = comp
        .see_professional
        .iter()
        .find(|s| s.contains("NG65"))
        .expect("an NG65 line");
    let review = c
        .tiers
        .iter()
        .find(|t| t.id == backfix::model::TierId::Review)
        .unwrap();
    let review_sign = review
        .signs
        .iter()
        .find(|s| s.text.contains("before age 45"))
        .expect("NG65 in the review tier");
    for text in [&**ng65, &*review_sign.text] {
        for needle in [
            "before age 45",
            "more than 3 months",
            "4 or more",
            "HLA-B27",
            "second half of the night",
            "buttock pain",
            "psoriasis",
            "enthesitis",
            "arthritis",
        ] {
            assert!(text.contains(needle), "lacks '{needle}': {text}");
        }
        // All nine features, listed separately.
        for n in 1..=9 {
            assert!(text.contains(&format!("({n})")), "feature {n} missing");
        }
        assert!(!text.contains("(10)"));
        // Exactly 3: NICE advises the test, and referral if positive; and
        // reassessment when new features appear.
        assert!(text.contains("With exactly 3, NICE advises an HLA-B27 blood test, and a referral if it is positive"), "{text}");
        assert!(
            text.contains("ask to be reassessed") && text.contains("inflammatory bowel disease")
        );
        assert!(!text.contains("may consider"), "{text}");
        // The old stiffness-over-30-minutes prompt is gone.
        assert!(!text.contains("30 minutes"), "{text}");
    }
    assert!(
        ng65.contains("cannot tell you what you have"),
        "must not read as a diagnosis"
    );
    // No long knee-to-chest holds straight after getting up.
    let (pos, item) = comp
        .items
        .iter()
        .enumerate()
        .find(|(_, i)| i.exercise == "knee-to-chest")
        .expect("knee-to-chest");
    assert_eq!(pos, comp.items.len() - 1, "knee-to-chest comes last");
    let dose = item.dose.as_ref().expect("a gentle dose of its own");
    assert!(
        dose.hold_seconds.is_none(),
        "no holds in the morning routine"
    );
    assert!(dose.frequency.contains("not in the first hour"));
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

fn tier(c: &Catalog, id: backfix::model::TierId) -> &Tier {
    c.tiers.iter().find(|t| t.id == id).expect("tier")
}

fn tier_text(c: &Catalog, id: backfix::model::TierId) -> String {
    tier(c, id)
        .signs
        .iter()
        .map(|s| s.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn red_flag_tiers_are_complete() {
    use backfix::model::TierId;
    let c = catalog();
    let ids: Vec<&str> = c.tiers.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["emergency", "urgent", "review"]);
    let emergency = tier_text(&c, TierId::Emergency);
    for needle in [
        "genitals",
        "peeing",
        "bowel",
        "new or worsening pain, tingling, numbness or weakness in both legs",
        "chest pain",
        "accident",
        // aortic aneurysm
        "sudden, severe pain in the back or tummy together with feeling faint",
        // spinal cord
        "walking that has become unsteady",
        // new neurology with cancer, infection or fracture risk (addendum 4)
        "new weakness or numbness in a leg, or new difficulty walking, if you have had cancer, have a fever, or might have a broken bone in the spine",
        // pregnancy
        "if you are pregnant: heavy bleeding, or collapsing",
    ] {
        assert!(
            emergency.contains(needle),
            "emergency tier lacks '{needle}'"
        );
    }
    let urgent = tier_text(&c, TierId::Urgent);
    for needle in [
        "temperature",
        "cancer",
        "weight",
        "night",
        "foot",
        "osteoporosis",
        // infection risk with fever
        "spinal surgery or a spinal injection",
        "diabetes",
        "weakened immune system",
        "injecting drugs",
        // fracture risk, with Downie 2013's strongest single clue
        "steroid tablets long-term",
        "bruise or graze over the spine",
        // spinal cord
        "like a band",
        // aortic aneurysm, not ruptured
        "pulsing",
        // pregnancy: same day via the midwife or maternity unit (addendum 4)
        "if you are pregnant: severe or unusual back pain, feeling faint, a change in your baby's movements, a fever, or signs of pre-eclampsia",
        "midwife or maternity unit today",
    ] {
        assert!(urgent.contains(needle), "urgent tier lacks '{needle}'");
    }
    let review = tier_text(&c, TierId::Review);
    for needle in [
        "first-ever",
        "pregnant",
        "midwife",
        "not designed for pregnancy",
    ] {
        assert!(review.contains(needle), "review tier lacks '{needle}'");
    }
    // Over-triage: a first episode over 50 or under 20 alone is not urgent.
    assert!(!urgent.contains("first-ever") && !emergency.contains("first-ever"));
    // Every sign of the emergency and urgent tiers keeps a yes/no question.
    for t in &c.tiers[..2] {
        for s in t.signs.iter() {
            let q = s.question.as_deref().unwrap_or_default();
            assert!(
                q.ends_with('?') && q.len() > 10,
                "{:?}: '{}' needs a question",
                t.id,
                s.text
            );
        }
    }
}

#[test]
fn hip_fracture_after_a_fall_is_an_emergency() {
    use backfix::model::TierId;
    let c = catalog();
    let emergency = tier_text(&c, TierId::Emergency);
    assert!(
        emergency.contains("after a fall")
            && emergency.contains("can't stand or put weight on the leg")
            && emergency.contains("shorter or turned outwards"),
        "{emergency}"
    );
    assert!(!tier_text(&c, TierId::Urgent).contains("put weight on the leg"));
    // Broader than "can't stand": a broken hip doesn't always stop you walking.
    assert!(emergency.contains("new hip or groin pain, especially if"));
    assert!(emergency.contains("doesn't always stop you walking"));
    let hip = c.complaint("outer-hip").unwrap();
    let fall = hip
        .red_flags
        .iter()
        .find(|f| f.text.contains("fall"))
        .expect("outer-hip names the fall");
    assert_eq!(fall.tier, TierId::Emergency);
    assert!(fall.text.contains("doesn't always stop you walking"));
    let fever = hip
        .red_flags
        .iter()
        .find(|f| f.text.contains("fever"))
        .expect("outer-hip names fever");
    assert_eq!(fever.tier, TierId::Urgent);
    assert!(fever.text.contains("Hip pain") && fever.text.contains("unwell"));
}

#[test]
fn a_red_painful_eye_is_same_day() {
    use backfix::model::TierId;
    let c = catalog();
    let eye = |t: TierId| tier_text(&c, t).contains("red, painful eye");
    assert!(eye(TierId::Urgent));
    assert!(!eye(TierId::Emergency) && !eye(TierId::Review));
    let ms = c.complaint("morning-stiffness").unwrap();
    let flag = ms
        .red_flags
        .iter()
        .find(|f| f.text.contains("eye"))
        .expect("morning stiffness names the eye");
    assert_eq!(flag.tier, TierId::Urgent);
    assert!(flag.text.contains("light") && flag.text.contains("blurred"));
    // Same day at an eye casualty or emergency department, not just "your doctor".
    let urgent = tier_text(&c, TierId::Urgent);
    assert!(
        urgent.contains("eye casualty or emergency department"),
        "{urgent}"
    );
}

/// Lowercase, without the trailing full stop.
fn norm(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

#[test]
fn one_time_frame_per_sign() {
    use backfix::model::TierId;
    use std::collections::HashMap;
    let c = catalog();
    let mut seen: HashMap<String, TierId> = HashMap::new();
    let mut all: Vec<(String, TierId)> = Vec::new();
    for t in c.tiers {
        for s in t.signs.iter() {
            all.push((norm(&s.text), t.id));
        }
    }
    for comp in &c.complaints {
        for f in comp.red_flags.iter() {
            all.push((norm(&f.text), f.tier));
        }
    }
    for (text, tier) in &all {
        if let Some(other) = seen.insert(text.clone(), *tier) {
            assert_eq!(other, *tier, "'{text}' has two time frames");
        }
        // Worsening numbness or weakness in a leg is same day everywhere;
        // only the cauda equina pattern (both legs, fast loss) is an emergency.
        if text.contains("getting worse")
            && (text.contains("numbness") || text.contains("weakness"))
            && !text.contains("both legs")
        {
            assert_eq!(*tier, TierId::Urgent, "'{text}'");
        }
    }
    // The same sign in a routine's advice says "same day" too.
    for comp in &c.complaints {
        for line in comp.see_professional.iter() {
            let l = line.to_lowercase();
            // Night pain is an urgent-tier sign: same day, not "within a few days".
            if l.contains("night") && !l.contains("ng65") {
                assert!(l.starts_with("same day"), "{}: {line}", comp.id);
            }
            if (l.contains("numbness") || l.contains("weakness"))
                && (l.contains("getting worse") || l.contains("spreading"))
            {
                assert!(l.starts_with("same day"), "{}: {line}", comp.id);
            }
        }
    }
}

/// Numbers that are somebody's emergency or health line.
const PHONE_NUMBERS: [&str; 9] = [
    "999", "111", "112", "911", "000", "811", "988", "119", "110",
];

/// Runs of digits that are not a quantity ("112 days" is a count, not a number to call).
fn phone_like_runs(s: &str) -> Vec<String> {
    const UNITS: [&str; 8] = [
        "day", "minute", "second", "week", "month", "year", "people", "trial",
    ];
    let mut runs = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let rest: String = chars[i..].iter().collect();
        let rest = rest.trim_start().to_lowercase();
        if !UNITS.iter().any(|u| rest.starts_with(u)) {
            runs.push(run);
        }
    }
    runs
}

fn assert_region_neutral(what: &str, text: &str) {
    for run in phone_like_runs(text) {
        assert!(
            !PHONE_NUMBERS.contains(&run.as_str()),
            "{what}: phone number {run} in '{text}'"
        );
    }
    for service in ["A&E", "NHS", "ambulance", "GP out of hours"] {
        assert!(!text.contains(service), "{what}: '{service}' in '{text}'");
    }
}

#[test]
fn no_phone_numbers_or_national_services_in_the_data_text() {
    // The region's numbers are rendered by the code; the data stays neutral.
    let c = catalog();
    for t in c.tiers {
        let what = format!("tier {:?}", t.id);
        for text in [&t.title, &t.summary, &t.action] {
            assert_region_neutral(&what, text);
        }
        for s in t.signs.iter() {
            assert_region_neutral(&what, &s.text);
            assert_region_neutral(&what, s.question.as_deref().unwrap_or_default());
        }
    }
    for comp in &c.complaints {
        let what = format!("complaint {}", comp.id);
        for text in [&comp.name, &comp.about, &comp.reassurance] {
            assert_region_neutral(&what, text);
        }
        for list in [&comp.dos, &comp.donts, &comp.see_professional] {
            for text in list.iter() {
                assert_region_neutral(&what, text);
            }
        }
        for f in comp.red_flags.iter() {
            assert_region_neutral(&what, &f.text);
        }
        for item in comp.items.iter() {
            assert_region_neutral(&what, item.note.as_deref().unwrap_or_default());
        }
    }
    for e in &c.exercises {
        let what = format!("exercise {}", e.id);
        for text in [&e.summary, &e.why] {
            assert_region_neutral(&what, text);
        }
        for list in [&e.steps, &e.cues, &e.mistakes, &e.cautions, &e.not_for] {
            for text in list.iter() {
                assert_region_neutral(&what, text);
            }
        }
    }
    // The checker itself catches what it should.
    let caught = std::panic::catch_unwind(|| assert_region_neutral("t", "Call 999 now"));
    assert!(caught.is_err());
}

#[test]
fn every_source_has_a_year_and_a_link() {
    let c = catalog();
    assert!(!c.sources.is_empty());
    for s in c.sources {
        assert!((1900..=2100).contains(&s.year), "{}: year {}", s.id, s.year);
        let doi = s.doi.as_deref().unwrap_or_default();
        let url = s.url.as_deref().unwrap_or_default();
        assert!(
            !doi.is_empty() || !url.is_empty(),
            "{}: no url or doi",
            s.id
        );
        if !doi.is_empty() {
            assert!(
                doi.starts_with("10.") && doi.contains('/'),
                "{}: {doi}",
                s.id
            );
        }
        if !url.is_empty() {
            assert!(url.starts_with("http"), "{}: {url}", s.id);
        }
        assert!(!s.citation.trim().is_empty() && !s.short.trim().is_empty());
    }
    // Every source is cited by something.
    let mut cited: HashSet<&str> = HashSet::new();
    for e in &c.exercises {
        cited.extend(e.sources.iter().map(|s| &**s));
    }
    for comp in &c.complaints {
        cited.extend(comp.sources.iter().map(|s| &**s));
    }
    for t in c.tiers {
        cited.extend(t.sources.iter().map(|s| &**s));
    }
    // The lessons, the flare-up plan and the progression rules (issue 11).
    cited.extend(backfix::programme::cited_sources());
    for s in c.sources {
        assert!(cited.contains(&*s.id), "{} is cited by nothing", s.id);
    }
}

#[test]
fn the_desk_routine_stays_desk_doable() {
    let c = catalog();
    for e in reachable(&c, "desk") {
        assert!(e.desk, "the desk routine can reach {}", e.id);
    }
}

#[test]
fn deep_buttock_never_reaches_pigeon() {
    let c = catalog();
    for e in reachable(&c, "deep-buttock") {
        assert!(!has_tag(e, "pigeon"), "deep-buttock reaches {}", e.id);
        assert!(
            !has_tag(e, "nerve-tensioner"),
            "deep-buttock swaps a slider for {}",
            e.id
        );
    }
    let pigeon = c.exercise("pigeon-pose").unwrap();
    assert!(pigeon.avoid_in.iter().any(|a| a == "deep-buttock"));
}

#[test]
fn every_complaint_leads_with_its_own_reassurance() {
    let c = catalog();
    let mut seen = HashSet::new();
    for comp in &c.complaints {
        assert!(comp.reassurance.len() > 30, "{}", comp.id);
        assert!(
            seen.insert(comp.reassurance.to_string()),
            "{} repeats another complaint's reassurance",
            comp.id
        );
    }
    // Acute low back pain: staying active is the main advice, said up front.
    let lb = c.complaint("low-back").unwrap();
    assert!(lb.about.contains("main advice is to stay active"));
    assert!(lb.reassurance.contains("keep moving"));
}

#[test]
fn evidence_is_described_honestly() {
    let c = catalog();
    let src = |id: &str| c.source(id).unwrap().citation.to_string();
    assert!(src("hayden-2021").contains("chronic"));
    assert!(src("fernandez-2015").contains("Advice to stay active or structured exercise"));
    assert!(src("baik-2021").contains("2021;56(9):945-951"));
    assert!(src("chen-2024").contains("not sciatica"));
    assert!(src("coppieters-2008").contains("cadaver"));
    let walking = c.exercise("walking").unwrap();
    assert!(walking.why.contains("with education") && walking.why.contains("physiotherapists"));
    let press_up = c.exercise("prone-press-up").unwrap();
    assert!(press_up.why.contains("no better than no treatment"));
    assert!(press_up.sources.iter().any(|s| s == "owen-2020"));
    for e in &c.exercises {
        assert!(
            !e.why.contains("original article"),
            "{}: 'it was in the original article' is not a reason",
            e.id
        );
        if e.sources.iter().any(|s| s == "hayden-2021") {
            assert!(
                e.why.contains("more than 3 months"),
                "{} cites Hayden 2021 without saying it is about chronic pain",
                e.id
            );
        }
    }
}

#[test]
fn unverified_claims_stay_out() {
    // The brief marks these as unverified or wrong: the data must not state them.
    let all = [
        include_str!("../../data/exercises.json"),
        include_str!("../../data/routines.json"),
        include_str!("../../data/redflags.json"),
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
        "walkback goal",
        "somewhat hard",
        // The fracture age cut-off is unverified (addendum 4).
        "over 70",
        // LEAP's "SWH" read as an effort level is unverified.
        "moderate effort",
    ] {
        assert!(!all.contains(claim), "data states '{claim}'");
    }
}

#[test]
fn the_direction_check_sends_worsening_numbness_to_same_day() {
    // Worsening numbness or weakness is same day everywhere, including in the
    // self-check: not "switch to the other direction".
    let c = catalog();
    let dc = c.exercise("direction-check").unwrap();
    for line in dc.steps.iter().chain(dc.cautions.iter()) {
        let l = line.to_lowercase();
        if l.contains("numbness") && l.contains("weakness") && !l.contains("warning signs") {
            assert!(l.contains("get checked today"), "{line}");
            assert!(!l.contains("stop at once: use the flexion"), "{line}");
        }
    }
    let comp = c.complaint("sciatica").unwrap();
    let item = comp
        .items
        .iter()
        .find(|i| i.exercise == "direction-check")
        .unwrap();
    assert!(
        item.note
            .as_deref()
            .unwrap_or_default()
            .contains("get checked today")
    );
}

/// Each of these signs belongs to one tier only.
const ONE_TIER: [(&str, backfix::model::TierId); 9] = {
    use backfix::model::TierId::*;
    [
        ("unsteady", Emergency),
        ("controlling or coordinating", Emergency),
        ("put weight on the leg", Emergency),
        ("heavy bleeding", Emergency),
        ("like a band", Urgent),
        ("pulsing", Urgent),
        ("maternity unit", Urgent),
        ("red, painful eye", Urgent),
        ("much worse at night", Urgent),
    ]
};

#[test]
fn no_sign_sits_in_two_tiers() {
    use backfix::model::TierId;
    let c = catalog();
    for (phrase, want) in ONE_TIER {
        for t in [TierId::Emergency, TierId::Urgent, TierId::Review] {
            let has = tier_text(&c, t).contains(phrase);
            assert_eq!(has, t == want, "'{phrase}' in {t:?}");
        }
        // A routine's own red flags use the same tier.
        for comp in &c.complaints {
            for f in comp.red_flags.iter() {
                if f.text.to_lowercase().contains(phrase) {
                    assert_eq!(f.tier, want, "{}: {}", comp.id, f.text);
                }
            }
        }
    }
    // The ruptured-aneurysm sign is sudden severe pain with feeling faint; a
    // pulsing tummy on its own is same day.
    let em = tier_text(&c, TierId::Emergency);
    assert!(em.contains("sudden, severe pain in the back or tummy together with feeling faint"));
}

#[test]
fn pregnancy_is_triaged_not_only_reviewed() {
    use backfix::model::TierId;
    let c = catalog();
    assert!(tier_text(&c, TierId::Emergency).contains("pregnant: heavy bleeding, or collapsing"));
    assert!(tier_text(&c, TierId::Urgent).contains("baby's movements"));
    // The review tier no longer tells a pregnant person to carry on with the routine.
    let review = tier(&c, TierId::Review);
    assert!(
        review
            .action
            .contains("if you are pregnant, ask your midwife which exercises suit you"),
        "{}",
        review.action
    );
    // `check`'s pregnancy advice: heavy bleeding or collapse is an emergency,
    // not "same day".
    let advice = backfix::commands::check::PREGNANCY_ADVICE;
    assert!(advice.contains("Heavy bleeding or collapse in pregnancy is an emergency"));
    let same_day = advice.split("emergency").last().unwrap_or_default();
    assert!(!same_day.contains("bleeding"), "{advice}");
}

#[test]
fn data_text_says_doctor_not_gp() {
    // "GP" and "surgery" are UK words; the data text is read in every region.
    let c = catalog();
    let mut texts: Vec<String> = Vec::new();
    for t in c.tiers {
        texts.extend([
            t.title.to_string(),
            t.summary.to_string(),
            t.action.to_string(),
        ]);
        texts.extend(t.signs.iter().map(|s| s.text.to_string()));
    }
    for comp in &c.complaints {
        texts.extend(comp.see_professional.iter().map(|s| s.to_string()));
        texts.extend(comp.dos.iter().map(|s| s.to_string()));
    }
    for text in texts {
        let words: Vec<&str> = text.split(|ch: char| !ch.is_alphanumeric()).collect();
        assert!(!words.contains(&"GP"), "{text}");
        assert!(!text.contains("your surgery"), "{text}");
    }
}

/// Every plan for a complaint at a level.
fn plans(
    c: &Catalog,
    complaint: &str,
) -> Vec<(backfix::model::Level, Vec<backfix::routine::plan::Planned>)> {
    use backfix::model::Level;
    let comp = c.complaint(complaint).unwrap();
    [Level::Gentle, Level::Standard, Level::Harder]
        .into_iter()
        .map(|l| (l, backfix::routine::plan::full(c, comp, l)))
        .collect()
}

#[test]
fn outer_hip_reaches_no_side_lying_work_at_any_level() {
    let c = catalog();
    for id in ["clamshell", "side-lying-hip-abduction", "single-leg-bridge"] {
        let e = c.exercise(id).unwrap();
        assert!(e.avoid_in.iter().any(|a| a == "outer-hip"), "{id}");
    }
    for e in reachable(&c, "outer-hip") {
        assert!(
            !["clamshell", "side-lying-hip-abduction", "single-leg-bridge"].contains(&&*e.id),
            "outer-hip can reach {}",
            e.id
        );
    }
    for (level, plan) in plans(&c, "outer-hip") {
        let ids: Vec<&str> = plan.iter().map(|p| p.id.as_str()).collect();
        for id in ["clamshell", "side-lying-hip-abduction", "single-leg-bridge"] {
            assert!(!ids.contains(&id), "{level:?}: {ids:?}");
        }
        // The light static holds stay holds at every level (LEAP kept them throughout).
        assert!(
            ids.contains(&"isometric-hip-abduction"),
            "{level:?}: {ids:?}"
        );
        assert!(ids.contains(&"offset-bridge"), "{level:?}: {ids:?}");
    }
}

#[test]
fn substitutes_keep_notes_that_stay_true() {
    // A substitute keeps the routine item's note (issue 8), so a note must not
    // name the exercise it was written for.
    let c = catalog();
    for comp in &c.complaints {
        for (level, plan) in plans(&c, &comp.id) {
            for p in &plan {
                let Some(from) = &p.swapped_from else {
                    continue;
                };
                let note = p.note.as_deref().unwrap_or_default().to_lowercase();
                let base = c.exercise(from).unwrap();
                assert!(
                    !note.contains(&base.name.to_lowercase()),
                    "{} {level:?}: {} carries {}'s note: {note}",
                    comp.id,
                    p.id,
                    from
                );
                for phrase in ["two-leg bridge", "abduction work", "fine in bed"] {
                    assert!(
                        !note.contains(phrase),
                        "{} {level:?}: {} (for {from}) says '{phrase}'",
                        comp.id,
                        p.id
                    );
                }
            }
        }
    }
    // Morning stiffness: the first-hour items never swap to harder work.
    for (level, plan) in plans(&c, "morning-stiffness") {
        assert_eq!(plan[0].id, "pelvic-tilt", "{level:?}");
        assert!(!plan.iter().any(|p| p.id == "dead-bug"), "{level:?}");
    }
}

#[test]
fn every_source_link_identifies_its_source() {
    // No bare journal or publisher home pages: a DOI, or a link to the page itself.
    let c = catalog();
    for s in c.sources {
        if s.doi.as_deref().is_some_and(|d| !d.is_empty()) {
            continue;
        }
        let url = s.url.as_deref().unwrap_or_default();
        let rest = url.split("://").nth(1).unwrap_or_default();
        let path = rest.split_once('/').map_or("", |(_, p)| p);
        assert!(
            !path.trim_matches('/').is_empty(),
            "{}: bare home page {url}",
            s.id
        );
    }
    let src = |id: &str| c.source(id).unwrap().citation.to_string();
    assert!(src("lin-2023").contains(
        "Neural Mobilization for Reducing Pain and Disability in Patients with Lumbar Radiculopathy: A Systematic Review and Meta-Analysis"
    ));
    assert!(src("chen-2024").contains(
        "Efficacy of neuromobilization in the treatment of low back pain: systematic review and meta-analysis"
    ));
    assert!(src("nhs-hip-fracture").contains("as reproduced by health-shared.com"));
    assert!(src("cks-red-flags").contains("the year given is the year checked"));
    // Numbers the brief cannot confirm stay out.
    assert!(!src("ellis-2012").contains("31 healthy"));
    assert!(!src("plaza-manzano-2020").contains("32 people"));
    assert!(!src("owen-2020").contains("chronic"));
    // Sources the brief and addendum don't name are gone.
    for gone in ["hscni-lbp", "mckenzie-tyob"] {
        assert!(c.source(gone).is_none(), "{gone}");
    }
}

#[test]
fn region_lines_follow_the_addendum() {
    use backfix::region::Setting;
    let gb = Setting::of("GB").urgent_line();
    assert!(gb.contains("Northern Ireland"), "{gb}");
    let au = Setting::of("AU").urgent_line();
    assert!(
        !au.contains("1800 022 222") && au.contains("1800MEDICARE"),
        "{au}"
    );
    for r in ["AU", "US", "CA", "NZ", "GB"] {
        let s = Setting::of(r);
        for line in [s.urgent_line(), s.emergency_line()] {
            assert!(!line.contains("633"), "{r}: the US Medicare line: {line}");
        }
    }
    assert!(Setting::of("CA").urgent_line().contains("Manitoba"));
    // No region: no claim that 112 works "from most mobile phones" everywhere.
    let neutral = Setting::neutral().emergency_line();
    assert!(!neutral.contains("most mobile"), "{neutral}");
    assert!(neutral.contains("your local emergency number"));
}

#[test]
fn overclaims_and_attributions_are_fixed() {
    let c = catalog();
    for id in ["offset-bridge", "offset-sit-to-stand"] {
        let e = c.exercise(id).unwrap();
        let cautions = e.cautions.join(" ");
        assert!(
            cautions.contains("tendon rehabilitation, not tested in the LEAP trial"),
            "{id}"
        );
    }
    let slb = c.exercise("single-leg-bridge").unwrap();
    assert!(slb.why.contains("from week 2") && slb.why.contains("further step"));
    let walking = c.exercise("walking").unwrap();
    assert!(walking.cautions.join(" ").contains("leg and foot problems"));
    let sciatica = c.complaint("sciatica").unwrap();
    assert!(sciatica.donts.join(" ").contains("uncommon, debated cause"));
    let db = c.complaint("deep-buttock").unwrap();
    assert!(
        db.reassurance
            .contains("evidence for specific exercises is limited")
    );
    let hip = c.complaint("outer-hip").unwrap();
    assert!(hip.dos[0].contains("come from clinical guidance (Grimaldi)"));
}

/// The routine rules hold for every shipped complaint, at every level,
/// budget and direction (the rules themselves are unit-tested in
/// `routine::plan` with fixture catalogues).
mod plans {
    use backfix::catalog::Catalog;
    use backfix::model::{Complaint, Direction, Level};
    use backfix::routine::plan::{
        DESK, Plan, Planned, SCIATICA, TooShort, barred, build, directions, is_direction_check,
        is_tensioner, movement_direction, substitute_barred, suggestions,
    };

    const LEVELS: [Level; 3] = [Level::Gentle, Level::Standard, Level::Harder];

    /// Every plan's exercises: the prescribed ones and the choice's options.
    fn everything(p: &Plan) -> Vec<&Planned> {
        p.items
            .iter()
            .chain(p.choice.iter().flat_map(|c| c.options.iter()))
            .collect()
    }

    /// The rules every plan keeps, whatever the catalogue.
    fn assert_rules(c: &Catalog, complaint: &Complaint, p: &Plan, what: &str) {
        let total: u32 = p.items.iter().map(|i| i.seconds).sum::<u32>()
            + p.choice.as_ref().map_or(0, |ch| ch.seconds);
        assert_eq!(p.total_seconds, total, "{what}: total");
        for item in everything(p) {
            let e = c.exercise(&item.id).expect("exercise");
            assert_eq!(barred(e, Some(&complaint.id)), None, "{what}: {}", e.id);
            if complaint.id == SCIATICA {
                assert!(!is_tensioner(e), "{what}: tensioner {}", e.id);
            }
            if complaint.id == DESK {
                assert!(e.desk, "{what}: {} is not desk-doable", e.id);
            }
            // The routine item it stands for keeps its note and direction.
            let from = item.swapped_from.as_deref().unwrap_or(&item.id);
            let ri = complaint
                .items
                .iter()
                .find(|i| i.exercise == from)
                .expect("routine item");
            assert_eq!(item.note, ri.note, "{what}: note of {from}");
            assert_eq!(item.direction, ri.direction, "{what}: direction of {from}");
            if let Some(base) = item.swapped_from.as_deref().and_then(|b| c.exercise(b)) {
                assert!(
                    !is_tensioner(e),
                    "{what}: {} swapped to a tensioner",
                    base.id
                );
                assert_eq!(
                    substitute_barred(e, ri, &complaint.id),
                    None,
                    "{what}: {} for {}",
                    e.id,
                    base.id
                );
            }
            if let (Some(want), Some(moves)) = (ri.direction, movement_direction(e)) {
                assert_eq!(want, moves, "{what}: {} moves the other way", e.id);
            }
        }
        // One direction per plan: prescribed items are of the plan's direction
        // (or none); without a direction every directional item is in the
        // choice, counted once (the longest direction).
        for item in &p.items {
            assert!(
                item.direction.is_none() || item.direction == p.direction,
                "{what}: {} prescribed in the wrong direction",
                item.id
            );
            if p.direction.is_some() {
                assert!(
                    !c.exercise(&item.id).is_some_and(is_direction_check),
                    "{what}: direction check with a direction"
                );
            }
        }
        if p.choice.is_none() {
            assert!(
                !p.items
                    .iter()
                    .any(|i| c.exercise(&i.id).is_some_and(is_direction_check)),
                "{what}: a direction check without a choice"
            );
        }
        match (&p.choice, p.direction) {
            (Some(_), Some(_)) => panic!("{what}: a choice with a direction"),
            (Some(ch), None) => {
                assert!(ch.at <= p.items.len());
                let longest = ch
                    .directions()
                    .into_iter()
                    .map(|d| ch.of(d).map(|o| o.seconds).sum::<u32>())
                    .max()
                    .unwrap_or(0);
                assert_eq!(ch.seconds, longest, "{what}: choice counts one direction");
            }
            (None, _) => {}
        }
    }

    #[test]
    fn shipped_catalogue_keeps_every_rule_at_every_level_budget_and_direction() {
        let c = Catalog::builtin();
        let mut plans = 0;
        for complaint in &c.complaints {
            let mut dirs: Vec<Option<Direction>> = vec![None];
            dirs.extend(directions(complaint).into_iter().map(Some));
            for level in LEVELS {
                for &dir in &dirs {
                    let budgets = std::iter::once(None).chain((1..=60).map(Some));
                    for minutes in budgets {
                        let what = format!("{} {level:?} {dir:?} {minutes:?}", complaint.id);
                        match build(&c, complaint, level, dir, minutes) {
                            Ok(p) => {
                                if let Some(m) = minutes {
                                    assert!(p.total_seconds <= u32::from(m) * 60, "{what}");
                                }
                                assert!(!p.items.is_empty() || p.choice.is_some(), "{what}");
                                assert_rules(&c, complaint, &p, &what);
                            }
                            Err(TooShort { shortest }) => {
                                let m = u32::from(minutes.expect("no budget never too short"));
                                assert!(shortest.total_seconds > m * 60, "{what}");
                                assert!(!shortest.items.is_empty() || shortest.choice.is_some());
                                assert_rules(&c, complaint, &shortest, &what);
                            }
                        }
                        plans += 1;
                    }
                }
            }
        }
        assert!(plans >= c.complaints.len() * 3 * 61);
    }

    #[test]
    fn shipped_sciatica_offers_one_direction_and_no_tensioner() {
        let c = Catalog::builtin();
        let sciatica = c.complaint(SCIATICA).expect("sciatica");
        assert!(
            directions(sciatica).len() >= 2,
            "sciatica routine should have items of both directions"
        );
        for level in LEVELS {
            let p = build(&c, sciatica, level, None, None).expect("plan");
            let ch = p.choice.as_ref().expect("a direction choice");
            assert_eq!(ch.directions().len(), 2);
            assert!(p.items.iter().all(|i| i.direction.is_none()));
            for d in [Direction::Extension, Direction::Flexion] {
                let p = build(&c, sciatica, level, Some(d), None).expect("plan");
                assert!(p.choice.is_none());
                assert!(
                    p.items.iter().any(|i| i.direction == Some(d)),
                    "{level:?} {d:?}"
                );
                assert!(p.items.iter().all(|i| i.direction.is_none_or(|x| x == d)));
            }
            assert!(
                everything(&p)
                    .iter()
                    .all(|i| !is_tensioner(c.exercise(&i.id).expect("exercise")))
            );
        }
    }

    #[test]
    fn shipped_suggestions_follow_the_plan_rules() {
        let c = Catalog::builtin();
        for e in suggestions(&c, None) {
            let e = c.exercise(&e).expect("exercise");
            assert!(
                e.desk && e.avoid_in.is_empty() && !is_tensioner(e),
                "{}",
                e.id
            );
        }
        for complaint in &c.complaints {
            let s = suggestions(&c, Some(&complaint.id));
            assert!(!s.is_empty(), "{}", complaint.id);
            for id in s {
                let e = c.exercise(&id).expect("exercise");
                assert_eq!(
                    barred(e, Some(&complaint.id)),
                    None,
                    "{} {id}",
                    complaint.id
                );
                assert!(e.desk && !is_tensioner(e), "{} {id}", complaint.id);
            }
        }
    }
}

/// Search over the shipped catalogue (the ranking itself is unit-tested in
/// `catalog::search` with a fixture catalogue).
mod search {
    use backfix::catalog::Catalog;
    use backfix::catalog::search::{Field, Group, Hit, search, search_catalog};

    fn ids(hits: &[Hit], group: Group) -> Vec<&str> {
        hits.iter()
            .filter(|h| h.group == group)
            .map(|h| h.id.as_str())
            .collect()
    }

    fn terms(q: &str) -> Vec<String> {
        q.split(' ').map(String::from).collect()
    }

    #[test]
    fn shipped_data_sciatica_hip_and_areas() {
        let c = Catalog::builtin();
        let r = search_catalog(&c, &terms("sciatica"));
        let first: Vec<&str> = r.hits.iter().take(2).map(|h| h.id.as_str()).collect();
        assert!(
            first.contains(&"walking") && first.contains(&"sciatic-nerve-slider"),
            "{first:?}"
        );
        for id in ["piriformis-stretch", "hamstring-stretch"] {
            let h = r.hits.iter().find(|h| h.id == id).expect(id);
            assert_eq!(h.group, Group::NotAdvised, "{id}");
            assert!(h.reason.is_some());
        }
        // Every exercise whose record says to avoid it in a complaint is
        // apart when that complaint is searched for, by id or by alias.
        for complaint in &c.complaints {
            let mut queries = vec![complaint.id.to_string()];
            queries.extend(complaint.aliases.iter().map(|a| a.to_string()));
            for q in queries {
                let r = search_catalog(&c, &terms(&q));
                for e in c
                    .exercises
                    .iter()
                    .filter(|e| e.avoid_in.contains(&complaint.id))
                {
                    let h = r.hits.iter().find(|h| h.id == e.id);
                    assert!(
                        h.is_some_and(|h| h.group == Group::NotAdvised),
                        "{q}: {} is {h:?}",
                        e.id
                    );
                }
            }
        }
        for (q, id) in [
            ("hip", "outer-hip"),
            ("sore hip", "outer-hip"),
            ("outer hip", "outer-hip"),
            ("leg pain", "sciatica"),
            ("back", "low-back"),
        ] {
            let r = search_catalog(&c, &terms(q));
            assert_eq!(r.complaint.map(|c| c.id), Some(id.to_string()), "{q}");
        }
        // "hip flexor" is not hip pain.
        assert!(search_catalog(&c, &terms("hip flexor")).complaint.is_none());
        let r = search_catalog(&c, &terms("outer hip"));
        assert!(ids(&r.hits, Group::Routine).len() >= 3);
        assert!(ids(&r.hits, Group::NotAdvised).contains(&"piriformis-stretch"));
    }

    #[test]
    fn names_still_rank_above_mentions() {
        let c = Catalog::builtin();
        let hits = search(&c.exercises, &["bridge".into()]);
        assert!(hits.len() >= 3);
        assert_eq!(
            hits[0].id, "glute-bridge",
            "the alias 'bridge' names it exactly"
        );
        assert!(hits[0].fields.contains(&Field::Name));
        assert!(search(&c.exercises, &["hamstring".into(), "zzzz".into()]).is_empty());
        assert!(search(&c.exercises, &["--".into()]).is_empty());
    }
}

/// Every shipped name, alias and id finds its own exercise however it is
/// typed: with filler words, or as a plural (no two records collide).
#[test]
fn every_shipped_name_with_filler_or_a_plural_finds_itself() {
    use backfix::catalog::matching::{Resolution, resolve};
    let c = catalog();
    for (i, e) in c.exercises.iter().enumerate() {
        let keys = std::iter::once(&e.id)
            .chain(std::iter::once(&e.name))
            .chain(e.aliases.iter());
        for k in keys {
            // A plural only where a word ends the name ("... (direction check)" has none).
            let plural = if k.ends_with('s') || !k.ends_with(|c: char| c.is_alphabetic()) {
                k.to_string()
            } else {
                format!("{k}s")
            };
            for q in [format!("how to do the {k}"), plural, format!("show me {k}")] {
                match resolve(&q, &c.exercises) {
                    Resolution::Found(j) => assert_eq!(j, i, "{q}"),
                    Resolution::Ambiguous(v) => assert!(v.contains(&i), "{q}: {v:?}"),
                    other => panic!("{q}: {other:?}"),
                }
            }
        }
    }
}

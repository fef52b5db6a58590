//! A small catalogue for unit tests of the logic (matching, search, routine
//! plans), built in the test, so that edits to the shipped data never break
//! them. Tests of the shipped data are in `tests/it/data.rs`.

use crate::catalog::Catalog;
use crate::model::{Category, Complaint, Dose, Exercise, List, RoutineItem, Str};

pub fn strs(v: &[&'static str]) -> List<Str> {
    v.iter().map(|s| Str::from(*s)).collect()
}

/// An exercise with neutral text: its name is the id in words, it can be
/// done at a desk, five repetitions daily, no aliases, tags or variants.
pub fn exercise(id: &'static str) -> Exercise {
    Exercise {
        id: id.into(),
        name: id.replace('-', " ").into(),
        aliases: List::default(),
        category: Category::Strength,
        targets: strs(&["muscles"]),
        position: "standing".into(),
        equipment: List::default(),
        desk: true,
        summary: "A plain movement.".into(),
        why: "It moves you.".into(),
        steps: strs(&["Move.", "Rest."]),
        dose: Dose {
            reps: Some(5),
            frequency: "daily".into(),
            ..Dose::default()
        },
        cues: strs(&["Breathe."]),
        mistakes: strs(&["Rushing."]),
        cautions: strs(&["Stop if it hurts."]),
        not_for: List::default(),
        avoid_in: List::default(),
        tags: List::default(),
        easier: List::default(),
        harder: List::default(),
        sources: List::default(),
    }
}

/// [`exercise`] with a name and aliases.
pub fn named(id: &'static str, name: &'static str, aliases: &[&'static str]) -> Exercise {
    let mut e = exercise(id);
    e.name = name.into();
    e.aliases = strs(aliases);
    e
}

/// A routine item with the exercise's own dose, no note and no direction.
pub fn item(id: &'static str, priority: u8) -> RoutineItem {
    RoutineItem {
        exercise: id.into(),
        priority,
        dose: None,
        note: None,
        direction: None,
    }
}

/// A complaint named by its id, with these routine items and nothing else.
pub fn complaint(id: &'static str, items: Vec<RoutineItem>) -> Complaint {
    Complaint {
        id: id.into(),
        name: id.into(),
        aliases: List::default(),
        about: "a".into(),
        reassurance: "r".into(),
        items: items.into(),
        dos: List::default(),
        donts: List::default(),
        see_professional: List::default(),
        red_flags: List::default(),
        sources: List::default(),
    }
}

pub fn catalog(exercises: Vec<Exercise>, complaints: Vec<Complaint>) -> Catalog {
    Catalog {
        exercises: exercises.into(),
        complaints: complaints.into(),
        sources: &[],
        tiers: &[],
    }
}

//! The catalogue's rules, checked by the tests for the built-in data and at
//! start-up for the user's own records.

use crate::catalog::Catalog;
use crate::catalog::matching::normalize;
use crate::model::Direction;
use crate::model::Named;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Exercise(String),
    Complaint(String),
    Tier(String),
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub subject: Subject,
    pub message: String,
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What is wrong with a dose, if anything.
fn dose_problems(d: &crate::model::Dose) -> Vec<String> {
    let mut out = Vec::new();
    if d.minutes.is_none() && d.reps.is_none() && d.hold_seconds.is_none() {
        out.push("dose needs reps, hold_seconds or minutes".into());
    }
    if [d.sets, d.reps, d.hold_seconds, d.minutes].contains(&Some(0)) {
        out.push("dose values must be above zero".into());
    }
    // Bounds that keep time estimates and timers sensible for any user data.
    for (name, value, max) in [
        ("sets", d.sets, 10),
        ("reps", d.reps, 100),
        ("hold_seconds", d.hold_seconds, 600),
        ("seconds_per_rep", d.seconds_per_rep, 60),
        ("minutes", d.minutes, 180),
        ("rest_seconds", d.rest_seconds, 600),
    ] {
        if value.is_some_and(|v| v > max) {
            out.push(format!("dose {name} must be at most {max}"));
        }
    }
    if d.frequency.trim().is_empty() {
        out.push("'dose.frequency' must not be empty".into());
    }
    out
}

/// Every rule the catalogue breaks; empty when it is sound.
/// `reserved` gives the names a user's complaint may not take (the command
/// line's own words); it is called only when there is a user complaint.
pub fn problems(c: &Catalog, reserved: fn() -> Vec<String>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |subject: Subject, message: String| out.push(Problem { subject, message });

    // Names must identify one record: ids, names and aliases, after
    // normalisation, are unique across all exercises (and across complaints).
    fn names_unique<T: Named>(
        items: &[T],
        subject: fn(&str) -> Subject,
        push: &mut dyn FnMut(Subject, String),
    ) {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut ids: HashSet<&str> = HashSet::new();
        for item in items {
            if !ids.insert(item.id()) {
                push(
                    subject(item.id()),
                    format!("id '{}' is already used by another record", item.id()),
                );
            }
            let mut own = Vec::new();
            for name in std::iter::once(item.id())
                .chain(std::iter::once(item.display_name()))
                .chain(item.aliases().iter().map(|a| &**a))
            {
                let key = normalize(name);
                if key.is_empty() {
                    push(subject(item.id()), "has an empty name or alias".into());
                    continue;
                }
                if own.contains(&key) && name != item.display_name() {
                    push(subject(item.id()), format!("repeats its own name '{name}'"));
                }
                own.push(key.clone());
                if let Some(other) = seen.get(&key) {
                    if other != item.id() {
                        push(
                            subject(item.id()),
                            format!("name or alias '{name}' is already used by '{other}'"),
                        );
                    }
                } else {
                    seen.insert(key, item.id().to_string());
                }
            }
        }
    }
    // Look-ups by id, so checking a large user file stays linear.
    let exercises: HashMap<&str, &crate::model::Exercise> =
        c.exercises.iter().map(|e| (&*e.id, e)).collect();
    let complaints: HashSet<&str> = c.complaints.iter().map(|x| &*x.id).collect();
    let sources: HashSet<&str> = c.sources.iter().map(|x| &*x.id).collect();

    names_unique(&c.exercises, |id| Subject::Exercise(id.into()), &mut push);
    names_unique(&c.complaints, |id| Subject::Complaint(id.into()), &mut push);

    for e in &c.exercises {
        let s = || Subject::Exercise(e.id.to_string());
        if !is_kebab(&e.id) {
            push(
                s(),
                "id must be kebab-case (a-z, 0-9 and single hyphens)".into(),
            );
        }
        for (field, empty) in [
            ("name", e.name.trim().is_empty()),
            ("summary", e.summary.trim().is_empty()),
            ("why", e.why.trim().is_empty()),
            ("position", e.position.trim().is_empty()),
            (
                "steps",
                e.steps.is_empty() || e.steps.iter().any(|x| x.trim().is_empty()),
            ),
            ("targets", e.targets.is_empty()),
            ("cues", e.cues.is_empty()),
            ("mistakes", e.mistakes.is_empty()),
            ("cautions", e.cautions.is_empty()),
            ("sources", e.sources.is_empty()),
        ] {
            if empty {
                push(s(), format!("'{field}' must not be empty"));
            }
        }
        for p in dose_problems(&e.dose) {
            push(s(), p);
        }
        for v in e.easier.iter().chain(e.harder.iter()) {
            if v == &e.id {
                push(s(), "lists itself as a variant".into());
            } else if !exercises.contains_key(&**v) {
                push(s(), format!("variant '{v}' is not an exercise id"));
            }
        }
        for src in e.sources.iter() {
            if !sources.contains(&**src) {
                push(s(), format!("source '{src}' is not in sources.json"));
            }
        }
        for comp in e.avoid_in.iter() {
            if !complaints.contains(&**comp) {
                push(s(), format!("avoid_in '{comp}' is not a complaint id"));
            }
        }
    }

    // A user's complaint goes by name (`backfix routine my-knee`): it must
    // not take a name backfix uses itself, as a subcommand or an option.
    let is_builtin = |id: &str| {
        crate::catalog::builtin::COMPLAINTS
            .iter()
            .any(|b| b.id == id)
    };
    let reserved = if c.complaints.iter().any(|comp| !is_builtin(&comp.id)) {
        reserved()
    } else {
        Vec::new()
    };
    for comp in &c.complaints {
        let s = || Subject::Complaint(comp.id.to_string());
        if !is_kebab(&comp.id) {
            push(s(), "id must be kebab-case".into());
        }
        if !is_builtin(&comp.id) && reserved.iter().any(|r| *r == *comp.id) {
            push(
                s(),
                format!(
                    "id '{}' is a name backfix uses itself (a subcommand, or an option of `backfix routine`); choose another",
                    comp.id
                ),
            );
        }
        if comp.items.is_empty() {
            push(s(), "has no exercises".into());
        }
        for (field, empty) in [
            ("about", comp.about.trim().is_empty()),
            ("do", comp.dos.is_empty()),
            ("donts", comp.donts.is_empty()),
            ("see_professional", comp.see_professional.is_empty()),
            ("red_flags", comp.red_flags.is_empty()),
            ("sources", comp.sources.is_empty()),
        ] {
            if empty {
                push(s(), format!("'{field}' must not be empty"));
            }
        }
        for item in comp.items.iter() {
            match exercises.get(&*item.exercise) {
                None => push(
                    s(),
                    format!("exercise '{}' is not in the catalogue", item.exercise),
                ),
                Some(e) if e.avoid_in.iter().any(|a| a == &comp.id) => push(
                    s(),
                    format!(
                        "uses '{}', which is marked as not suiting this complaint",
                        e.id
                    ),
                ),
                Some(_) => {}
            }
            // A directional item must be a movement in that direction.
            if let (Some(dir), Some(e)) = (item.direction, c.exercise(&item.exercise)) {
                let tag = match dir {
                    Direction::Extension => "lumbar-extension",
                    Direction::Flexion => "lumbar-flexion",
                };
                if !e.tags.iter().any(|t| t == tag) {
                    push(
                        s(),
                        format!(
                            "item '{}' is marked {} but is not tagged '{tag}'",
                            item.exercise,
                            dir.as_str()
                        ),
                    );
                }
            }
            for p in item.dose.as_ref().map(dose_problems).unwrap_or_default() {
                push(s(), format!("item '{}': {p}", item.exercise));
            }
            if item.priority == 0 {
                push(
                    s(),
                    format!("item '{}' needs a priority of 1 or more", item.exercise),
                );
            }
        }
        // A plan prescribes one direction: one item per direction at most.
        for dir in [Direction::Extension, Direction::Flexion] {
            if comp
                .items
                .iter()
                .filter(|i| i.direction == Some(dir))
                .count()
                > 1
            {
                push(
                    s(),
                    format!("has more than one item for the {} direction", dir.as_str()),
                );
            }
        }
        for src in comp.sources.iter() {
            if !sources.contains(&**src) {
                push(s(), format!("source '{src}' is not in sources.json"));
            }
        }
    }

    for t in c.tiers {
        for src in t.sources.iter() {
            if !sources.contains(&**src) {
                push(
                    Subject::Tier(t.id.as_str().to_string()),
                    format!("source '{src}' is not in sources.json"),
                );
            }
        }
        if t.signs.is_empty() {
            push(
                Subject::Tier(t.id.as_str().to_string()),
                "has no signs".into(),
            );
        }
    }
    out
}

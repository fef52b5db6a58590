//! The programme: weeks of sessions, progressed as the body allows (issue 11).
//!
//! [`progression`]: the rules that decide hold, progress or step back, each
//! returning a typed decision with its source and a plain explanation.
//! [`plan`]: the running plan (pure), replayed from the recovery record
//! through those rules; "today" and the reminder's suggestions. [`store`]:
//! the plan file. The
//! lessons (`backfix learn`) and the flare-up plan (`backfix flare`) are in
//! `commands/`; their content is in `data/lessons.json` and `data/flare.json`.

pub mod plan;
pub mod progression;
pub mod store;

pub use plan::reminder_suggestions;

/// Every source id the programme's content and rules cite: the lessons, the
/// flare-up plan and the progression rules. All are in `data/sources.json`.
pub fn cited_sources() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let lessons = crate::catalog::builtin::LESSONS
        .iter()
        .flat_map(|l| l.sources.iter());
    let flare = crate::catalog::builtin::FLARE
        .iter()
        .flat_map(|s| s.sources.iter());
    for id in lessons.chain(flare) {
        // Built-in data is always static; nothing else is listed.
        let Some(id) = id.as_static() else { continue };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    for id in progression::RULE_SOURCES {
        if !out.contains(id) {
            out.push(id);
        }
    }
    out
}

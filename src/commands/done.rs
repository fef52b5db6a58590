//! `backfix done`: record an exercise or a routine done without guided mode.

use crate::catalog::matching::{Resolution, normalize, resolve};
use crate::cli::DoneArgs;
use crate::error::{Error, Result};
use crate::model::Level;
use crate::model::Named;
use crate::output::{self, Out};
use crate::record::{Entry, Record, Session, Via, store};

pub fn run(out: &mut Out, a: &DoneArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let query = a.name.join(" ");
    let key = normalize(&query);
    let exact_complaint = catalog.complaints.iter().position(|c| {
        normalize(c.id()) == key
            || normalize(c.display_name()) == key
            || c.aliases().iter().any(|x| normalize(x) == key)
    });
    let (exercise, routine) = match exact_complaint {
        Some(i) => (None, Some(i)),
        None => match resolve(&query, &catalog.exercises) {
            Resolution::Found(i) => (Some(i), None),
            Resolution::Ambiguous(hits) => {
                return Err(super::ambiguous(
                    &query,
                    &catalog.exercises,
                    &hits,
                    "exercise",
                ));
            }
            Resolution::NotFound { .. } => match resolve(&query, &catalog.complaints) {
                Resolution::Found(i) => (None, Some(i)),
                _ => {
                    // The exercise's message, with its suggestions.
                    super::find(
                        &query,
                        &catalog.exercises,
                        "exercise or routine",
                        "backfix list",
                    )?;
                    return Err(Error::usage("nothing matches"));
                }
            },
        },
    };
    let (session_exercise, session_routine, default_minutes, name) = match (exercise, routine) {
        (Some(i), _) => {
            let e = &catalog.exercises[i];
            let secs = crate::routine::dose::estimate_seconds(&e.dose);
            (
                Some(e.id.to_string()),
                None,
                secs.div_ceil(60),
                e.name.to_string(),
            )
        }
        (_, Some(i)) => {
            let c = &catalog.complaints[i];
            let secs: u32 = crate::routine::plan::full(&catalog, c, Level::Standard)
                .iter()
                .map(|p| p.seconds)
                .sum();
            (
                None,
                Some(c.id().to_string()),
                secs.div_ceil(60),
                format!("the {} routine", c.display_name()),
            )
        }
        _ => return Err(Error::usage("nothing matches")),
    };
    let mut time = store::now();
    if a.yesterday {
        time -= chrono::Duration::days(1);
    }
    let minutes = a.minutes.unwrap_or(default_minutes.max(1));
    let rec = Record {
        time,
        entry: Entry::Session(Session {
            exercise: session_exercise,
            routine: session_routine,
            minutes: Some(minutes),
            done: vec![],
            skipped: vec![],
            feel: a.feel,
            pain_during: a.pain_during,
            via: Via::Done,
        }),
    };
    store::append_here(&rec).map_err(|e| {
        Error::failure(format!("cannot save the session: {e}"))
            .with_hint("backfix paths shows where the journal is kept")
    })?;
    out.line(&format!(
        "Saved: {}, {minutes} min{}.",
        output::clean_line(&name),
        if a.yesterday { ", yesterday" } else { "" }
    ))?;
    if a.pain_during.is_some_and(|p| p.get() >= 7) {
        out.para(
            0,
            "That hurt a lot: next time try the easier version or fewer repetitions, and stop \
             anything that sends pain down a leg or brings numbness or tingling.",
        )?;
    }
    Ok(0)
}

//! One module per command. Each takes parsed arguments and an output and
//! returns an exit code or an error.

pub mod check;
pub mod config;
pub mod done;
pub mod export;
pub mod flare;
pub mod forget;
pub mod generate;
pub mod learn;
pub mod list;
pub mod log;
pub mod overview;
pub mod paths;
pub mod plan;
pub mod progress;
pub mod redflags;
pub mod remind;
pub mod report;
pub mod routine;
pub mod search;
pub mod show;
pub mod sources;
pub mod today;

use crate::catalog::Catalog;
use crate::catalog::matching::{Resolution, resolve};
use crate::error::{Error, Result};
use crate::model::Named;
use crate::output::clean_line;

/// Resolve a name typed by the user, turning misses into helpful errors.
/// A miss is a usage error (exit 2): used where the names are a closed set
/// given as an argument (complaints). `show` has its own look-up, where a
/// miss is "nothing found" (exit 1).
pub fn find<'a, T: Named>(
    query: &str,
    items: &'a [T],
    what: &str,
    list_cmd: &str,
) -> Result<&'a T> {
    if crate::catalog::matching::normalize(query).is_empty() {
        return Err(no_name(what, list_cmd));
    }
    match resolve(query, items) {
        Resolution::Found(i) => Ok(&items[i]),
        Resolution::Ambiguous(hits) => Err(ambiguous(query, items, &hits, what)),
        Resolution::NotFound { suggestions } => {
            Err(Error::usage(format!("no {what} called '{}'", shown(query)))
                .with_hint(suggestion_hint(items, &suggestions, list_cmd)))
        }
    }
}

/// An empty name: a usage error.
pub fn no_name(what: &str, list_cmd: &str) -> Error {
    Error::usage(format!("no {what} name given"))
        .with_hint(format!("run `{list_cmd}` to see them all"))
}

/// More than one record matched: a usage error listing them.
pub fn ambiguous<T: Named>(query: &str, items: &[T], hits: &[usize], what: &str) -> Error {
    let names: Vec<String> = hits
        .iter()
        .map(|&i| {
            format!(
                "  {:<28} {}",
                clean_line(items[i].id()),
                clean_line(items[i].display_name())
            )
        })
        .collect();
    Error::usage(format!(
        "'{}' matches more than one {what}:\n{}",
        shown(query),
        names.join("\n")
    ))
    .with_hint("give more of the name, or use one of the ids above")
}

/// "did you mean ...?" from suggestions, or where to see every name.
pub fn suggestion_hint<T: Named>(items: &[T], suggestions: &[usize], list_cmd: &str) -> String {
    match suggestions {
        [] => format!("run `{list_cmd}` to see them all"),
        [one] => format!("did you mean '{}'?", clean_line(items[*one].id())),
        many => {
            let ids: Vec<String> = many
                .iter()
                .map(|&i| format!("'{}'", clean_line(items[i].id())))
                .collect();
            format!("did you mean {}?", ids.join(" or "))
        }
    }
}

/// What the user typed, made safe and short enough to echo in a message.
pub fn shown(query: &str) -> String {
    truncate(&clean_line(query), 60)
}

/// Shorten very long user input for messages.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// Load the catalogue and print any warnings about the user's files.
pub fn load_catalog() -> Catalog {
    let mut warnings = Vec::new();
    let catalog = Catalog::load(&mut warnings, crate::cli::reserved_complaint_ids);
    for w in warnings {
        crate::output::warning(&w);
    }
    catalog
}

/// A hint for an unknown subcommand that names an exercise or a complaint:
/// `backfix clam` suggests `backfix show clam`, `backfix sciatica`
/// suggests `backfix routine sciatica`. When clap already suggests a
/// subcommand (a near miss such as `lst`), only an exact name counts.
pub fn unknown_command_hint(
    words: &[String],
    catalog: &Catalog,
    clap_suggests: bool,
) -> Option<String> {
    use crate::catalog::matching::{self, Resolution, normalize, resolve};
    let query = words.join(" ");
    let key = normalize(&query);
    if key.is_empty() {
        return None;
    }
    fn exact<T: Named>(key: &str, items: &[T]) -> bool {
        items.iter().any(|i| {
            std::iter::once(i.id())
                .chain(std::iter::once(i.display_name()))
                .chain(i.aliases().iter().map(|a| &**a))
                .any(|n| matching::normalize(n) == key)
        })
    }
    let shown = clean_line(&query);
    let show = format!("'{shown}' is an exercise: try `backfix show {shown}`");
    let routine = format!("'{shown}' is a complaint: try `backfix routine {shown}`");
    if exact(&key, &catalog.exercises) {
        return Some(show);
    }
    if exact(&key, &catalog.complaints) {
        return Some(routine);
    }
    if clap_suggests {
        return None;
    }
    if matches!(resolve(&query, &catalog.exercises), Resolution::Found(_)) {
        return Some(show);
    }
    if matches!(resolve(&query, &catalog.complaints), Resolution::Found(_)) {
        return Some(routine);
    }
    None
}

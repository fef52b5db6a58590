//! One module per command. Each takes parsed arguments and an output and
//! returns an exit code or an error.

pub mod check;
pub mod generate;
pub mod list;
pub mod paths;
pub mod redflags;
pub mod remind;
pub mod routine;
pub mod search;
pub mod show;

use crate::catalog::{Catalog, Named};
use crate::error::{Error, Result};
use crate::matching::{Resolution, resolve};

/// Resolve a name typed by the user, turning misses into helpful errors.
pub fn find<'a, T: Named>(
    query: &str,
    items: &'a [T],
    what: &str,
    list_cmd: &str,
) -> Result<&'a T> {
    if crate::matching::normalize(query).is_empty() {
        return Err(Error::usage(format!("no {what} name given"))
            .with_hint(format!("run `{list_cmd}` to see them all")));
    }
    match resolve(query, items) {
        Resolution::Found(i) => Ok(&items[i]),
        Resolution::Ambiguous(hits) => {
            let names: Vec<String> = hits
                .iter()
                .map(|&i| format!("  {:<28} {}", items[i].id(), items[i].display_name()))
                .collect();
            Err(Error::usage(format!(
                "'{}' matches more than one {what}:\n{}",
                truncate(query, 60),
                names.join("\n")
            ))
            .with_hint("give more of the name, or use one of the ids above"))
        }
        Resolution::NotFound { suggestions } => {
            let e = Error::usage(format!("no {what} called '{}'", truncate(query, 60)));
            Err(match suggestions.as_slice() {
                [] => e.with_hint(format!("run `{list_cmd}` to see them all")),
                [one] => e.with_hint(format!("did you mean '{}'?", items[*one].id())),
                many => {
                    let ids: Vec<String> = many
                        .iter()
                        .map(|&i| format!("'{}'", items[i].id()))
                        .collect();
                    e.with_hint(format!("did you mean {}?", ids.join(" or ")))
                }
            })
        }
    }
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
    let catalog = Catalog::load(&mut warnings);
    for w in warnings {
        crate::warn(&w);
    }
    catalog
}

//! Finding a record from what the user typed: exact names first, then
//! unambiguous prefixes and substrings, then "did you mean" suggestions.

use crate::catalog::Named;

/// Lower-case, with every run of non-alphanumeric characters turned into one
/// space: `"Child's Pose!"` and `"childs-pose"` both become close keys.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else if ch != '\'' && ch != '\u{2019}' {
            // Apostrophes vanish ("child's" -> "childs"); other marks separate words.
            pending_space = true;
        }
    }
    out
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| *c != ' ').collect()
}

/// The outcome of a look-up; indexes point into the slice searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(usize),
    Ambiguous(Vec<usize>),
    NotFound { suggestions: Vec<usize> },
}

fn keys<T: Named>(item: &T) -> impl Iterator<Item = String> + '_ {
    std::iter::once(item.id())
        .chain(std::iter::once(item.display_name()))
        .chain(item.aliases().iter().map(|a| &**a))
        .map(normalize)
}

fn single_or_many(hits: Vec<usize>) -> Option<Resolution> {
    match hits.len() {
        0 => None,
        1 => Some(Resolution::Found(hits[0])),
        _ => Some(Resolution::Ambiguous(hits)),
    }
}

/// Find `query` among `items`.
pub fn resolve<T: Named>(query: &str, items: &[T]) -> Resolution {
    let q = normalize(query);
    if q.is_empty() {
        return Resolution::NotFound {
            suggestions: Vec::new(),
        };
    }
    let qc = compact(&q);
    let matching = |pred: &dyn Fn(&str) -> bool| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, it)| keys(*it).any(|k| pred(&k)))
            .map(|(i, _)| i)
            .collect()
    };
    // 1. Exact (also ignoring spaces: "clam shell" = "clamshell").
    let tiers: [&dyn Fn(&str) -> bool; 4] = [
        &|k| k == q,
        &|k| compact(k) == qc,
        // 2. Prefix of a name.
        &|k| k.starts_with(&q) || compact(k).starts_with(&qc),
        // 3. Every word of the query starts a word of the name, or the
        //    query occurs inside a name.
        &|k| {
            k.contains(&q)
                || q.split(' ')
                    .all(|w| k.split(' ').any(|kw| kw.starts_with(w)))
        },
    ];
    for pred in tiers {
        if let Some(r) = single_or_many(matching(pred)) {
            return r;
        }
    }
    Resolution::NotFound {
        suggestions: suggest(&q, items),
    }
}

/// Up to three records whose names are close to `q`, best first.
fn suggest<T: Named>(q: &str, items: &[T]) -> Vec<usize> {
    // No name is this long; comparing would only cost time.
    if q.len() > 80 {
        return Vec::new();
    }
    let mut scored: Vec<(f64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            let best = keys(it)
                .map(|k| {
                    let whole = strsim::jaro_winkler(q, &k);
                    // Compare with the start of long names too ("glute brige" ~ "glute bridge").
                    let head: String = k.chars().take(q.chars().count() + 1).collect();
                    let dl = strsim::normalized_damerau_levenshtein(q, &k)
                        .max(strsim::normalized_damerau_levenshtein(q, &head));
                    whole.max(dl)
                })
                .fold(0.0_f64, f64::max);
            (best >= 0.8).then_some((best, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(3).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn find(q: &str) -> Resolution {
        resolve(q, &Catalog::builtin().exercises)
    }

    fn id(r: &Resolution) -> String {
        match r {
            Resolution::Found(i) => Catalog::builtin().exercises[*i].id.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn normalize_folds_case_and_punctuation() {
        assert_eq!(normalize("  Child's   POSE!! "), "childs pose");
        assert_eq!(normalize("figure-4"), "figure 4");
        assert_eq!(normalize("--"), "");
    }

    #[test]
    fn exact_alias_prefix_and_words() {
        assert_eq!(id(&find("clam")), "clamshell");
        assert_eq!(id(&find("CLAMSHELL")), "clamshell");
        assert_eq!(id(&find("glute bridge")), "glute-bridge");
        assert_eq!(id(&find("Glute-Bridge")), "glute-bridge");
        assert_eq!(id(&find("figure four")), "piriformis-stretch");
        assert_eq!(id(&find("pigeon")), "pigeon-pose");
        assert_eq!(id(&find("bird")), "bird-dog");
        assert_eq!(id(&find("nerve tens")), "sciatic-nerve-tensioner");
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        match find("plank") {
            Resolution::Ambiguous(v) => assert!(v.len() >= 2),
            other => panic!("expected ambiguity, got {other:?}"),
        }
    }

    #[test]
    fn typos_get_suggestions() {
        match find("clamshel") {
            Resolution::Found(_) => {} // a prefix, found directly
            other => panic!("{other:?}"),
        }
        match find("brigde") {
            Resolution::NotFound { suggestions } => {
                let ids: Vec<_> = suggestions
                    .iter()
                    .map(|i| Catalog::builtin().exercises[*i].id.to_string())
                    .collect();
                assert!(ids.iter().any(|i| i.contains("bridge")), "{ids:?}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            find("zzzzqqq"),
            Resolution::NotFound {
                suggestions: vec![]
            }
        );
    }
}

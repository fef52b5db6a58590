//! Choosing exercises by category, desk use and target (pure), for
//! `backfix list`.

use super::Catalog;
use super::matching::words_match;
use crate::model::{Category, Exercise};

/// What `backfix list` filters by; `None`/`false` lets everything through.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub category: Option<Category>,
    pub desk: bool,
    pub target: Option<&'a str>,
}

/// The exercises that pass the filter, ordered by category then name.
/// A target matches words as people type them: `glutes` finds what
/// `glute` finds (targets and names, plurals aside).
pub fn select<'a>(catalog: &'a Catalog, filter: &Filter) -> Vec<&'a Exercise> {
    let mut rows: Vec<&Exercise> = catalog
        .exercises
        .iter()
        .filter(|e| filter.category.is_none_or(|c| e.category == c))
        .filter(|e| !filter.desk || e.desk)
        .filter(|e| {
            filter.target.is_none_or(|t| {
                e.targets.iter().any(|x| words_match(t, x)) || words_match(t, &e.name)
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        a.category
            .cmp(&b.category)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    rows
}

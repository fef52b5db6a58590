//! Ranked full-text search over the exercises (pure: no I/O).

use crate::matching::normalize;
use crate::model::Exercise;
use serde::Serialize;

/// A field searched, with its weight in the ranking.
const FIELDS: &[(&str, u32)] = &[
    ("name", 20),
    ("aliases", 15),
    ("id", 15),
    ("targets", 8),
    ("category", 6),
    ("tags", 5),
    ("summary", 4),
    ("position", 3),
    ("why", 2),
    ("steps", 2),
    ("cues", 1),
    ("mistakes", 1),
    ("cautions", 2),
    ("not_for", 2),
    ("dose", 1),
];

fn field_texts(e: &Exercise, field: &str) -> Vec<String> {
    let join = |v: &[crate::model::Str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match field {
        "name" => vec![e.name.to_string()],
        "aliases" => join(&e.aliases),
        "id" => vec![e.id.to_string()],
        "targets" => join(&e.targets),
        "category" => vec![e.category.label().to_string()],
        "tags" => join(&e.tags),
        "summary" => vec![e.summary.to_string()],
        "position" => vec![e.position.to_string()],
        "why" => vec![e.why.to_string()],
        "steps" => join(&e.steps),
        "cues" => join(&e.cues),
        "mistakes" => join(&e.mistakes),
        "cautions" => join(&e.cautions),
        "not_for" => join(&e.not_for),
        "dose" => vec![
            e.dose.frequency.to_string(),
            e.dose.note.as_deref().unwrap_or_default().to_string(),
        ],
        _ => Vec::new(),
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub id: String,
    pub name: String,
    pub score: u32,
    /// The fields that matched, best first.
    pub fields: Vec<String>,
    /// The first matching passage outside the name, for context.
    pub excerpt: Option<String>,
}

/// Whether `word` starts a word of `text` (both normalised).
fn has_word(text: &str, word: &str) -> bool {
    text.split(' ').any(|w| w.starts_with(word))
}

/// Exercises in which every term matches some field, best first.
pub fn search(exercises: &[Exercise], terms: &[String]) -> Vec<Hit> {
    let words: Vec<String> = terms
        .iter()
        .flat_map(|t| {
            normalize(t)
                .split(' ')
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = exercises
        .iter()
        .filter_map(|e| {
            let mut score = 0;
            let mut fields = Vec::new();
            let mut excerpt = None;
            let mut matched = vec![false; words.len()];
            for (field, weight) in FIELDS {
                let texts = field_texts(e, field);
                let mut field_hit = false;
                for text in &texts {
                    let norm = normalize(text);
                    for (i, w) in words.iter().enumerate() {
                        if has_word(&norm, w) {
                            matched[i] = true;
                            field_hit = true;
                            score += weight;
                            if excerpt.is_none() && !matches!(*field, "name" | "id" | "aliases") {
                                excerpt = Some(format!("{field}: {text}"));
                            }
                        }
                    }
                }
                if field_hit {
                    fields.push(field.to_string());
                }
            }
            matched.iter().all(|m| *m).then(|| Hit {
                id: e.id.to_string(),
                name: e.name.to_string(),
                score,
                fields,
                excerpt,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn ranks_names_above_mentions() {
        let c = Catalog::builtin();
        let hits = search(&c.exercises, &["bridge".into()]);
        assert!(hits.len() >= 3);
        assert!(hits[0].id.contains("bridge"), "{hits:?}");
        assert!(hits[0].fields.contains(&"name".to_string()));
    }

    #[test]
    fn all_words_must_match() {
        let c = Catalog::builtin();
        let hits = search(&c.exercises, &["outer".into(), "hip".into()]);
        assert!(!hits.is_empty());
        assert!(search(&c.exercises, &["hamstring".into(), "zzzz".into()]).is_empty());
        assert!(search(&c.exercises, &["--".into()]).is_empty());
    }
}

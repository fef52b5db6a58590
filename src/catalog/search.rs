//! Ranked search over the exercises (pure: no I/O), that never puts an
//! unsuitable exercise at the top.
//!
//! A query is simplified as `show` does ([`crate::catalog::matching::simplify`]:
//! filler words dropped, plurals stemmed). When it names a complaint (an id,
//! name or alias: `sciatica`, `outer hip`, `leg pain`) or a body area alone
//! (`hip`, `back`, `leg`, `buttock`), the results come in groups, best first:
//!
//! 1. [`Group::Routine`]: exercises in that complaint's routine;
//! 2. [`Group::Match`]: other exercises that match in what they are and how
//!    they are done (name, targets, summary, steps, ...);
//! 3. [`Group::NotAdvised`]: exercises whose `avoid_in` names the complaint,
//!    or whose `not_for` matches the query, each with the reason;
//! 4. [`Group::Mention`]: exercises that match only in their cautions,
//!    mistakes or `not_for`, which is not a recommendation.
//!
//! Without a complaint the same holds with no routine group. A hit's
//! `score` orders every hit (higher first) across groups.

use crate::catalog::Catalog;
use crate::catalog::matching::{has_phrase, named_in, normalize, simplify};
use crate::model::{Complaint, Exercise};
use serde::Serialize;

/// Where a field stands: what an exercise is and how to do it, or what can
/// go wrong with it (a match there alone is no recommendation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Describes,
    Warns,
}

/// Where a query matched: an exercise's field, or (for search results) the
/// routine it belongs to or its avoid list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Aliases,
    Id,
    Targets,
    Category,
    Tags,
    Summary,
    Position,
    Why,
    Steps,
    Cues,
    Dose,
    Cautions,
    NotFor,
    Mistakes,
    /// The exercise is in the routine the query names.
    Routine,
    /// The exercise's avoid list names the complaint the query names.
    AvoidIn,
}

impl Field {
    /// The name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Aliases => "aliases",
            Field::Id => "id",
            Field::Targets => "targets",
            Field::Category => "category",
            Field::Tags => "tags",
            Field::Summary => "summary",
            Field::Position => "position",
            Field::Why => "why",
            Field::Steps => "steps",
            Field::Cues => "cues",
            Field::Dose => "dose",
            Field::Cautions => "cautions",
            Field::NotFor => "not_for",
            Field::Mistakes => "mistakes",
            Field::Routine => "routine",
            Field::AvoidIn => "avoid_in",
        }
    }
}

/// A field searched, with its weight in the ranking.
const FIELDS: &[(Field, u32, Kind)] = &[
    (Field::Name, 20, Kind::Describes),
    (Field::Aliases, 15, Kind::Describes),
    (Field::Id, 15, Kind::Describes),
    (Field::Targets, 8, Kind::Describes),
    (Field::Category, 6, Kind::Describes),
    (Field::Tags, 5, Kind::Describes),
    (Field::Summary, 4, Kind::Describes),
    (Field::Position, 3, Kind::Describes),
    (Field::Why, 2, Kind::Describes),
    (Field::Steps, 2, Kind::Describes),
    (Field::Cues, 1, Kind::Describes),
    (Field::Dose, 1, Kind::Describes),
    (Field::Cautions, 1, Kind::Warns),
    (Field::NotFor, 1, Kind::Warns),
    (Field::Mistakes, 1, Kind::Warns),
];

fn field_texts(e: &Exercise, field: Field) -> Vec<String> {
    let join = |v: &[crate::model::Str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match field {
        Field::Name => vec![e.name.to_string()],
        Field::Aliases => join(&e.aliases),
        Field::Id => vec![e.id.to_string()],
        Field::Targets => join(&e.targets),
        Field::Category => vec![e.category.label().to_string()],
        Field::Tags => join(&e.tags),
        Field::Summary => vec![e.summary.to_string()],
        Field::Position => vec![e.position.to_string()],
        Field::Why => vec![e.why.to_string()],
        Field::Steps => join(&e.steps),
        Field::Cues => join(&e.cues),
        Field::Mistakes => join(&e.mistakes),
        Field::Cautions => join(&e.cautions),
        Field::NotFor => join(&e.not_for),
        Field::Dose => vec![
            e.dose.frequency.to_string(),
            e.dose.note.as_deref().unwrap_or_default().to_string(),
        ],
        Field::Routine | Field::AvoidIn => Vec::new(),
    }
}

/// Which group a hit is in; also the order of the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// In the routine for the complaint the query names.
    Routine,
    /// Matches in what the exercise is and how it is done.
    Match,
    /// Not advised: its `avoid_in` names the complaint, or its `not_for`
    /// matches the query. `reason` says which.
    NotAdvised,
    /// Matches only in cautions, mistakes or `not_for`: not a recommendation.
    Mention,
}

impl Group {
    /// Added to a hit's score, so that scores order the groups too.
    fn base(self) -> u32 {
        match self {
            Group::Routine => 3_000_000,
            Group::Match => 2_000_000,
            Group::NotAdvised => 1_000_000,
            Group::Mention => 0,
        }
    }
}

/// The complaint a query names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
    /// The words of the query that named it.
    pub phrase: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub id: String,
    pub name: String,
    pub group: Group,
    /// Orders all hits, groups included: higher first.
    pub score: u32,
    /// Where it matched, best first (`routine` for routine membership).
    pub fields: Vec<Field>,
    /// The first matching passage outside the name, for context.
    pub excerpt: Option<String>,
    /// For the routine: the routine's note on it; for "not advised": why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The complaint the group refers to (routine and not advised).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complaint: Option<String>,
}

/// What a search found: the complaint the query names, if any, and the hits
/// in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub complaint: Option<Named>,
    pub hits: Vec<Hit>,
}

/// Body areas that, typed alone (with "pain", "sore" and the like at most),
/// stand for the complaint backfix has for them.
const AREAS: &[(&str, &str)] = &[
    ("hip", "outer-hip"),
    ("side hip", "outer-hip"),
    ("lateral hip", "outer-hip"),
    ("buttock", "deep-buttock"),
    ("butt", "deep-buttock"),
    ("bum", "deep-buttock"),
    ("leg", "sciatica"),
    ("back", "low-back"),
    ("low back", "low-back"),
];

/// Words that say "it hurts" and add nothing to an area.
const PAIN_WORDS: &[&str] = &[
    "pain", "ache", "aches", "aching", "sore", "hurt", "hurts", "painful",
];

/// The complaint a query names: by id, name or alias anywhere in it, or by a
/// body area typed alone.
fn complaint_in(query: &str, complaints: &[Complaint]) -> Option<(usize, String)> {
    if let Some(found) = named_in(query, complaints).into_iter().next() {
        return Some(found);
    }
    let q = simplify(query);
    let area: Vec<&str> = q
        .split(' ')
        .filter(|w| !PAIN_WORDS.iter().any(|p| simplify(p) == *w))
        .collect();
    let area = area.join(" ");
    AREAS.iter().find_map(|(words, id)| {
        (simplify(words) == area)
            .then(|| complaints.iter().position(|c| c.id == *id))
            .flatten()
            .map(|i| (i, q.clone()))
    })
}

/// The words of `query` (simplified) left after the phrase that named a
/// complaint is taken out.
fn without_phrase(query: &str, phrase: &str) -> Vec<String> {
    let q: Vec<String> = simplify(query).split(' ').map(String::from).collect();
    let p: Vec<String> = simplify(phrase).split(' ').map(String::from).collect();
    if let Some(at) = q.windows(p.len()).position(|w| w == p.as_slice()) {
        let mut rest = q[..at].to_vec();
        rest.extend_from_slice(&q[at + p.len()..]);
        return rest.into_iter().filter(|w| !w.is_empty()).collect();
    }
    // Named by an area: every word was about the area.
    Vec::new()
}

/// The words of the query that named a complaint (the key it matched
/// may be spelt differently: "Sciatica" for "sciatica").
fn typed_phrase(query: &str, key: &str) -> String {
    let k = simplify(key);
    if simplify(query).contains(&k) {
        k
    } else {
        simplify(query)
    }
}

/// Whether `word` starts a word of `text` (both normalised).
fn has_word(text: &str, word: &str) -> bool {
    text.split(' ').any(|w| w.starts_with(word))
}

/// How the words matched one exercise.
#[derive(Default)]
struct Matched {
    score: u32,
    fields: Vec<Field>,
    excerpt: Option<String>,
    /// Every word matched somewhere.
    all: bool,
    /// Every word matched in a describing field.
    described: bool,
}

fn match_words(e: &Exercise, words: &[String]) -> Matched {
    let mut m = Matched::default();
    let mut anywhere = vec![false; words.len()];
    let mut describing = vec![false; words.len()];
    for (field, weight, kind) in FIELDS {
        let mut field_hit = false;
        for text in field_texts(e, *field) {
            let norm = normalize(&text);
            for (i, w) in words.iter().enumerate() {
                if has_word(&norm, w) {
                    anywhere[i] = true;
                    if *kind == Kind::Describes {
                        describing[i] = true;
                    }
                    field_hit = true;
                    m.score += weight;
                    if m.excerpt.is_none()
                        && !matches!(field, Field::Name | Field::Id | Field::Aliases)
                    {
                        m.excerpt = Some(format!("{}: {text}", field.as_str()));
                    }
                }
            }
        }
        if field_hit {
            m.fields.push(*field);
        }
    }
    m.all = !words.is_empty() && anywhere.iter().all(|b| *b);
    m.described = !words.is_empty() && describing.iter().all(|b| *b);
    m
}

/// The first `not_for` entry that contains one of `phrases` or, with no
/// phrases, every one of `words`.
fn not_for_match(e: &Exercise, phrases: &[String], words: &[String]) -> Option<String> {
    e.not_for
        .iter()
        .find(|text| {
            if phrases.is_empty() {
                let norm = normalize(text);
                !words.is_empty() && words.iter().all(|w| has_word(&norm, w))
            } else {
                phrases.iter().any(|p| has_phrase(text, p))
            }
        })
        .map(|t| t.to_string())
}

/// A complaint's name without the part in brackets ("Sciatica").
pub fn short_name(c: &Complaint) -> String {
    c.name
        .split('(')
        .next()
        .unwrap_or(&c.name)
        .trim()
        .to_string()
}

/// The phrases a complaint is known by: id, name without brackets, aliases.
fn complaint_phrases(c: &Complaint) -> impl Iterator<Item = String> + '_ {
    [c.id.to_string(), short_name(c)]
        .into_iter()
        .chain(c.aliases.iter().map(|a| a.to_string()))
        .filter(|p| !simplify(p).is_empty())
}

/// Whether `words` (simplified) are exactly the exercise's id, name or an alias.
fn names_exactly(e: &Exercise, words: &[String]) -> bool {
    let q = words.join(" ");
    std::iter::once(&e.id)
        .chain(std::iter::once(&e.name))
        .chain(e.aliases.iter())
        .any(|k| simplify(k) == q)
}

/// How much an exercise's text is about a complaint: the best match of any
/// of its phrases (the slider's name says "sciatic").
fn relevance(e: &Exercise, c: &Complaint) -> u32 {
    complaint_phrases(c)
        .map(|p| {
            let words: Vec<String> = simplify(&p).split(' ').map(String::from).collect();
            let m = match_words(e, &words);
            if m.all { m.score } else { 0 }
        })
        .max()
        .unwrap_or(0)
}

/// Text-only search: no complaint is recognised. Every word must match.
pub fn search(exercises: &[Exercise], terms: &[String]) -> Vec<Hit> {
    search_in(exercises, &[], terms).hits
}

/// Search the catalogue: see the module documentation.
pub fn search_catalog(catalog: &Catalog, terms: &[String]) -> Results {
    search_in(&catalog.exercises, &catalog.complaints, terms)
}

/// Search `exercises`, recognising the `complaints` a query names.
pub fn search_in(exercises: &[Exercise], complaints: &[Complaint], terms: &[String]) -> Results {
    let query = terms.join(" ");
    let all_words: Vec<String> = simplify(&query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    if all_words.is_empty() {
        return Results {
            complaint: None,
            hits: Vec::new(),
        };
    }
    let named = complaint_in(&query, complaints);
    let complaint = named.as_ref().map(|(i, _)| &complaints[*i]);
    // The words still to match once the complaint is taken out.
    let rest = match &named {
        Some((_, phrase)) => without_phrase(&query, phrase),
        None => all_words.clone(),
    };
    // With a complaint and nothing else, its phrases are what the text is
    // matched on (for "other matches" and ranking).
    let phrase_words: Vec<String> = match (&named, rest.is_empty()) {
        (Some((_, phrase)), true) => simplify(phrase).split(' ').map(String::from).collect(),
        _ => rest.clone(),
    };

    let mut ranked: Vec<(Hit, usize)> = Vec::new();
    for e in exercises {
        let m = match_words(e, &phrase_words);
        let rest_ok = rest.is_empty() || match_words(e, &rest).all;
        let hit = |group: Group, within: u32, reason: Option<String>, fields: Vec<Field>| Hit {
            id: e.id.to_string(),
            name: e.name.to_string(),
            group,
            score: group.base() + within.min(999_999),
            fields,
            excerpt: m.excerpt.clone(),
            reason,
            complaint: match group {
                Group::Routine | Group::NotAdvised => complaint.map(|c| c.id.to_string()),
                _ => None,
            },
        };
        if let Some((c, phrase)) = complaint.zip(named.as_ref().map(|(_, p)| p.as_str())) {
            let phrase = typed_phrase(&query, phrase);
            let avoided = e.avoid_in.contains(&c.id);
            // A `not_for` that names the complaint itself ("... sciatica")
            // outweighs the routine; one that only shares the words the
            // query used ("leg pain brought on by standing ...") describes
            // some people with it: the routine keeps the exercise, with that
            // caution as its note, and any other exercise goes apart.
            let names_it = not_for_match(e, &[c.id.to_string(), short_name(c)], &[]);
            let shares_words = not_for_match(e, std::slice::from_ref(&phrase), &[]);
            let item = c
                .items
                .iter()
                .enumerate()
                .find(|(_, it)| it.exercise == e.id);
            let unsuited = names_it.or(if item.is_none() {
                shares_words.clone()
            } else {
                None
            });
            if rest_ok && (avoided || unsuited.is_some()) {
                // Safety first: "not advised" wins over routine membership.
                let mut fields = Vec::new();
                if avoided {
                    fields.push(Field::AvoidIn);
                }
                if unsuited.is_some() {
                    fields.push(Field::NotFor);
                }
                fields.extend(m.fields.iter().filter(|f| **f != Field::NotFor).copied());
                let reason = unsuited.unwrap_or_else(|| {
                    format!(
                        "backfix keeps it out of the {} routine",
                        lower_first(&short_name(c))
                    )
                });
                ranked.push((hit(Group::NotAdvised, m.score, Some(reason), fields), 0));
                continue;
            }
            if let Some((order, it)) = item
                && rest_ok
            {
                // Core items first; a directional item (prescribed only for
                // people whose pain prefers that direction) after the others
                // of its priority; then by how much its text is about the
                // complaint.
                let within = (10u32.saturating_sub(u32::from(it.priority))) * 10_000
                    + if it.direction.is_none() { 5_000 } else { 0 }
                    + (relevance(e, c) + m.score).min(4_999);
                let mut reason = it.note.as_deref().map(String::from);
                if let Some(d) = it.direction {
                    let d = format!("only if {} suits you (see the routine)", d.as_str());
                    reason = Some(match reason {
                        Some(r) => format!("{d}; {r}"),
                        None => d,
                    });
                }
                if let Some(caution) = shares_words {
                    let caution = format!("not a good fit for: {caution}");
                    reason = Some(match reason {
                        Some(r) => format!("{r} ({caution})"),
                        None => caution,
                    });
                }
                let mut fields = vec![Field::Routine];
                fields.extend(m.fields.iter().copied());
                ranked.push((hit(Group::Routine, within, reason, fields), order));
                continue;
            }
        } else if let Some(reason) = not_for_match(e, &[], &rest) {
            ranked.push((
                hit(Group::NotAdvised, m.score, Some(reason), m.fields.clone()),
                0,
            ));
            continue;
        }
        if !m.all || !rest_ok {
            continue;
        }
        let group = if m.described {
            Group::Match
        } else {
            Group::Mention
        };
        // The exercise the words name exactly ("bridge" is the glute
        // bridge's alias) comes before those that only contain them.
        let exact = named.is_none() && names_exactly(e, &rest);
        let within = m.score + if exact { 100 } else { 0 };
        ranked.push((hit(group, within, None, m.fields.clone()), 0));
    }
    ranked.sort_by(|a, b| {
        b.0.score
            .cmp(&a.0.score)
            .then(a.1.cmp(&b.1))
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    Results {
        complaint: named.map(|(i, phrase)| Named {
            id: complaints[i].id.to_string(),
            name: complaints[i].name.to_string(),
            phrase,
        }),
        hits: ranked.into_iter().map(|(h, _)| h).collect(),
    }
}

/// "Sciatica (leg ...)" -> "sciatica (leg ...)"; "NHS ..." stays.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::fixture::{self, strs};
    use crate::model::Direction;

    /// A plain exercise with neutral text.
    fn exercise(id: &'static str, name: &'static str) -> Exercise {
        fixture::named(id, name, &[])
    }

    /// A small catalogue: a complaint "nerve ache" whose routine is a walk,
    /// a slider and a directional press; a stretch whose text is all about
    /// nerve ache but which does not suit it; one its record keeps out of
    /// the routine; one that mentions nerve ache only in a caution.
    fn fixture() -> (Vec<Exercise>, Vec<Complaint>) {
        let walk = exercise("walk", "Walk");
        let slider = exercise("slider", "Nerve slider");
        let press = exercise("press", "Press");
        let mut fig4 = exercise("fig4", "Figure four stretch");
        fig4.summary = "A stretch people try for nerve ache.".into();
        fig4.why = "Often tried for nerve ache and leg ache.".into();
        fig4.cautions = strs(&["Nerve ache may flare."]);
        fig4.not_for = strs(&["Nerve ache from the spine, as a main treatment."]);
        let mut banned = exercise("banned", "Hamstring pull");
        banned.avoid_in = strs(&["nerve-ache"]);
        let mut warns = exercise("warns", "Side hold");
        warns.cautions = strs(&["Skip it during a flare of nerve ache."]);
        let mut knees = exercise("knees", "Kneeling rock");
        knees.not_for = strs(&["Painful knees."]);
        let mut c = fixture::complaint("nerve-ache", Vec::new());
        c.name = "Nerve ache (leg pain from the back)".into();
        c.aliases = strs(&["leg ache"]);
        let item = |id: &'static str, priority: u8, direction: Option<Direction>| {
            let mut it = fixture::item(id, priority);
            it.direction = direction;
            it
        };
        c.items = vec![
            item("press", 2, Some(Direction::Extension)),
            item("slider", 2, None),
            item("walk", 1, None),
        ]
        .into();
        (
            vec![fig4, banned, warns, press, slider, walk, knees],
            vec![c],
        )
    }

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
    fn a_complaint_puts_its_routine_first_and_unsuitable_apart() {
        let (ex, cs) = fixture();
        for q in [
            "nerve ache",
            "Nerve-Ache",
            "leg ache",
            "exercises for nerve aches",
        ] {
            let r = search_in(&ex, &cs, &terms(q));
            assert_eq!(
                r.complaint.as_ref().map(|c| c.id.as_str()),
                Some("nerve-ache"),
                "{q}"
            );
            // Priority, then the directional item after the others of its priority.
            assert_eq!(
                ids(&r.hits, Group::Routine),
                ["walk", "slider", "press"],
                "{q}"
            );
            let not = ids(&r.hits, Group::NotAdvised);
            assert!(
                not.contains(&"fig4") && not.contains(&"banned"),
                "{q}: {not:?}"
            );
            if !q.contains("leg") {
                // Mentions are of the words typed.
                assert_eq!(ids(&r.hits, Group::Mention), ["warns"], "{q}");
            }
            // Groups in order, and scores agree with the order.
            assert!(r.hits.windows(2).all(|w| w[0].group <= w[1].group), "{q}");
            assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
            assert_eq!(r.hits[0].id, "walk");
        }
        let r = search_in(&ex, &cs, &terms("nerve ache"));
        let fig4 = r.hits.iter().find(|h| h.id == "fig4").unwrap();
        assert_eq!(
            fig4.reason.as_deref(),
            Some("Nerve ache from the spine, as a main treatment.")
        );
        assert_eq!(fig4.complaint.as_deref(), Some("nerve-ache"));
        let banned = r.hits.iter().find(|h| h.id == "banned").unwrap();
        assert!(
            banned
                .reason
                .as_deref()
                .unwrap()
                .contains("nerve ache routine")
        );
        let press = r.hits.iter().find(|h| h.id == "press").unwrap();
        assert!(press.reason.as_deref().unwrap().contains("extension"));
    }

    #[test]
    fn without_the_complaint_text_alone_would_rank_the_unsuitable_first() {
        // The reason the groups exist: on words alone the stretch wins.
        let (ex, _) = fixture();
        let hits = search(&ex, &terms("nerve ache"));
        assert!(hits.iter().all(|h| h.group != Group::Routine));
        // Its not_for names the words: apart, not a match.
        assert_eq!(
            hits.iter().find(|h| h.id == "fig4").map(|h| h.group),
            Some(Group::NotAdvised)
        );
    }

    #[test]
    fn other_words_narrow_every_group() {
        let (ex, cs) = fixture();
        let r = search_in(&ex, &cs, &terms("slider for nerve ache"));
        assert_eq!(
            r.complaint.as_ref().map(|c| c.id.as_str()),
            Some("nerve-ache")
        );
        assert_eq!(
            r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ["slider"]
        );
        let r = search_in(&ex, &cs, &terms("stretch for nerve ache"));
        assert_eq!(ids(&r.hits, Group::NotAdvised), ["fig4"]);
        assert!(ids(&r.hits, Group::Routine).is_empty());
    }

    #[test]
    fn a_match_only_in_cautions_is_last() {
        let (ex, _) = fixture();
        let hits = search(&ex, &terms("flare"));
        assert_eq!(ids(&hits, Group::Match), Vec::<&str>::new());
        assert_eq!(ids(&hits, Group::Mention), ["fig4", "warns"]);
        let hits = search(&ex, &terms("hurts"));
        assert!(hits.iter().all(|h| h.group == Group::Mention), "{hits:?}");
    }

    #[test]
    fn a_not_for_that_matches_the_query_is_apart() {
        let (ex, cs) = fixture();
        let r = search_in(&ex, &cs, &terms("knees"));
        assert!(r.complaint.is_none());
        assert_eq!(ids(&r.hits, Group::NotAdvised), ["knees"]);
        assert_eq!(r.hits[0].reason.as_deref(), Some("Painful knees."));
        // A name match is a plain match.
        let r = search_in(&ex, &cs, &terms("kneeling"));
        assert_eq!(ids(&r.hits, Group::Match), ["knees"]);
    }

    #[test]
    fn filler_and_plurals_do_not_matter() {
        let (ex, cs) = fixture();
        let a = search_in(&ex, &cs, &terms("sliders"));
        let b = search_in(&ex, &cs, &terms("how to do the slider"));
        assert_eq!(a.hits.first().map(|h| h.id.as_str()), Some("slider"));
        assert_eq!(a, b);
        assert!(search_in(&ex, &cs, &terms("the")).hits.is_empty());
        assert!(search_in(&ex, &cs, &[]).hits.is_empty());
    }
}

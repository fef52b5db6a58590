//! `backfix learn`: short lessons, each about two minutes to read, cited.
//!
//! Reading a lesson (`backfix learn TOPIC`, as text) records it in the
//! journal as a `lesson` record (see [`crate::record`]); `learn --list` marks
//! the ones read, and `backfix today` offers an unread one.

use crate::catalog::Catalog;
use crate::catalog::builtin::LESSONS;
use crate::catalog::matching::{Resolution, resolve};
use crate::cli::LearnArgs;
use crate::error::{Error, Result};
use crate::model::Named;
use crate::model::{Lesson, Str};
use crate::output::{self, Out, clean_line};
use serde::Serialize;

/// Reading speed used for "about N minutes": careful reading of health
/// information in plain words.
pub const WORDS_PER_MINUTE: usize = 150;

impl Named for Lesson {
    fn id(&self) -> &str {
        &self.id
    }
    fn display_name(&self) -> &str {
        &self.title
    }
    fn aliases(&self) -> &[Str] {
        &self.aliases
    }
}

/// The lesson offered on a plan's day `n` (0 = the first day): the lessons in
/// their order in `data/lessons.json`, then round again.
pub fn lesson_for_day(n: usize) -> Option<&'static Lesson> {
    (!LESSONS.is_empty()).then(|| &LESSONS[n % LESSONS.len()])
}

/// Words in a lesson as printed: summary, paragraphs and the thing to try.
pub fn words(l: &Lesson) -> usize {
    let count = |s: &str| s.split_whitespace().count();
    count(&l.summary) + l.paragraphs.iter().map(|p| count(p)).sum::<usize>() + count(&l.try_this)
}

/// Reading time in whole minutes, at least 1.
pub fn minutes(l: &Lesson) -> usize {
    ((words(l) + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE).max(1)
}

pub fn run(out: &mut Out, args: &LearnArgs) -> Result<u8> {
    let lessons = LESSONS;
    let query = args.topic.join(" ");
    if args.list || args.topic.is_empty() {
        return list(out, lessons, &read_lessons(), args.json);
    }
    let lesson = lookup(lessons, &query)?;
    let catalog = Catalog::builtin();
    if args.json {
        output::json(out, &WithCitations::new(&catalog, lesson))?;
    } else {
        print(out, &catalog, lesson)?;
        mark_read(lesson);
    }
    Ok(0)
}

/// Record that a lesson was read; a failure is a warning, never fatal.
fn mark_read(l: &Lesson) {
    let rec = crate::record::Record {
        time: crate::record::store::now(),
        entry: crate::record::Entry::Lesson(crate::record::LessonRead {
            lesson: l.id.to_string(),
        }),
    };
    if let Err(e) = crate::record::store::append_here(&rec) {
        output::warning(&format!("cannot note that this lesson was read: {e}"));
    }
}

/// The ids of the lessons read, from the journal (nothing when it cannot be read).
pub fn read_lessons() -> Vec<String> {
    let Ok((data, _)) = crate::record::store::dirs() else {
        return Vec::new();
    };
    let mut ignored = Vec::new();
    crate::record::store::read_all(&data, &mut ignored)
        .records
        .into_iter()
        .filter_map(|r| match r.entry {
            crate::record::Entry::Lesson(l) => Some(l.lesson),
            _ => None,
        })
        .collect()
}

/// The lesson the user means: an empty or ambiguous topic is a usage error
/// (exit 2), one that matches nothing is "nothing found" (exit 1).
pub fn lookup<'a>(lessons: &'a [Lesson], query: &str) -> Result<&'a Lesson> {
    if crate::catalog::matching::normalize(query).is_empty() {
        return Err(super::no_name("lesson", "backfix learn --list"));
    }
    match resolve(query, lessons) {
        Resolution::Found(i) => Ok(&lessons[i]),
        Resolution::Ambiguous(hits) => Err(super::ambiguous(query, lessons, &hits, "lesson")),
        Resolution::NotFound { suggestions } => {
            Err(
                Error::failure(format!("no lesson about '{}'", super::shown(query))).with_hint(
                    super::suggestion_hint(lessons, &suggestions, "backfix learn --list"),
                ),
            )
        }
    }
}

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    minutes: usize,
    command: String,
    read: bool,
}

fn list(out: &mut Out, lessons: &[Lesson], read: &[String], json: bool) -> Result<u8> {
    let is_read = |l: &Lesson| read.iter().any(|r| *r == *l.id);
    if json {
        let v: Vec<Entry> = lessons
            .iter()
            .map(|l| Entry {
                id: &l.id,
                title: &l.title,
                summary: &l.summary,
                minutes: minutes(l),
                command: format!("backfix learn {}", l.id),
                read: is_read(l),
            })
            .collect();
        output::json(out, &v)?;
        return Ok(0);
    }
    out.styled_line(output::TITLE, "Lessons")?;
    out.para(
        0,
        "Short lessons about back pain, each about two minutes to read, with their sources.",
    )?;
    let w = lessons
        .iter()
        .map(|l| output::display_width(&l.id))
        .max()
        .unwrap_or(0)
        + 2;
    for l in lessons {
        out.blank()?;
        out.styled(output::CODE, &format!("{:w$}", clean_line(&l.id)))?;
        if is_read(l) {
            out.styled(output::TITLE, &clean_line(&l.title))?;
            out.styled_line(output::DIM, " (read)")?;
        } else {
            out.styled_line(output::TITLE, &clean_line(&l.title))?;
        }
        out.para(w, &l.summary)?;
    }
    out.blank()?;
    let n = lessons.iter().filter(|l| is_read(l)).count();
    if n > 0 {
        out.para(0, &format!("Read so far: {n} of {}.", lessons.len()))?;
    }
    out.para(
        0,
        "Read one: `backfix learn <id>`, or a topic word such as `backfix learn scans`.",
    )?;
    Ok(0)
}

/// `learn TOPIC --json`: the lesson, its reading time and its sources in full.
#[derive(Serialize)]
struct WithCitations<'a> {
    #[serde(flatten)]
    lesson: &'a Lesson,
    minutes: usize,
    citations: Vec<super::sources::Citation<'a>>,
}

impl<'a> WithCitations<'a> {
    fn new(catalog: &'a Catalog, l: &'a Lesson) -> Self {
        WithCitations {
            lesson: l,
            minutes: minutes(l),
            citations: l
                .sources
                .iter()
                .filter_map(|id| catalog.source(id))
                .map(super::sources::Citation::from)
                .collect(),
        }
    }
}

/// One lesson: title, summary, text, something to try, sources.
pub fn print(out: &mut Out, catalog: &Catalog, l: &Lesson) -> std::io::Result<()> {
    let n = minutes(l);
    out.styled_line(output::TITLE, &clean_line(&l.title))?;
    out.styled_line(
        output::DIM,
        &format!(
            "({} · about {n} minute{} to read)",
            clean_line(&l.id),
            if n == 1 { "" } else { "s" }
        ),
    )?;
    out.hanging(0, "+", &l.summary, output::GOOD)?;
    for p in l.paragraphs.iter() {
        out.blank()?;
        out.para(0, p)?;
    }
    out.blank()?;
    out.hanging(0, "Try this:", &l.try_this, output::HEADING)?;
    out.blank()?;
    out.styled_line(output::HEADING, "Sources")?;
    for id in l.sources.iter() {
        let text = match catalog.source(id) {
            Some(s) => format!("{} [{}: {id}]", s.short, s.kind.label()),
            None => id.to_string(),
        };
        out.hanging(2, "-", &text, output::DIM)?;
    }
    if let Some(first) = l.sources.first() {
        out.styled(output::DIM, "  In full: ")?;
        out.styled_line(
            output::CODE,
            &format!("backfix sources {}", clean_line(first)),
        )?;
    }
    out.blank()?;
    out.styled_line(output::DIM, "General information, not a diagnosis.")?;
    out.styled(output::DIM, "Warning signs: ")?;
    out.styled_line(output::CODE, "backfix redflags")?;
    out.styled(output::DIM, "More lessons: ")?;
    out.styled_line(output::CODE, "backfix learn --list")?;
    Ok(())
}

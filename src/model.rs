//! The data model behind `data/*.json`.
//!
//! This file is shared with `build.rs` (through `#[path]`), which parses the
//! JSON at compile time and writes the records out as Rust statics, so the
//! binary starts without parsing anything. The statics hold no pointers: a
//! built-in [`Str`] is an offset and length into one string of all built-in
//! text (`catalog::builtin::TEXT`), and a built-in [`List`] is an offset and
//! length into a static array per element type, so the dynamic loader has
//! nothing of theirs to relocate at start-up. Records read from the user's
//! config directory own their text.

use serde::{Deserialize, Serialize};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// A piece of text: built in, static, or owned (user data). It derefs to
/// `str`; equality, order and hashing are by content, whatever the variant.
#[derive(Clone)]
pub enum Str {
    /// `len` bytes at `start` in the built-in text (made by `build.rs`).
    Builtin(u32, u32),
    /// A string literal (tests, fallbacks).
    Static(&'static str),
    /// Text read at run time.
    Owned(Box<str>),
}

impl Str {
    /// The text, if it lives for the whole program (built-in or a literal).
    pub fn as_static(&self) -> Option<&'static str> {
        match self {
            Str::Builtin(start, len) => Some(builtin_text(*start, *len)),
            Str::Static(s) => Some(s),
            Str::Owned(_) => None,
        }
    }

    pub fn as_str(&self) -> &str {
        self
    }
}

fn builtin_text(start: u32, len: u32) -> &'static str {
    let start = start as usize;
    crate::catalog::builtin::TEXT
        .get(start..start + len as usize)
        .unwrap_or("")
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Str::Builtin(start, len) => builtin_text(*start, *len),
            Str::Static(s) => s,
            Str::Owned(s) => s,
        }
    }
}

impl Default for Str {
    fn default() -> Self {
        Str::Static("")
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        **self == **other
    }
}
impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}
impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}
impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}
impl PartialEq<Str> for String {
    fn eq(&self, other: &Str) -> bool {
        **self == **other
    }
}
impl PartialEq<Str> for str {
    fn eq(&self, other: &Str) -> bool {
        self == &**other
    }
}
impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        *self == &**other
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Str {
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl Hash for Str {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl From<&'static str> for Str {
    fn from(s: &'static str) -> Self {
        Str::Static(s)
    }
}
impl From<String> for Str {
    fn from(s: String) -> Self {
        Str::Owned(s.into_boxed_str())
    }
}
impl From<Box<str>> for Str {
    fn from(s: Box<str>) -> Self {
        Str::Owned(s)
    }
}
impl From<Cow<'static, str>> for Str {
    fn from(s: Cow<'static, str>) -> Self {
        match s {
            Cow::Borrowed(s) => Str::Static(s),
            Cow::Owned(s) => s.into(),
        }
    }
}
impl From<Str> for String {
    fn from(s: Str) -> String {
        match s {
            Str::Owned(s) => s.into(),
            other => other.to_string(),
        }
    }
}

impl Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}
impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Str::from)
    }
}

/// A type whose built-in lists live in one static array (`build.rs` fills
/// them; see `catalog::builtin`).
pub trait Pooled: Sized + 'static {
    fn pool() -> &'static [Self];
}

impl Pooled for Str {
    fn pool() -> &'static [Str] {
        &crate::catalog::builtin::STRS
    }
}
impl Pooled for RoutineItem {
    fn pool() -> &'static [RoutineItem] {
        &crate::catalog::builtin::ITEMS
    }
}
impl Pooled for ComplaintFlag {
    fn pool() -> &'static [ComplaintFlag] {
        &crate::catalog::builtin::FLAGS
    }
}
impl Pooled for Sign {
    fn pool() -> &'static [Sign] {
        &crate::catalog::builtin::SIGNS
    }
}

/// A list: built in, static, or owned (user data). It derefs to `[T]`;
/// equality is by content.
pub enum List<T: 'static> {
    /// `len` elements at `start` in `T::pool()` (made by `build.rs`).
    Builtin(u32, u32),
    /// A static slice (tests).
    Static(&'static [T]),
    /// A list read at run time.
    Owned(Box<[T]>),
}

impl<T: Pooled> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match self {
            List::Builtin(start, len) => {
                let start = *start as usize;
                T::pool().get(start..start + *len as usize).unwrap_or(&[])
            }
            List::Static(s) => s,
            List::Owned(v) => v,
        }
    }
}

impl<T: Clone> Clone for List<T> {
    fn clone(&self) -> Self {
        match self {
            List::Builtin(start, len) => List::Builtin(*start, *len),
            List::Static(s) => List::Static(s),
            List::Owned(v) => List::Owned(v.clone()),
        }
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::Static(&[])
    }
}

impl<T: Pooled + fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: Pooled + PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &List<T>) -> bool {
        **self == **other
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> Self {
        List::Owned(v.into_boxed_slice())
    }
}
impl<T> From<&'static [T]> for List<T> {
    fn from(s: &'static [T]) -> Self {
        List::Static(s)
    }
}
impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List::Owned(iter.into_iter().collect())
    }
}

impl<T: Pooled + Serialize> Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(List::from)
    }
}

/// What kind of exercise a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Strength,
    Mobility,
    Stretch,
    NerveGlide,
    SoftTissue,
    Activity,
}

impl Category {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Category::Strength => "strength",
            Category::Mobility => "mobility",
            Category::Stretch => "stretch",
            Category::NerveGlide => "nerve glide",
            Category::SoftTissue => "soft-tissue release",
            Category::Activity => "activity",
        }
    }
}

/// The three tiers of warning signs, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TierId {
    /// Call the emergency number or go to an emergency department now.
    Emergency,
    /// Speak to a doctor today.
    Urgent,
    /// Book a review with a GP or physiotherapist.
    Review,
}

impl TierId {
    /// How soon to act, in a few words ("emergency", "same day", "book a review").
    pub fn when(self) -> &'static str {
        match self {
            TierId::Emergency => "emergency",
            TierId::Urgent => "same day",
            TierId::Review => "book a review",
        }
    }

    /// The id as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            TierId::Emergency => "emergency",
            TierId::Urgent => "urgent",
            TierId::Review => "review",
        }
    }
}

/// Which way a directional movement goes (Long 2004: a person's pain often
/// prefers one direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Bending backwards (lying face down on the elbows, back-bends).
    Extension,
    /// Bending forwards (knees to chest, sitting).
    Flexion,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Extension => "extension",
            Direction::Flexion => "flexion",
        }
    }
}

/// What kind of evidence a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Guideline,
    SystematicReview,
    Trial,
    Cohort,
    LabStudy,
    ClinicalReview,
    ClinicalSummary,
    PatientInformation,
    Book,
}

impl SourceKind {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Guideline => "guideline",
            SourceKind::SystematicReview => "systematic review",
            SourceKind::Trial => "trial",
            SourceKind::Cohort => "cohort study",
            SourceKind::LabStudy => "lab study",
            SourceKind::ClinicalReview => "clinical review",
            SourceKind::ClinicalSummary => "clinical summary",
            SourceKind::PatientInformation => "patient information",
            SourceKind::Book => "book",
        }
    }
}

/// How much of an exercise to do. Every field is optional so that one shape
/// fits holds, repetitions and continuous activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// Number of sets (or rounds of holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<u16>,
    /// Repetitions in each set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u16>,
    /// How long each repetition (or the single position) is held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u16>,
    /// Seconds a moving repetition takes (tempo), used for time estimates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds_per_rep: Option<u16>,
    /// Minutes of continuous activity (walking, swimming).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u16>,
    /// Rest between sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_seconds: Option<u16>,
    /// Whether the dose is done on each side.
    #[serde(default)]
    pub per_side: bool,
    /// How often, in words ("daily", "2 to 3 days a week").
    pub frequency: Str,
    /// Anything else about the dose (how to build up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
}

/// One exercise in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Kebab-case identifier, unique across ids and aliases.
    pub id: Str,
    pub name: Str,
    #[serde(default)]
    pub aliases: List<Str>,
    pub category: Category,
    /// Muscles or structures it works on.
    pub targets: List<Str>,
    /// Starting position ("lying on your back").
    pub position: Str,
    #[serde(default)]
    pub equipment: List<Str>,
    /// Whether it can be done at (or beside) a desk in work clothes.
    pub desk: bool,
    /// One line.
    pub summary: Str,
    /// Why it may help, honest about the strength of the evidence.
    pub why: Str,
    pub steps: List<Str>,
    pub dose: Dose,
    pub cues: List<Str>,
    pub mistakes: List<Str>,
    /// Cautions, including when to stop.
    pub cautions: List<Str>,
    /// Conditions it does not suit, in words.
    #[serde(default)]
    pub not_for: List<Str>,
    /// Complaint ids (from routines.json) whose routines must never use it.
    #[serde(default)]
    pub avoid_in: List<Str>,
    /// Machine-readable properties that content rules are checked against
    /// (for example `figure-4`, `crosses-midline`, `nerve-slider`).
    #[serde(default)]
    pub tags: List<Str>,
    /// Exercise ids of easier versions.
    #[serde(default)]
    pub easier: List<Str>,
    /// Exercise ids of harder versions.
    #[serde(default)]
    pub harder: List<Str>,
    /// Source ids (from sources.json).
    pub sources: List<Str>,
}

/// A reference that data records cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Str,
    /// Short form for cards ("NICE NG59 (2016, updated 2020)").
    pub short: Str,
    /// Full citation: authors, title, journal or publisher, volume and pages.
    pub citation: Str,
    /// Year of publication (or of the version cited).
    pub year: u16,
    /// What kind of evidence it is.
    pub kind: SourceKind,
    /// DOI, without the `https://doi.org/` prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Str>,
}

/// One exercise in a routine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutineItem {
    /// Exercise id.
    pub exercise: Str,
    /// 1 = core of the routine, kept first when time is short; higher = dropped earlier.
    pub priority: u8,
    /// A dose for this routine when it differs from the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<Dose>,
    /// Why it is in this routine, or how to do it here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
    /// For a directional movement: the direction it belongs to. A plan
    /// prescribes one direction (the person's answer to the direction check),
    /// never both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

/// A warning sign specific to one complaint, with how soon to act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintFlag {
    pub text: Str,
    pub tier: TierId,
}

/// A complaint and its routine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// Kebab-case id, also the `routine --<id>` flag.
    pub id: Str,
    pub name: Str,
    #[serde(default)]
    pub aliases: List<Str>,
    /// What it usually is, in plain words; never a diagnosis.
    pub about: Str,
    /// One line of reassurance that leads the routine.
    pub reassurance: Str,
    /// In the order they are done.
    pub items: List<RoutineItem>,
    #[serde(rename = "do")]
    pub dos: List<Str>,
    pub donts: List<Str>,
    /// When to see a professional, with time frames.
    pub see_professional: List<Str>,
    /// Warning signs specific to this complaint, each with its tier.
    pub red_flags: List<ComplaintFlag>,
    pub sources: List<Str>,
}

/// One warning sign, with the yes/no question `backfix check` asks about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    pub text: Str,
    /// Question for `backfix check`; signs without one are only listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Str>,
}

/// A tier of red flags: emergency, urgent or review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: TierId,
    pub title: Str,
    /// The signs in one short line, for banners.
    pub summary: Str,
    /// What to do, in one line.
    pub action: Str,
    pub signs: List<Sign>,
    pub sources: List<Str>,
}

/// A country or territory, and whom to call there (`data/regions.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// ISO 3166-1 alpha-2 code, upper case ("GB").
    pub code: Str,
    pub name: Str,
    /// The emergency number as dialled ("999", "112 or 999").
    pub emergency: Str,
    /// More about reaching emergency help ("112 also works from most mobile phones").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_note: Option<Str>,
    /// A same-day advice line with its number, where a public one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent: Option<Str>,
    /// Where the numbers were checked (a URL).
    pub source: Str,
}

/// A short lesson (`data/lessons.json`): about two minutes of reading in
/// plain words, citing its sources. `backfix learn` prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Kebab-case id, unique among lessons.
    pub id: Str,
    pub title: Str,
    /// Topics it answers to (`backfix learn scans`, `backfix learn mri`).
    #[serde(default)]
    pub aliases: List<Str>,
    /// The lesson in one line.
    pub summary: Str,
    pub paragraphs: List<Str>,
    /// One small thing to try.
    pub try_this: Str,
    /// Source ids (from sources.json).
    pub sources: List<Str>,
}

/// One part of the flare-up plan (`data/flare.json`), printed by `backfix flare`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlareSection {
    /// Kebab-case id ("first-days", "rebuild").
    pub id: Str,
    pub title: Str,
    pub points: List<Str>,
    /// Source ids (from sources.json).
    pub sources: List<Str>,
}

/// Something a user looks up by name.
pub trait Named {
    fn id(&self) -> &str;
    fn display_name(&self) -> &str;
    fn aliases(&self) -> &[Str];
}

impl Named for Exercise {
    fn id(&self) -> &str {
        &self.id
    }
    fn display_name(&self) -> &str {
        &self.name
    }
    fn aliases(&self) -> &[Str] {
        &self.aliases
    }
}

impl Named for Complaint {
    fn id(&self) -> &str {
        &self.id
    }
    fn display_name(&self) -> &str {
        &self.name
    }
    fn aliases(&self) -> &[Str] {
        &self.aliases
    }
}

/// How hard a routine is: the standard exercises, or their easier or harder
/// variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Gentle,
    #[default]
    Standard,
    Harder,
}

impl Level {
    /// The name, as typed and as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Gentle => "gentle",
            Level::Standard => "standard",
            Level::Harder => "harder",
        }
    }
}

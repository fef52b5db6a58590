//! The catalogue in use: the built-in data, and look-ups in it (pure). The
//! user's own records are laid over it by `user.rs`, the only I/O here.

pub mod builtin;
pub mod filter;
#[cfg(test)]
pub mod fixture;
pub mod matching;
pub mod search;
pub mod user;
pub mod validate;

use crate::model::{Complaint, Exercise, Source, Tier};
use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// An exercise in a [`Catalog`], found once (see [`Catalog::exercise_ref`]);
/// only the catalogue that made it can resolve it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExerciseRef(usize);

#[derive(Debug, Clone)]
pub struct Catalog {
    pub exercises: Records<Exercise>,
    pub complaints: Records<Complaint>,
    pub sources: &'static [Source],
    pub tiers: &'static [Tier],
}

impl Catalog {
    /// Only the data compiled into the binary.
    pub fn builtin() -> Catalog {
        Catalog {
            exercises: Records::from(builtin::EXERCISES),
            complaints: Records::from(builtin::COMPLAINTS),
            sources: builtin::SOURCES,
            tiers: builtin::TIERS,
        }
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// A typed reference to the exercise with this id, for plans that keep
    /// what they chose without looking it up again.
    pub fn exercise_ref(&self, id: &str) -> Option<ExerciseRef> {
        self.exercises
            .iter()
            .position(|e| e.id == id)
            .map(ExerciseRef)
    }

    /// The exercise a reference made by this catalogue points to.
    pub fn at(&self, r: ExerciseRef) -> &Exercise {
        &self.exercises[r.0]
    }

    pub fn complaint(&self, id: &str) -> Option<&Complaint> {
        self.complaints.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The records of one kind in a [`Catalog`]: the built-in ones borrowed as
/// they are (no copy at start-up), until something changes them (the user's
/// files, a test), which copies them once. It derefs to a slice; changing an
/// element through it, or [`Records::to_mut`], makes the copy.
#[derive(Clone)]
pub struct Records<T: Clone + 'static>(Cow<'static, [T]>);

impl<T: Clone> Records<T> {
    /// The records as a list of their own, copied on the first call if
    /// they were borrowed.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        self.0.to_mut()
    }
}

impl<T: Clone> Deref for Records<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Clone> DerefMut for Records<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.0.to_mut()
    }
}

impl<T: Clone> From<&'static [T]> for Records<T> {
    fn from(s: &'static [T]) -> Self {
        Records(Cow::Borrowed(s))
    }
}

impl<T: Clone> From<Vec<T>> for Records<T> {
    fn from(v: Vec<T>) -> Self {
        Records(Cow::Owned(v))
    }
}

impl<'a, T: Clone> IntoIterator for &'a Records<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Clone + PartialEq> PartialEq for Records<T> {
    fn eq(&self, other: &Records<T>) -> bool {
        *self.0 == *other.0
    }
}

impl<T: Clone + PartialEq> PartialEq<Vec<T>> for Records<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        *self.0 == **other
    }
}

impl<T: Clone + PartialEq> PartialEq<[T]> for Records<T> {
    fn eq(&self, other: &[T]) -> bool {
        *self.0 == *other
    }
}

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

/// An exercise in a [`Catalog`], found once (see [`Catalog::exercise_ref`]);
/// only the catalogue that made it can resolve it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExerciseRef(usize);

#[derive(Debug, Clone)]
pub struct Catalog {
    pub exercises: Vec<Exercise>,
    pub complaints: Vec<Complaint>,
    pub sources: &'static [Source],
    pub tiers: &'static [Tier],
}

impl Catalog {
    /// Only the data compiled into the binary.
    pub fn builtin() -> Catalog {
        Catalog {
            exercises: builtin::EXERCISES.to_vec(),
            complaints: builtin::COMPLAINTS.to_vec(),
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

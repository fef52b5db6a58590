//! The catalogue in use: the built-in data plus the user's own records from
//! the config directory (which may add records or replace built-in ones).

use crate::builtin;
use crate::model::{Complaint, Exercise, Source, Tier};
use crate::paths;
use crate::validate;
use serde::de::DeserializeOwned;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Catalog {
    pub exercises: Vec<Exercise>,
    pub complaints: Vec<Complaint>,
    pub sources: &'static [Source],
    pub tiers: &'static [Tier],
}

/// Something a user looks up by name.
pub trait Named {
    fn id(&self) -> &str;
    fn display_name(&self) -> &str;
    fn aliases(&self) -> &[crate::model::Str];
}

impl Named for Exercise {
    fn id(&self) -> &str {
        &self.id
    }
    fn display_name(&self) -> &str {
        &self.name
    }
    fn aliases(&self) -> &[crate::model::Str] {
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
    fn aliases(&self) -> &[crate::model::Str] {
        &self.aliases
    }
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

    /// The built-in data with the user's files laid over it. Problems with the
    /// user's files become warnings; the built-in catalogue always works.
    pub fn load(warnings: &mut Vec<String>) -> Catalog {
        let mut catalog = Catalog::builtin();
        let mut has_user_records = false;
        if let Some(path) = paths::user_exercises()
            && let Some(records) = read_user_file::<Exercise>(&path, warnings)
        {
            has_user_records = true;
            overlay(&mut catalog.exercises, records);
        }
        if let Some(path) = paths::user_routines()
            && let Some(records) = read_user_file::<Complaint>(&path, warnings)
        {
            has_user_records = true;
            overlay(&mut catalog.complaints, records);
        }
        // The built-in data is checked by the tests; only user data needs it here.
        if has_user_records {
            catalog.drop_invalid_user_records(warnings);
        }
        catalog
    }

    /// Remove user records that break the catalogue's rules, with a warning each.
    fn drop_invalid_user_records(&mut self, warnings: &mut Vec<String>) {
        loop {
            let problems = validate::problems(self);
            let is_user_exercise =
                |id: &str| builtin::EXERCISES.iter().find(|b| b.id == id) != self.exercise(id);
            let is_user_complaint =
                |id: &str| builtin::COMPLAINTS.iter().find(|b| b.id == id) != self.complaint(id);
            let Some(problem) = problems.into_iter().find(|p| match &p.subject {
                validate::Subject::Exercise(id) => is_user_exercise(id),
                validate::Subject::Complaint(id) => is_user_complaint(id),
                _ => false,
            }) else {
                return;
            };
            match problem.subject {
                validate::Subject::Exercise(id) => {
                    warnings.push(format!(
                        "ignoring your exercise '{id}': {}",
                        problem.message
                    ));
                    self.exercises.retain(|e| e.id != id);
                    // A built-in record it replaced comes back.
                    self.exercises
                        .extend(builtin::EXERCISES.iter().filter(|b| b.id == id).cloned());
                }
                validate::Subject::Complaint(id) => {
                    warnings.push(format!("ignoring your routine '{id}': {}", problem.message));
                    self.complaints.retain(|c| c.id != id);
                    self.complaints
                        .extend(builtin::COMPLAINTS.iter().filter(|b| b.id == id).cloned());
                }
                _ => return,
            }
        }
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    pub fn complaint(&self, id: &str) -> Option<&Complaint> {
        self.complaints.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// Replace records with the same id, append new ones.
fn overlay<T: Named>(base: &mut Vec<T>, records: Vec<T>) {
    for r in records {
        match base.iter_mut().find(|b| b.id() == r.id()) {
            Some(slot) => *slot = r,
            None => base.push(r),
        }
    }
}

/// Read a user's JSON file: `None` when it is absent or broken (with a warning).
fn read_user_file<T: DeserializeOwned>(path: &Path, warnings: &mut Vec<String>) -> Option<Vec<T>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            warnings.push(format!(
                "cannot read {}: {e}; using the built-in data",
                path.display()
            ));
            return None;
        }
    };
    match serde_json::from_str::<Vec<T>>(&text) {
        Ok(records) => Some(records),
        Err(e) => {
            let full = e.to_string();
            let message = full
                .rsplit_once(" at line ")
                .map_or(full.as_str(), |(m, _)| m);
            warnings.push(format!(
                "{}:{}:{}: {message}; ignoring this file and using the built-in data",
                path.display(),
                e.line(),
                e.column()
            ));
            None
        }
    }
}

//! The user's own records: reading the config directory's files (the only
//! I/O of the catalogue), laying them over the built-in data, and leaving out
//! each record that breaks a rule, with a warning.

use super::{Catalog, builtin, validate};
use crate::model::{Complaint, Exercise, Named};
use crate::paths;
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use std::path::Path;

impl Catalog {
    /// The built-in data with the user's files laid over it. Problems with the
    /// user's files become warnings; the built-in catalogue always works.
    ///
    /// `reserved` names the words a user's complaint may not take (see
    /// `validate::problems`).
    pub fn load(warnings: &mut Vec<String>, reserved: fn() -> Vec<String>) -> Catalog {
        let before = warnings.len();
        let exercises = paths::user_exercises()
            .and_then(|path| read_user_file::<Exercise>(&path, "exercise", warnings));
        let complaints = paths::user_routines()
            .and_then(|path| read_user_file::<Complaint>(&path, "routine", warnings));
        // Both files under a config "directory" that is a file say the same.
        if warnings.len() == before + 2 && warnings[before] == warnings[before + 1] {
            warnings.pop();
        }
        let catalog = Catalog::with_user(exercises, complaints, warnings, reserved);
        if warnings.len() - before > MAX_WARNINGS {
            let more = warnings.len() - before - MAX_WARNINGS;
            warnings.truncate(before + MAX_WARNINGS);
            warnings.push(format!(
                "and {more} more problems in your files; the records concerned are left out"
            ));
        }
        catalog
    }

    /// The built-in data with the given user records laid over it (a record
    /// with a built-in id replaces it), then checked: each user record that
    /// breaks a rule is left out, with a warning. No I/O.
    pub fn with_user(
        exercises: Option<Vec<Exercise>>,
        complaints: Option<Vec<Complaint>>,
        warnings: &mut Vec<String>,
        reserved: fn() -> Vec<String>,
    ) -> Catalog {
        let mut catalog = Catalog::builtin();
        // Without user files there is nothing to lay over or check (and no
        // sets to make: the first hash set a process makes asks the system
        // for random keys).
        if exercises.is_none() && complaints.is_none() {
            return catalog;
        }
        let user_exercises: HashSet<String> = exercises
            .iter()
            .flatten()
            .map(|e| e.id.to_string())
            .collect();
        let user_complaints: HashSet<String> = complaints
            .iter()
            .flatten()
            .map(|c| c.id.to_string())
            .collect();
        if let Some(records) = exercises {
            overlay(catalog.exercises.to_mut(), records);
        }
        if let Some(records) = complaints {
            overlay(catalog.complaints.to_mut(), records);
        }
        // The built-in data is checked by the tests; only user data needs it here.
        if !user_exercises.is_empty() || !user_complaints.is_empty() {
            catalog.drop_invalid_user_records(
                &user_exercises,
                &user_complaints,
                warnings,
                reserved,
            );
        }
        catalog
    }

    /// Remove user records that break the catalogue's rules, with a warning
    /// each. All the records at fault are removed at once, then the rest is
    /// checked again (a record can depend on one just removed), so a large
    /// file with many bad records takes a few passes, not one per record.
    fn drop_invalid_user_records(
        &mut self,
        user_exercises: &HashSet<String>,
        user_complaints: &HashSet<String>,
        warnings: &mut Vec<String>,
        reserved: fn() -> Vec<String>,
    ) {
        let mut dropped_exercises = HashSet::new();
        let mut dropped_complaints = HashSet::new();
        loop {
            let mut bad_exercises = HashSet::new();
            let mut bad_complaints = HashSet::new();
            for problem in validate::problems(self, reserved) {
                match problem.subject {
                    validate::Subject::Exercise(id)
                        if user_exercises.contains(&id)
                            && !dropped_exercises.contains(&id)
                            && !bad_exercises.contains(&id) =>
                    {
                        warnings.push(format!(
                            "ignoring your exercise '{id}': {}",
                            problem.message
                        ));
                        bad_exercises.insert(id);
                    }
                    validate::Subject::Complaint(id)
                        if user_complaints.contains(&id)
                            && !dropped_complaints.contains(&id)
                            && !bad_complaints.contains(&id) =>
                    {
                        warnings.push(format!("ignoring your routine '{id}': {}", problem.message));
                        bad_complaints.insert(id);
                    }
                    _ => {}
                }
            }
            if bad_exercises.is_empty() && bad_complaints.is_empty() {
                return;
            }
            self.follow_removals(&mut bad_exercises, &mut bad_complaints, warnings);
            self.exercises
                .to_mut()
                .retain(|e| !bad_exercises.contains(&*e.id));
            // A built-in record it replaced comes back.
            self.exercises.to_mut().extend(
                builtin::EXERCISES
                    .iter()
                    .filter(|b| bad_exercises.contains(&*b.id))
                    .cloned(),
            );
            self.complaints
                .to_mut()
                .retain(|c| !bad_complaints.contains(&*c.id));
            self.complaints.to_mut().extend(
                builtin::COMPLAINTS
                    .iter()
                    .filter(|b| bad_complaints.contains(&*b.id))
                    .cloned(),
            );
            dropped_exercises.extend(bad_exercises);
            dropped_complaints.extend(bad_complaints);
        }
    }

    /// Add to the records being removed every user record that refers to one
    /// of them (a variant, a routine item, an `avoid_in`) and so would break
    /// once it is gone, following chains in one pass instead of one full check
    /// per link. A removed record that a built-in one replaces breaks nothing.
    fn follow_removals(
        &self,
        exercises: &mut HashSet<String>,
        complaints: &mut HashSet<String>,
        warnings: &mut Vec<String>,
    ) {
        #[derive(Clone, Copy)]
        enum Who<'a> {
            Exercise(&'a str),
            Complaint(&'a str),
        }
        let mut uses_exercise: std::collections::HashMap<&str, Vec<Who>> = Default::default();
        let mut uses_complaint: std::collections::HashMap<&str, Vec<Who>> = Default::default();
        for e in &self.exercises {
            for v in e.easier.iter().chain(e.harder.iter()) {
                uses_exercise
                    .entry(v)
                    .or_default()
                    .push(Who::Exercise(&e.id));
            }
            for a in e.avoid_in.iter() {
                uses_complaint
                    .entry(a)
                    .or_default()
                    .push(Who::Exercise(&e.id));
            }
        }
        for c in &self.complaints {
            for item in c.items.iter() {
                uses_exercise
                    .entry(&item.exercise)
                    .or_default()
                    .push(Who::Complaint(&c.id));
            }
        }
        let builtin_exercise = |id: &str| builtin::EXERCISES.iter().any(|b| b.id == id);
        let builtin_complaint = |id: &str| builtin::COMPLAINTS.iter().any(|b| b.id == id);
        let mut queue: Vec<Who> = Vec::new();
        queue.extend(
            self.exercises
                .iter()
                .filter(|e| exercises.contains(&*e.id) && !builtin_exercise(&e.id))
                .map(|e| Who::Exercise(&e.id)),
        );
        queue.extend(
            self.complaints
                .iter()
                .filter(|c| complaints.contains(&*c.id) && !builtin_complaint(&c.id))
                .map(|c| Who::Complaint(&c.id)),
        );
        while let Some(gone) = queue.pop() {
            let users = match gone {
                Who::Exercise(id) => uses_exercise.get(id),
                Who::Complaint(id) => uses_complaint.get(id),
            };
            let gone_id = match gone {
                Who::Exercise(id) | Who::Complaint(id) => id,
            };
            for &user in users.into_iter().flatten() {
                let (id, set, kind, comes_back) = match user {
                    Who::Exercise(id) => (id, &mut *exercises, "exercise", builtin_exercise(id)),
                    Who::Complaint(id) => (id, &mut *complaints, "routine", builtin_complaint(id)),
                };
                if set.contains(id) {
                    continue;
                }
                warnings.push(format!(
                    "ignoring your {kind} '{id}': it uses '{gone_id}', which was left out"
                ));
                set.insert(id.to_string());
                if !comes_back {
                    queue.push(user);
                }
            }
        }
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

/// At most this many warnings about the user's files are shown, then a count.
pub const MAX_WARNINGS: usize = 20;

/// The largest user file backfix reads (16 MB).
pub const MAX_USER_FILE: u64 = 16 * 1024 * 1024;

/// The text of a user's file: `Ok(None)` when there is none, an error
/// message when it cannot be used. Only regular files are read (a FIFO would
/// block and `/dev/zero` never ends), up to [`MAX_USER_FILE`]; a UTF-8 byte
/// order mark is dropped.
pub fn read_user_text(path: &Path) -> Result<Option<String>, String> {
    use std::io::Read;
    let shown = path.display();
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO without a writer would block; this returns at once,
        // and the type check below refuses it.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        // Windows says "not found" where a part of the path is a file.
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && !(cfg!(windows) && paths::blocked_by_file(path)) =>
        {
            return Ok(None);
        }
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotADirectory | std::io::ErrorKind::NotFound
            ) =>
        {
            return Err(format!(
                "{}, so your own files there cannot be read",
                paths::not_a_directory(path)
            ));
        }
        Err(e) => return Err(format!("cannot read {shown}: {e}")),
    };
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{shown} is a directory, not a file"));
    }
    if !meta.is_file() {
        return Err(format!(
            "{shown} is not a regular file (a pipe, socket or device); only regular files are read"
        ));
    }
    let too_big = || format!("{shown} is larger than {} MB", MAX_USER_FILE >> 20);
    if meta.len() > MAX_USER_FILE {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_USER_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_USER_FILE {
        return Err(too_big());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown} is not UTF-8 text (an invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }))
}

/// The records in a user file's text, checked one by one: the ones that
/// parse, and a warning for each one that does not (its position, its id
/// when it has one, and why). `Err` when the file as a whole is unusable
/// (empty, not JSON, not an array). `label` names the file in messages.
pub fn parse_records<T: DeserializeOwned>(
    text: &str,
    label: &str,
    what: &str,
) -> Result<(Vec<T>, Vec<String>), String> {
    use serde_json::Value;
    if text.trim().is_empty() {
        return Err(format!(
            "{label} is empty; it should hold a JSON array of {what} records (`[]` for none)"
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        format!("{label}:{}:{}: {message}", e.line(), e.column())
    })?;
    let items = match value {
        Value::Array(items) => items,
        other => {
            let found = match other {
                Value::Object(_) => "an object",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "true or false",
                _ => "null",
            };
            return Err(format!(
                "{label}: expected a JSON array of {what} records, [ {{...}}, ... ], but found {found}"
            ));
        }
    };
    let total = items.len();
    let mut records = Vec::with_capacity(total);
    let mut warnings = Vec::new();
    for (i, mut item) in items.into_iter().enumerate() {
        // `show --json` adds the full citations to a record; a record copied
        // from it is a fine start for the user's own, so that field is ignored.
        if let Value::Object(fields) = &mut item {
            fields.remove("citations");
        }
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .map(|id| format!(" (id '{}')", crate::output::fit(id, 40)));
        match T::deserialize(item) {
            Ok(r) => records.push(r),
            Err(e) => warnings.push(format!(
                "{label}: {what} {} of {total}{}: {e}; leaving it out",
                i + 1,
                id.unwrap_or_default()
            )),
        }
    }
    Ok((records, warnings))
}

/// Read a user's JSON file: `None` when it is absent or unusable (with a
/// warning); otherwise its good records, with a warning for each bad one.
fn read_user_file<T: DeserializeOwned>(
    path: &Path,
    what: &str,
    warnings: &mut Vec<String>,
) -> Option<Vec<T>> {
    let text = match read_user_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(message) => {
            warnings.push(format!("{message}; using the built-in data"));
            return None;
        }
    };
    match parse_records(&text, &path.display().to_string(), what) {
        Ok((records, bad)) => {
            warnings.extend(bad);
            Some(records)
        }
        Err(message) => {
            warnings.push(format!(
                "{message}; ignoring this file and using the built-in data"
            ));
            None
        }
    }
}

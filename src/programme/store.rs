//! The plan on disk: `plan.json` in the data directory (synced with the
//! journal, so a plan follows the person between machines). Versioned JSON
//! ([`super::plan::Spec`], `v` 1), written to a temporary file with mode
//! 0600 and renamed over the old one, so a reader sees a whole file. A file
//! that cannot be read or parsed is reported, never fatal: the commands say
//! so and carry on as if no plan were running.

use super::plan::{self, Spec, State};
use crate::catalog::Catalog;
#[cfg(windows)]
use crate::paths::unix_compat::OpenOptionsExt;
use chrono::{NaiveDate, NaiveDateTime};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

pub const PLAN_FILE: &str = "plan.json";
/// A plan file larger than this is not a plan.
const MAX_BYTES: u64 = 64 << 10;

/// The plan file in a data directory.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(PLAN_FILE)
}

/// What is on disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    None,
    Running(Spec),
    /// The file is there but is not a plan: why.
    Damaged(String),
}

/// Read the plan file.
pub fn load(path: &Path) -> Loaded {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::None,
        Err(e) => return Loaded::Damaged(format!("cannot read {}: {e}", path.display())),
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Loaded::Damaged(format!(
            "{} is not a plan file (not a small regular file)",
            path.display()
        ));
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return Loaded::Damaged(format!("cannot read {}: {e}", path.display())),
    };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return Loaded::Damaged(format!("{} is damaged: {e}", path.display())),
    };
    match value.get("v").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(plan::VERSION) => {}
        Some(v) if v > u64::from(plan::VERSION) => {
            return Loaded::Damaged(format!(
                "{} is from a newer backfix (format {v})",
                path.display()
            ));
        }
        _ => {
            return Loaded::Damaged(format!("{} is damaged: no format version", path.display()));
        }
    }
    match serde_json::from_value::<Spec>(value) {
        Ok(s) if s.start_date().is_some() => Loaded::Running(s),
        Ok(_) => Loaded::Damaged(format!(
            "{} is damaged: the start date does not read",
            path.display()
        )),
        Err(e) => Loaded::Damaged(format!("{} is damaged: {e}", path.display())),
    }
}

/// Write the plan: a temporary file (mode 0600) renamed over the old one.
pub fn save(path: &Path, spec: &Spec) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::paths::ensure_dir(dir)?;
    let tmp = dir.join(format!(".{PLAN_FILE}.{}", std::process::id()));
    let mut text = serde_json::to_vec_pretty(spec).map_err(io::Error::other)?;
    text.push(b'\n');
    let written = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(&text)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Remove the plan file; `false` when there was none.
pub fn remove(path: &Path) -> io::Result<bool> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// The times a reminder that suggested walking got Done.
pub fn walk_reminders_done(events: &[crate::remind::Event]) -> Vec<NaiveDateTime> {
    events
        .iter()
        .filter(|e| {
            e.event == crate::remind::EventKind::Done
                && e.exercise.as_deref() == Some(plan::WALKING)
        })
        .filter_map(|e| NaiveDateTime::parse_from_str(&e.time, crate::record::TIME_FORMAT).ok())
        .collect()
}

/// Everything a plan's state needs, read from the default paths: the spec,
/// the journal and the reminder history, replayed to `today`. `Ok(None)`
/// when no plan runs; problems reading the record land in `warnings`.
pub struct Running {
    pub spec: Spec,
    pub state: State,
    pub journal: crate::record::Journal,
}

/// Load the running plan from the default paths; a damaged file is a
/// warning and no plan.
pub fn running(
    catalog: &Catalog,
    today: NaiveDate,
    warnings: &mut Vec<String>,
) -> io::Result<Option<Running>> {
    let (data, _) = crate::record::store::dirs()?;
    let spec = match load(&path_in(&data)) {
        Loaded::None => return Ok(None),
        Loaded::Damaged(why) => {
            warnings.push(format!(
                "{why}; no plan is running (start one again with backfix plan start)"
            ));
            return Ok(None);
        }
        Loaded::Running(s) => s,
    };
    let Some(started) = spec.start_date() else {
        return Ok(None);
    };
    let Some(complaint) = catalog.complaint(&spec.complaint) else {
        warnings.push(format!(
            "the plan's routine '{}' is missing; no plan is running",
            crate::output::clean_line(&spec.complaint)
        ));
        return Ok(None);
    };
    let journal = crate::record::store::read_all(&data, warnings);
    if let Some(w) = journal.warning() {
        warnings.push(format!("{}: {w}", data.display()));
    }
    let events = crate::record::store::read_history(warnings);
    let state = plan::replay(
        catalog,
        complaint,
        &spec,
        started,
        &journal.records,
        &walk_reminders_done(&events),
        today,
    );
    Ok(Some(Running {
        spec,
        state,
        journal,
    }))
}

/// The reminder's suggestions while a plan runs (`None` without one). Any
/// problem reading means `None`: the reminder then suggests as it would
/// without a plan.
pub fn reminder_ids(catalog: &Catalog, now: NaiveDateTime) -> Option<Vec<String>> {
    let mut ignored = Vec::new();
    let r = running(catalog, now.date(), &mut ignored).ok()??;
    let ids = plan::reminder_suggestions(catalog, &r.state);
    (!ids.is_empty()).then_some(ids)
}

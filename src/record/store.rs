//! The journal on disk: one file per machine in the data directory, merged
//! on read (see the format in [`super`]).
//!
//! The machine id is a random 16-hex-digit id, created once and kept in
//! `machine-id` in the state directory. Not /etc/machine-id: cloned virtual
//! machines and containers share it, and it is missing in some containers,
//! so two machines could write one file. The state directory is per machine
//! and is not the synced data directory, so each machine keeps its own id.

use super::{Journal, Record};
#[cfg(windows)]
use crate::paths::unix_compat::{FileExt, OpenOptionsExt};
use chrono::NaiveDate;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
#[cfg(unix)]
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

pub const ID_FILE: &str = "machine-id";
pub const PREFIX: &str = "journal-";
pub const SUFFIX: &str = ".jsonl";

fn valid_id(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn new_id() -> String {
    let mut bytes = [0u8; 8];
    if File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .is_err()
    {
        // No /dev/urandom: time and pid are unique enough for a file name.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        bytes = (nanos ^ (u64::from(std::process::id()) << 32)).to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// This machine's id, created in `state_dir` the first time.
pub fn machine_id(state_dir: &Path) -> io::Result<String> {
    let path = state_dir.join(ID_FILE);
    if let Ok(s) = fs::read_to_string(&path)
        && valid_id(s.trim())
    {
        return Ok(s.trim().to_string());
    }
    crate::paths::ensure_dir(state_dir)?;
    let id = new_id();
    // create_new: if another backfix made it first, use theirs.
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
    {
        Ok(mut f) => {
            f.write_all(format!("{id}\n").as_bytes())?;
            Ok(id)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let s = fs::read_to_string(&path)?;
            if valid_id(s.trim()) {
                Ok(s.trim().to_string())
            } else {
                // A damaged id file: replace it.
                fs::write(&path, format!("{id}\n"))?;
                Ok(id)
            }
        }
        Err(e) => Err(e),
    }
}

/// This machine's journal file.
pub fn journal_path(data_dir: &Path, id: &str) -> PathBuf {
    data_dir.join(format!("{PREFIX}{id}{SUFFIX}"))
}

/// Every machine's journal file in the data directory, sorted by name.
pub fn journal_files(data_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut v = Vec::new();
    let entries = match fs::read_dir(data_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(v),
        Err(e) => return Err(e),
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(PREFIX) && name.ends_with(SUFFIX) && e.path().is_file() {
            v.push(e.path());
        }
    }
    v.sort();
    Ok(v)
}

/// Append one record to a journal, whole (see [`crate::jsonl::append`]).
pub fn append(path: &Path, record: &Record) -> io::Result<()> {
    crate::jsonl::append(path, super::to_line(record).as_bytes())
}

/// Append a session to this machine's journal, from the default paths:
/// the one call guided mode makes when a routine ends.
pub fn append_session(time: chrono::NaiveDateTime, session: super::Session) -> io::Result<()> {
    append_here(&Record {
        time,
        entry: super::Entry::Session(session),
    })
}

/// Append a record to this machine's journal, from the default paths.
pub fn append_here(record: &Record) -> io::Result<()> {
    let (data, state) = dirs()?;
    let id = machine_id(&state)?;
    append(&journal_path(&data, &id), record)
}

/// The data and state directories, or an error saying none is known.
pub fn dirs() -> io::Result<(PathBuf, PathBuf)> {
    let data = crate::paths::data_dir().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no data directory (set BACKFIX_DATA_DIR)",
        )
    })?;
    let state = crate::paths::state_dir().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no state directory (set BACKFIX_STATE_DIR)",
        )
    })?;
    Ok((data, state))
}

/// Read and merge every machine's journal, sorted by time. A file that
/// cannot be read counts as one unreadable line, named in `errors`.
pub fn read_all(data_dir: &Path, errors: &mut Vec<String>) -> Journal {
    let mut j = Journal::default();
    let files = match journal_files(data_dir) {
        Ok(f) => f,
        Err(e) => {
            errors.push(format!("cannot read {}: {e}", data_dir.display()));
            return j;
        }
    };
    // A record also found in an earlier file is a copy (a sync tool's
    // conflict copy, say `journal-ID.sync-conflict-....jsonl`): kept once.
    // Within one file, equal records are separate events and all kept.
    let mut seen = std::collections::HashSet::new();
    for f in files {
        match fs::read(&f) {
            Ok(bytes) => {
                let mut one = super::parse(&String::from_utf8_lossy(&bytes));
                let lines: Vec<String> = one.records.iter().map(super::to_line).collect();
                let mut keep = lines.iter().map(|l| !seen.contains(l));
                one.records.retain(|_| keep.next().unwrap_or(true));
                seen.extend(lines);
                j.merge(one);
            }
            Err(e) => errors.push(format!("cannot read {}: {e}", f.display())),
        }
    }
    j.sort();
    j
}

/// Rewrite a JSON Lines file in place, under its lock, keeping the lines
/// `keep` says to keep; returns how many were removed. In place (not a new
/// file renamed over it) so a writer waiting for the lock appends to the
/// file that stays.
pub fn filter_file(path: &Path, keep: impl Fn(&str) -> bool) -> io::Result<usize> {
    let file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    file.lock()?;
    let result = (|| {
        let mut bytes = Vec::new();
        (&file).read_to_end(&mut bytes)?;
        let text = String::from_utf8_lossy(&bytes);
        let mut out = String::with_capacity(text.len());
        let mut removed = 0;
        for line in text.lines() {
            if keep(line) {
                out.push_str(line);
                out.push('\n');
            } else {
                removed += 1;
            }
        }
        if removed > 0 {
            file.set_len(0)?;
            file.write_all_at(out.as_bytes(), 0)?;
            file.sync_all()?;
        }
        Ok(removed)
    })();
    let _ = file.unlock();
    result
}

/// Whether a JSON line's `time` is before `date` (lines without a readable
/// time are kept by `forget --before`: nothing is deleted on a guess).
pub fn line_before(line: &str, date: NaiveDate) -> bool {
    serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v.get("time")?.as_str().map(str::to_string))
        .and_then(|t| NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok())
        .is_some_and(|d| d < date)
}

/// The time now, local wall clock. `BACKFIX_NOW` (`YYYY-MM-DDTHH:MM:SS`)
/// fixes it, for tests and the benchmark.
pub fn now() -> chrono::NaiveDateTime {
    std::env::var("BACKFIX_NOW")
        .ok()
        .and_then(|s| chrono::NaiveDateTime::parse_from_str(s.trim(), super::TIME_FORMAT).ok())
        .unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// The reminder history, its skipped lines reported in `errors`.
pub fn read_history(errors: &mut Vec<String>) -> Vec<crate::remind::Event> {
    let Some(path) = crate::paths::history_file() else {
        return Vec::new();
    };
    match crate::remind::state::read_history(&path) {
        Ok(h) => {
            if let Some(w) = h.warning(&path) {
                errors.push(w);
            }
            h.events
        }
        Err(e) => {
            errors.push(format!("cannot read {}: {e}", path.display()));
            Vec::new()
        }
    }
}

/// Everything recorded: the merged journal and the reminder history. Skipped
/// lines and unreadable files are reported in `errors`, once each.
pub fn load(errors: &mut Vec<String>) -> io::Result<(Journal, Vec<crate::remind::Event>)> {
    let (data, _) = dirs()?;
    let journal = read_all(&data, errors);
    if let Some(w) = journal.warning() {
        errors.push(format!("{}: {w}", data.display()));
    }
    let events = read_history(errors);
    Ok((journal, events))
}

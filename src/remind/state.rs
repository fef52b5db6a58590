//! Files of a running reminder: the lock (one reminder per user), the status
//! file read by `--status`, and the history log.

use super::{Event, History};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "remind.lock";
pub const STATUS_FILE: &str = "remind.json";

fn flock(f: &File, op: libc::c_int) -> io::Result<()> {
    // SAFETY: flock on a file descriptor we own.
    if unsafe { libc::flock(f.as_raw_fd(), op) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Held for as long as the reminder runs; the kernel releases it if we die.
pub struct Lock {
    _file: File,
}

pub enum Acquired {
    Yes(Lock),
    /// Another reminder holds it; its pid when known.
    Busy(Option<u32>),
}

fn read_pid(path: &Path) -> Option<u32> {
    let mut s = String::new();
    File::open(path).ok()?.read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}

pub fn acquire(dir: &Path) -> io::Result<Acquired> {
    crate::paths::ensure_dir(dir)?;
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match flock(&file, libc::LOCK_EX | libc::LOCK_NB) {
        Ok(()) => {
            file.set_len(0)?;
            file.rewind()?;
            writeln!(file, "{}", std::process::id())?;
            file.flush()?;
            Ok(Acquired::Yes(Lock { _file: file }))
        }
        Err(e) if e.raw_os_error() == Some(libc::EWOULDBLOCK) => {
            Ok(Acquired::Busy(read_pid(&path)))
        }
        Err(e) => Err(e),
    }
}

/// Whether a reminder holds the lock in `dir`, and its pid.
pub fn running(dir: &Path) -> Option<u32> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new().read(true).write(true).open(&path).ok()?;
    match flock(&file, libc::LOCK_EX | libc::LOCK_NB) {
        Ok(()) => {
            let _ = flock(&file, libc::LOCK_UN);
            None
        }
        Err(_) => Some(read_pid(&path).unwrap_or(0)),
    }
}

/// What `--status` shows.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Status {
    pub pid: u32,
    pub started: String,
    pub every: String,
    pub every_seconds: u64,
    pub next: Option<String>,
    pub fired: u32,
    #[serde(rename = "for")]
    pub for_complaint: Option<String>,
    pub between: Option<String>,
    pub days: String,
    pub idle_source: String,
}

pub fn write_status(dir: &Path, status: &Status) -> io::Result<()> {
    let tmp = dir.join(format!("{STATUS_FILE}.{}", std::process::id()));
    let text = serde_json::to_string_pretty(status).map_err(io::Error::other)?;
    fs::write(&tmp, text + "\n")?;
    fs::rename(&tmp, dir.join(STATUS_FILE))
}

pub fn read_status(dir: &Path) -> Option<Status> {
    serde_json::from_str(&fs::read_to_string(dir.join(STATUS_FILE)).ok()?).ok()
}

pub fn remove_status(dir: &Path) {
    let _ = fs::remove_file(dir.join(STATUS_FILE));
}

/// Append one JSON line, whole: the file is opened for appending, locked
/// while writing, and the line goes out in one write, so two processes
/// writing at once never tear each other's lines.
pub fn append_line(path: &Path, value: &impl Serialize) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        crate::paths::ensure_dir(dir)?;
    }
    let mut line = serde_json::to_vec(value).map_err(io::Error::other)?;
    line.push(b'\n');
    let mut file = OpenOptions::new().append(true).create(true).open(path)?;
    flock(&file, libc::LOCK_EX)?;
    let result = file.write_all(&line);
    let _ = flock(&file, libc::LOCK_UN);
    result
}

/// History kept in `history.jsonl`; a write that fails is reported once and
/// never stops the reminders.
pub struct FileHistory {
    pub path: Option<PathBuf>,
    warned: bool,
}

impl FileHistory {
    pub fn new(path: Option<PathBuf>) -> FileHistory {
        FileHistory {
            path,
            warned: false,
        }
    }
}

impl History for FileHistory {
    fn record(&mut self, event: &Event) {
        let Some(path) = &self.path else { return };
        if let Err(e) = append_line(path, event)
            && !self.warned
        {
            self.warned = true;
            crate::warn(&format!(
                "cannot write {}: {e}; reminders go on without a history",
                path.display()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lock_per_directory() {
        let dir = tempfile::tempdir().unwrap();
        let Acquired::Yes(lock) = acquire(dir.path()).unwrap() else {
            panic!("first lock")
        };
        assert_eq!(running(dir.path()), Some(std::process::id()));
        // flock locks belong to the open file, so a second open in this process is refused too.
        assert!(
            matches!(acquire(dir.path()).unwrap(), Acquired::Busy(Some(pid)) if pid == std::process::id())
        );
        drop(lock);
        assert_eq!(running(dir.path()), None);
        assert!(matches!(acquire(dir.path()).unwrap(), Acquired::Yes(_)));
    }

    #[test]
    fn concurrent_appends_never_tear_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h/history.jsonl");
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for i in 0..200 {
                        let long = "x".repeat(1000 + t * 100);
                        append_line(&path, &serde_json::json!({"t": t, "i": i, "pad": long}))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1600);
        for line in text.lines() {
            serde_json::from_str::<serde_json::Value>(line).expect("whole line");
        }
    }
}

//! Files of a running reminder: the lock (one reminder per user, and proof of
//! who holds it), the status file read by `remind status`, and the history log.

use super::{Event, History};
#[cfg(windows)]
use crate::paths::unix_compat::OpenOptionsExt;
use serde::{Deserialize, Serialize};
use std::fs::TryLockError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "remind.lock";
/// Where the lock holder's record goes: the lock file itself on Unix. On
/// Windows a locked file cannot be read by another process (`LockFileEx`
/// locks are mandatory), so the record is a file of its own beside it.
#[cfg(not(windows))]
pub const RECORD_FILE: &str = LOCK_FILE;
#[cfg(windows)]
pub const RECORD_FILE: &str = "remind.pid";
pub const STATUS_FILE: &str = "remind.json";

/// Held for as long as the reminder runs; the kernel releases it if we die.
pub struct Lock {
    _file: File,
}

/// Who holds the reminder lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// Nobody: no reminder runs (a lock file left behind is stale).
    Free,
    /// A backfix reminder, proven: the lock is held, and the process named in
    /// the lock file exists, started when the file says, and runs backfix.
    Reminder(u32),
    /// The lock is held, but not provably by a backfix reminder: never signal it.
    Unknown {
        /// The pid the lock file names, if it names one.
        claimed: Option<u32>,
        /// Why it is not trusted, for the message.
        why: String,
    },
}

pub enum Acquired {
    Yes(Lock),
    /// Another process holds it.
    Busy(Holder),
}

/// What the lock record says: the holder's pid and its start time, as `PID
/// START`. The start time is the platform's own: on Linux field 22 of
/// /proc/PID/stat (clock ticks since boot), on macOS microseconds since the
/// epoch (`proc_pidinfo`), on Windows the creation time as a FILETIME
/// (100 ns units since 1601, `GetProcessTimes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockRecord {
    pub pid: u32,
    pub start: u64,
}

impl LockRecord {
    pub fn parse(s: &str) -> Option<LockRecord> {
        let mut it = s.split_ascii_whitespace();
        let pid = it.next()?.parse().ok()?;
        let start = it.next()?.parse().ok()?;
        if it.next().is_some() || pid == 0 || pid > i32::MAX as u32 {
            return None;
        }
        Some(LockRecord { pid, start })
    }
}

fn read_record(path: &Path) -> (Option<u32>, Option<LockRecord>) {
    let mut s = String::new();
    let read = File::open(path)
        .and_then(|f| f.take(4096).read_to_string(&mut s))
        .is_ok();
    if !read {
        return (None, None);
    }
    let claimed = s
        .split_ascii_whitespace()
        .next()
        .and_then(|p| p.parse().ok());
    (claimed, LockRecord::parse(&s))
}

/// A process's start time, field 22 of /proc/PID/stat. The command name
/// (field 2) may hold spaces and parentheses, so fields are counted from
/// the last `)`.
pub fn parse_start_time(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    // After the `)`: field 3 (state) is the first; field 22 is the 20th.
    rest.split_ascii_whitespace().nth(19)?.parse().ok()
}

/// What the system says about a process: its start time and whether it runs backfix.
pub trait Processes {
    fn start_time(&self, pid: u32) -> Option<u64>;
    /// The name of the program the process runs (the executable's file name, or its command name).
    fn program(&self, pid: u32) -> Option<String>;
}

/// The real processes: /proc on Linux, `proc_pidinfo` on macOS,
/// `OpenProcess` on Windows.
pub struct Proc;

#[cfg(all(unix, not(target_vendor = "apple")))]
impl Processes for Proc {
    fn start_time(&self, pid: u32) -> Option<u64> {
        parse_start_time(&fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
    }

    fn program(&self, pid: u32) -> Option<String> {
        if let Ok(exe) = fs::read_link(format!("/proc/{pid}/exe")) {
            return exe.file_name().map(|n| n.to_string_lossy().into_owned());
        }
        fs::read_to_string(format!("/proc/{pid}/comm"))
            .ok()
            .map(|c| c.trim_end().to_string())
    }
}

#[cfg(target_vendor = "apple")]
#[allow(unsafe_code)] // libproc; see the SAFETY comments.
impl Processes for Proc {
    fn start_time(&self, pid: u32) -> Option<u64> {
        let pid = i32::try_from(pid).ok()?;
        // SAFETY: proc_bsdinfo is plain data; all zeroes is a valid value.
        let mut info: libc::proc_bsdinfo = unsafe { std::mem::zeroed() };
        let size = std::mem::size_of::<libc::proc_bsdinfo>() as libc::c_int;
        // SAFETY: writes at most `size` bytes into `info`, which we own.
        let n = unsafe {
            libc::proc_pidinfo(pid, libc::PROC_PIDTBSDINFO, 0, (&raw mut info).cast(), size)
        };
        (n == size).then(|| info.pbi_start_tvsec * 1_000_000 + info.pbi_start_tvusec)
    }

    fn program(&self, pid: u32) -> Option<String> {
        let pid = i32::try_from(pid).ok()?;
        let mut buf = vec![0u8; libc::PROC_PIDPATHINFO_MAXSIZE as usize];
        // SAFETY: writes at most buf.len() bytes of path into `buf`.
        let n = unsafe { libc::proc_pidpath(pid, buf.as_mut_ptr().cast(), buf.len() as u32) };
        let n = usize::try_from(n).ok().filter(|&n| n > 0)?;
        let path = String::from_utf8_lossy(&buf[..n.min(buf.len())]).into_owned();
        Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    }
}

/// An open process handle on Windows, closed when dropped.
#[cfg(windows)]
struct ProcessHandle(windows_sys::Win32::Foundation::HANDLE);

#[cfg(windows)]
#[allow(unsafe_code)] // Win32 calls; see the SAFETY comments.
impl ProcessHandle {
    fn open(pid: u32) -> Option<ProcessHandle> {
        use windows_sys::Win32::System::Threading::{
            OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
        };
        // SAFETY: asks for a handle with query rights only; null on failure.
        let h = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
        (!h.is_null()).then_some(ProcessHandle(h))
    }
}

#[cfg(windows)]
#[allow(unsafe_code)]
impl Drop for ProcessHandle {
    fn drop(&mut self) {
        // SAFETY: the handle was opened by `open` and is closed once, here.
        unsafe { windows_sys::Win32::Foundation::CloseHandle(self.0) };
    }
}

#[cfg(windows)]
#[allow(unsafe_code)] // Win32 calls; see the SAFETY comments.
impl Processes for Proc {
    fn start_time(&self, pid: u32) -> Option<u64> {
        use windows_sys::Win32::Foundation::FILETIME;
        use windows_sys::Win32::System::Threading::GetProcessTimes;
        let h = ProcessHandle::open(pid)?;
        let zero = FILETIME {
            dwLowDateTime: 0,
            dwHighDateTime: 0,
        };
        let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
        // SAFETY: a live handle with query rights, and four FILETIMEs we own.
        let ok = unsafe { GetProcessTimes(h.0, &mut created, &mut exited, &mut kernel, &mut user) };
        (ok != 0)
            .then(|| (u64::from(created.dwHighDateTime) << 32) | u64::from(created.dwLowDateTime))
    }

    fn program(&self, pid: u32) -> Option<String> {
        use windows_sys::Win32::System::Threading::{
            PROCESS_NAME_WIN32, QueryFullProcessImageNameW,
        };
        let h = ProcessHandle::open(pid)?;
        let mut buf = vec![0u16; 32 * 1024];
        let mut len = buf.len() as u32;
        // SAFETY: a live handle with query rights; writes at most `len` UTF-16
        // units into `buf` and the count written into `len`.
        let ok = unsafe {
            QueryFullProcessImageNameW(h.0, PROCESS_NAME_WIN32, buf.as_mut_ptr(), &mut len)
        };
        if ok == 0 {
            return None;
        }
        let path = String::from_utf16_lossy(&buf[..(len as usize).min(buf.len())]);
        path.rsplit(['\\', '/']).next().map(str::to_string)
    }
}

/// Whether a program name is backfix's: `backfix`, `backfix.exe` (any case,
/// as Windows names files), or an upgraded binary, "backfix (deleted)".
pub fn is_backfix(program: &str) -> bool {
    program == "backfix"
        || program == "backfix (deleted)"
        || program.eq_ignore_ascii_case("backfix.exe")
}

/// Whether the process named by a lock record is a backfix reminder: it
/// exists, started when the record says (so the pid was not reused), and
/// runs backfix (an upgraded binary shows as "backfix (deleted)").
pub fn verify(record: Option<LockRecord>, claimed: Option<u32>, procs: &dyn Processes) -> Holder {
    let unknown = |why: &str| Holder::Unknown {
        claimed,
        why: why.to_string(),
    };
    let Some(r) = record else {
        return unknown("the lock file does not name a process and its start time");
    };
    match procs.start_time(r.pid) {
        None => return unknown("the process the lock file names does not exist"),
        Some(t) if t != r.start => {
            return unknown("the process the lock file names started at another time");
        }
        Some(_) => {}
    }
    match procs.program(r.pid) {
        Some(p) if is_backfix(&p) => Holder::Reminder(r.pid),
        Some(p) => unknown(&format!(
            "the process the lock file names runs {p:?}, not backfix"
        )),
        None => unknown("cannot tell which program the process the lock file names runs"),
    }
}

/// This process's lock record. Where /proc cannot tell the start time the
/// record says 0, which `verify` never accepts: the reminder runs, but
/// `stop` will not signal it (Ctrl-C or the session ending still do).
fn own_record() -> LockRecord {
    let pid = std::process::id();
    LockRecord {
        pid,
        start: Proc.start_time(pid).unwrap_or(0),
    }
}

/// Open (or create, private to the user where the platform has modes) a file
/// in the state directory for writing.
fn open_private(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
}

fn open_lock(dir: &Path) -> io::Result<File> {
    crate::paths::ensure_dir(dir)?;
    open_private(&dir.join(LOCK_FILE))
}

/// Write our record where readers look for it ([`RECORD_FILE`]), in one
/// write, so a reader never sees half a record.
fn write_record(lock: &mut File, dir: &Path, me: LockRecord) -> io::Result<()> {
    let text = format!("{} {}\n", me.pid, me.start);
    let mut file = if RECORD_FILE == LOCK_FILE {
        lock.try_clone()?
    } else {
        open_private(&dir.join(RECORD_FILE))?
    };
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

pub fn acquire(dir: &Path) -> io::Result<Acquired> {
    let mut file = open_lock(dir)?;
    match file.try_lock() {
        Ok(()) => {
            write_record(&mut file, dir, own_record())?;
            Ok(Acquired::Yes(Lock { _file: file }))
        }
        Err(TryLockError::WouldBlock) => Ok(Acquired::Busy(holder_of_held_lock(dir, &Proc))),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

fn holder_of_held_lock(dir: &Path, procs: &dyn Processes) -> Holder {
    let (claimed, record) = read_record(&dir.join(RECORD_FILE));
    verify(record, claimed, procs)
}

/// Who holds the lock in `dir`. Only a proven backfix reminder is
/// `Holder::Reminder`; a lock file that merely names a pid proves nothing.
pub fn running(dir: &Path) -> Holder {
    running_with(dir, &Proc)
}

pub fn running_with(dir: &Path, procs: &dyn Processes) -> Holder {
    let path = dir.join(LOCK_FILE);
    // Read-only is enough for a lock, and works on a lock file we may not write.
    let Ok(file) = File::open(&path) else {
        return Holder::Free;
    };
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            Holder::Free
        }
        Err(_) => holder_of_held_lock(dir, procs),
    }
}

/// What `remind status` shows.
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
    /// While paused: until when (`null` with `paused` true: until resume).
    #[serde(default)]
    pub paused_until: Option<String>,
    #[serde(default)]
    pub paused: bool,
    /// The pause is a meeting.
    #[serde(default)]
    pub meeting: bool,
    /// A reminder is on screen, unanswered.
    #[serde(default)]
    pub due: bool,
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

/// The history format's version, the `v` field of every record.
pub const HISTORY_VERSION: u32 = 1;

/// What happened, the `event` field of a history record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// The reminder started; `detail` describes the plan.
    Started,
    /// The reminder ended; `detail` says how many were shown.
    Stopped,
    /// A notification was shown on the desktop.
    Shown,
    /// The desktop could not show it, so the terminal did; `detail` says why.
    Fallback,
    /// The Done button.
    Done,
    /// The Snooze button.
    Snoozed,
    /// The Skip button.
    Skipped,
    /// A break was counted (`detail`: idle, or suspended or away) and the interval restarted.
    Break,
    /// `backfix remind pause`; `detail` says until when, and whether for a meeting.
    Paused,
    /// The pause ended; `detail`: resume, now, or time.
    Resumed,
    /// A reminder due during do-not-disturb or a screen lock was never
    /// shown: a break came first (`detail` says which).
    Suppressed,
}

impl EventKind {
    /// The name written in the history.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Started => "started",
            EventKind::Stopped => "stopped",
            EventKind::Shown => "shown",
            EventKind::Fallback => "fallback",
            EventKind::Done => "done",
            EventKind::Snoozed => "snoozed",
            EventKind::Skipped => "skipped",
            EventKind::Break => "break",
            EventKind::Paused => "paused",
            EventKind::Resumed => "resumed",
            EventKind::Suppressed => "suppressed",
        }
    }
}

impl From<super::Action> for EventKind {
    fn from(a: super::Action) -> EventKind {
        match a {
            super::Action::Done => EventKind::Done,
            super::Action::Snoozed => EventKind::Snoozed,
            super::Action::Skipped => EventKind::Skipped,
        }
    }
}

/// The history, `history.jsonl` in the data directory: JSON Lines, one
/// record per line, only ever appended. Format version 1, each record an
/// object with these fields:
///
/// - `v` (number): the format version, 1.
/// - `time` (string): local wall-clock time, `YYYY-MM-DDTHH:MM:SS`.
/// - `event` (string): `started`, `stopped`, `shown`, `fallback`, `done`,
///   `snoozed`, `skipped`, `break`, `paused`, `resumed` or `suppressed`
///   (see `EventKind`).
/// - `exercise` (string, optional): the exercise id, for `shown`,
///   `fallback`, `done`, `snoozed`, `skipped` and `suppressed`.
/// - `detail` (string, optional): free text, such as the plan for
///   `started` or the reason for a `fallback` or a `break`; `shell` on a
///   `done`, `snoozed` or `skipped` given by `backfix remind done` etc.
///
/// Readers ignore fields they do not know; a later version that changes the
/// meaning of a field gets a new `v`. Records without `v` (written before
/// the format was versioned) have the same fields and are read as version 1.
#[derive(Debug, Serialize)]
struct RecordOut<'a> {
    v: u32,
    #[serde(flatten)]
    event: &'a Event,
}

#[derive(Debug, Deserialize)]
struct RecordIn {
    #[serde(default)]
    v: Option<u32>,
    #[serde(flatten)]
    event: Event,
}

/// Append one history record: the file is opened for appending (mode 0600
/// when created) and locked while writing; when its last line was torn
/// (no newline at the end, say after a crash or a full disk) the record
/// starts on a new line; and the record goes out in one `write`.
pub fn append_event(path: &Path, event: &Event) -> io::Result<()> {
    append_line(
        path,
        &RecordOut {
            v: HISTORY_VERSION,
            event,
        },
    )
}

/// Append one JSON value as a line, whole (see `append_event`).
pub fn append_line(path: &Path, value: &impl Serialize) -> io::Result<()> {
    let line = serde_json::to_vec(value).map_err(io::Error::other)?;
    crate::jsonl::append(path, &line)
}

/// The history as read back: the records that parse, and a count of the
/// lines that did not (torn, garbage, or of an unknown version).
#[derive(Debug, Default, PartialEq)]
pub struct HistoryRead {
    pub events: Vec<Event>,
    pub bad_lines: usize,
    pub newer_lines: usize,
}

impl HistoryRead {
    /// One sentence about the skipped lines, if any, for a single warning.
    pub fn warning(&self, path: &Path) -> Option<String> {
        let mut parts = Vec::new();
        if self.bad_lines > 0 {
            parts.push(format!(
                "{} unreadable line{}",
                self.bad_lines,
                if self.bad_lines == 1 { "" } else { "s" }
            ));
        }
        if self.newer_lines > 0 {
            parts.push(format!(
                "{} line{} from a newer backfix",
                self.newer_lines,
                if self.newer_lines == 1 { "" } else { "s" }
            ));
        }
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "{}: skipped {}",
            path.display(),
            parts.join(" and ")
        ))
    }
}

/// Parse history text, skipping and counting the lines that are not records.
pub fn parse_history(text: &str) -> HistoryRead {
    let mut read = HistoryRead::default();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<RecordIn>(line) {
            Ok(r) if r.v.is_none_or(|v| v == HISTORY_VERSION) => read.events.push(r.event),
            Ok(_) => read.newer_lines += 1,
            Err(_) => read.bad_lines += 1,
        }
    }
    read
}

/// Read the history file (a missing file is an empty history). Reads at
/// most the last 16 MB, so a huge file cannot exhaust memory.
pub fn read_history(path: &Path) -> io::Result<HistoryRead> {
    const CAP: u64 = 16 << 20;
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HistoryRead::default()),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut skipped_start = false;
    if meta.len() > CAP {
        file.seek(io::SeekFrom::Start(meta.len() - CAP))?;
        skipped_start = true;
    }
    let mut bytes = Vec::new();
    file.take(CAP).read_to_end(&mut bytes)?;
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    if skipped_start {
        // The first line is probably cut: drop it.
        text = text
            .split_once('\n')
            .map_or(String::new(), |(_, rest)| rest.to_string());
    }
    Ok(parse_history(&text))
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
        if let Err(e) = append_event(path, event)
            && !self.warned
        {
            self.warned = true;
            crate::output::warning(&format!(
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
    fn event_names_are_what_serde_writes() {
        use EventKind::*;
        for k in [
            Started, Stopped, Shown, Fallback, Done, Snoozed, Skipped, Break, Paused, Resumed,
            Suppressed,
        ] {
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::Value::from(k.as_str())
            );
        }
    }

    #[test]
    fn one_lock_per_directory() {
        let dir = tempfile::tempdir().unwrap();
        let Acquired::Yes(lock) = acquire(dir.path()).unwrap() else {
            panic!("first lock")
        };
        let me = std::process::id();
        // The test binary is not called backfix, so it is held but not proven.
        assert!(matches!(
            running(dir.path()),
            Holder::Unknown { claimed: Some(p), .. } if p == me
        ));
        let text = fs::read_to_string(dir.path().join(RECORD_FILE)).unwrap();
        let record = LockRecord::parse(&text).unwrap();
        assert_eq!(record.pid, me);
        assert_eq!(Some(record.start), Proc.start_time(me));
        // File::lock locks (flock, LockFileEx) belong to the open file, so a
        // second open in this process is refused too.
        assert!(matches!(acquire(dir.path()).unwrap(), Acquired::Busy(_)));
        drop(lock);
        assert_eq!(running(dir.path()), Holder::Free);
        assert!(matches!(acquire(dir.path()).unwrap(), Acquired::Yes(_)));
    }

    struct FakeProcs(Vec<(u32, u64, &'static str)>);
    impl Processes for FakeProcs {
        fn start_time(&self, pid: u32) -> Option<u64> {
            self.0.iter().find(|p| p.0 == pid).map(|p| p.1)
        }
        fn program(&self, pid: u32) -> Option<String> {
            self.0.iter().find(|p| p.0 == pid).map(|p| p.2.to_string())
        }
    }

    #[test]
    fn only_a_proven_backfix_reminder_is_the_holder() {
        let procs = FakeProcs(vec![
            (1, 5, "systemd"),
            (4000, 900, "backfix"),
            (4001, 901, "backfix (deleted)"),
            (4002, 902, "sleep"),
            (4003, 903, "BACKFIX.EXE"),
            (4004, 904, "backfix.exe.bak"),
        ]);
        let rec = |s: &str| {
            (
                LockRecord::parse(s),
                s.split(' ').next().and_then(|p| p.parse().ok()),
            )
        };
        let check = |s: &str| {
            let (r, c) = rec(s);
            verify(r, c, &procs)
        };
        assert_eq!(check("4000 900"), Holder::Reminder(4000));
        assert_eq!(check("4001 901"), Holder::Reminder(4001), "upgraded binary");
        assert_eq!(check("4003 903"), Holder::Reminder(4003), "Windows names");
        for bad in [
            "1",
            "1 5",
            "4000",
            "4000 901",
            "4002 902",
            "4004 904",
            "4999 1",
            "0 0",
            "",
            "x y",
            "4000 900 1",
        ] {
            assert!(
                matches!(check(bad), Holder::Unknown { .. }),
                "{bad:?} must not be trusted"
            );
        }
        assert!(matches!(
            check("1"),
            Holder::Unknown {
                claimed: Some(1),
                ..
            }
        ));
    }

    #[test]
    fn start_time_is_field_22_even_with_odd_command_names() {
        let stat =
            "4242 (a) b (c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 123456 1000 200";
        assert_eq!(parse_start_time(stat), Some(123456));
        assert_eq!(parse_start_time("garbage"), None);
        assert_eq!(parse_start_time("1 (x) S 1"), None);
    }

    fn ev(kind: EventKind, exercise: Option<&str>) -> Event {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        Event::new(t, kind, exercise, None)
    }

    #[test]
    fn history_records_are_versioned_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d/history.jsonl");
        append_event(&path, &ev(EventKind::Shown, Some("clamshell"))).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "{\"v\":1,\"time\":\"2026-11-24T10:00:00\",\"event\":\"shown\",\"exercise\":\"clamshell\"}\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    #[test]
    fn a_torn_last_line_costs_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        fs::write(
            &path,
            "{\"time\":\"2026-11-24T09:00:00\",\"event\":\"shown\",\"exercise\":\"walking\"}\n{\"time\":\"2026-11-24T09:45:00\",\"event\":\"sho",
        )
        .unwrap();
        append_event(&path, &ev(EventKind::Done, Some("walking"))).unwrap();
        append_event(&path, &ev(EventKind::Stopped, None)).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.ends_with('\n'));
        assert_eq!(text.lines().count(), 4, "{text}");
        let read = parse_history(&text);
        assert_eq!(read.bad_lines, 1, "only the torn line");
        let kinds: Vec<EventKind> = read.events.iter().map(|e| e.event).collect();
        assert_eq!(
            kinds,
            [EventKind::Shown, EventKind::Done, EventKind::Stopped],
            "the unversioned old record is read too"
        );
    }

    #[test]
    fn readers_skip_and_count_bad_lines() {
        let text = "garbage\n\n{\"v\":1,\"time\":\"t\",\"event\":\"break\",\"detail\":\"idle\",\"new\":3}\n\
                    {\"v\":1,\"time\":\"t\",\"event\":\"exploded\"}\n[1,2]\n\u{0}\u{1b}[2J\n\
                    {\"v\":2,\"time\":\"t\",\"event\":\"shown\"}\n{\"v\":1,\"event\":\"shown\"}\n";
        let read = parse_history(text);
        assert_eq!(read.events.len(), 1);
        assert_eq!(read.events[0].event, EventKind::Break);
        assert_eq!(read.bad_lines, 5);
        assert_eq!(read.newer_lines, 1);
        let w = read.warning(Path::new("h.jsonl")).unwrap();
        assert_eq!(
            w,
            "h.jsonl: skipped 5 unreadable lines and 1 line from a newer backfix"
        );
        assert_eq!(parse_history("").warning(Path::new("h")), None);
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

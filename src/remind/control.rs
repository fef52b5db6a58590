//! The command channel of a running reminder: `backfix remind pause`,
//! `resume`, `now`, `snooze`, `skip` and `done` reach it over a unix socket
//! (a named pipe on Windows, `control_windows.rs`) only the same user can use.
//!
//! Why a socket and not a D-Bus name: it works where there is no session bus
//! (a console, SSH, a systemd service started before the desktop), it needs
//! no async executor, and the loop already waits on one channel
//! (`Clock::wait_until`): the listening thread sleeps in `accept(2)` and
//! hands each command to that channel, so nothing polls. Only the same user
//! gets in: the socket lives in `$XDG_RUNTIME_DIR` (mode 0700 by the
//! standard; the state dir otherwise), the socket itself is made mode 0600,
//! and every connection's peer uid is checked with `SO_PEERCRED` (which also
//! closes the short window between `bind` and `chmod`).
//!
//! The wire format is one line each way: the command (see [`Command::encode`])
//! and the loop's answer, `ok <text>` or `error <text>`. Both ends of it are
//! written once here ([`serve`], [`exchange`]), over any `Read + Write`: the
//! unix socket below, the named pipe on Windows.

use super::Msg;
use crate::remind::schedule::{parse_clock, parse_interval};
use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use std::io::{self, BufRead, BufReader, Read, Write};
#[cfg(unix)]
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

#[cfg(windows)]
#[path = "control_windows.rs"]
mod pipe;
#[cfg(windows)]
pub use pipe::{Listener, address, listen, send};

/// The socket's file name.
pub const SOCKET: &str = "backfix-remind.sock";
/// How long a client or the listener waits for the other side.
pub const TIMEOUT: Duration = Duration::from_secs(3);
/// The longest command line accepted.
const MAX_LINE: u64 = 256;
/// The longest answer line read.
const MAX_ANSWER: u64 = 4096;

/// What the shell asks of the running reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Hold reminders until a time, or until `resume`; a meeting offers a
    /// stretch when it ends.
    Pause {
        until: Option<NaiveDateTime>,
        meeting: bool,
    },
    Resume,
    /// A reminder now.
    Now,
    /// Put the reminder on screen (or the next one) off; `None`: the snooze time.
    Snooze(Option<Duration>),
    Skip,
    Done,
}

const TIME_FMT: &str = "%Y-%m-%dT%H:%M:%S";

impl Command {
    /// The line sent on the socket.
    pub fn encode(&self) -> String {
        match self {
            Command::Pause { until, meeting } => format!(
                "pause {} {}",
                until.map_or("-".to_string(), |t| t.format(TIME_FMT).to_string()),
                if *meeting { "meeting" } else { "-" }
            ),
            Command::Resume => "resume".into(),
            Command::Now => "now".into(),
            Command::Snooze(None) => "snooze -".into(),
            Command::Snooze(Some(d)) => format!("snooze {}", d.as_secs()),
            Command::Skip => "skip".into(),
            Command::Done => "done".into(),
        }
    }

    /// A line from the socket; None for anything else.
    pub fn decode(line: &str) -> Option<Command> {
        let w: Vec<&str> = line.split_ascii_whitespace().collect();
        Some(match w.as_slice() {
            ["pause", until, meeting] => Command::Pause {
                until: match *until {
                    "-" => None,
                    t => Some(NaiveDateTime::parse_from_str(t, TIME_FMT).ok()?),
                },
                meeting: match *meeting {
                    "meeting" => true,
                    "-" => false,
                    _ => return None,
                },
            },
            ["resume"] => Command::Resume,
            ["now"] => Command::Now,
            ["snooze", "-"] => Command::Snooze(None),
            ["snooze", secs] => {
                let s: u64 = secs.parse().ok()?;
                if s == 0 || s > 7 * 24 * 3600 {
                    return None;
                }
                Command::Snooze(Some(Duration::from_secs(s)))
            }
            ["skip"] => Command::Skip,
            ["done"] => Command::Done,
            _ => return None,
        })
    }
}

/// A meeting with no length given lasts this long.
pub const DEFAULT_MEETING: Duration = Duration::from_secs(3600);

/// The end of a pause from its words: nothing (until `resume`, or one hour
/// for a meeting), a length (`30m`, `1h`), `until 14:00` (today, or
/// tomorrow if that time has passed) or `until tomorrow` (midnight).
pub fn pause_end(
    words: &[String],
    meeting: bool,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, String> {
    let words: Vec<&str> = words.iter().map(|w| w.trim()).collect();
    let after = |d: Duration| {
        TimeDelta::from_std(d)
            .map(|d| now + d)
            .map_err(|_| "that pause is too long".to_string())
    };
    match words.as_slice() {
        [] if meeting => after(DEFAULT_MEETING).map(Some),
        [] => Ok(None),
        ["until", "tomorrow"] | ["tomorrow"] => {
            Ok(now.date().succ_opt().map(|d| d.and_time(NaiveTime::MIN)))
        }
        ["until", t] => {
            let t = parse_clock(t)?;
            let today = now.date().and_time(t);
            Ok(Some(if today > now {
                today
            } else {
                today + TimeDelta::days(1)
            }))
        }
        [d] => after(parse_interval(d)?).map(Some),
        _ => Err(format!(
            "cannot read `{}` as a pause: give 30m, 1h, `until 14:00` or `until tomorrow`",
            words.join(" ")
        )),
    }
}

/// Where the reminder whose state dir is `state_dir` listens: its socket
/// (on Windows, its pipe's name).
#[cfg(unix)]
pub fn address(state_dir: &Path) -> io::Result<PathBuf> {
    Ok(socket_path(state_dir))
}

/// Where the socket is: `$XDG_RUNTIME_DIR`, or else the state dir.
pub fn socket_path(state_dir: &Path) -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(d) if d.is_absolute() && d.is_dir() => d.join(SOCKET),
        _ => state_dir.join(SOCKET),
    }
}

/// Where the loop's answer goes (the connection waiting for it).
#[derive(Clone)]
pub struct ReplyTo(Option<Sender<Result<String, String>>>);

impl ReplyTo {
    /// Nobody waits for an answer (tests).
    pub fn none() -> ReplyTo {
        ReplyTo(None)
    }

    pub fn to(tx: Sender<Result<String, String>>) -> ReplyTo {
        ReplyTo(Some(tx))
    }

    pub fn send(&self, answer: Result<String, String>) {
        if let Some(tx) = &self.0 {
            let _ = tx.send(answer);
        }
    }
}

impl std::fmt::Debug for ReplyTo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReplyTo")
    }
}

impl PartialEq for ReplyTo {
    fn eq(&self, _: &ReplyTo) -> bool {
        true
    }
}
impl Eq for ReplyTo {}

/// The listening socket; dropping it removes the file.
#[cfg(unix)]
pub struct Listener {
    path: PathBuf,
}

#[cfg(unix)]
impl Drop for Listener {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Listen on `path` (called with the reminder lock held, so a file there is
/// a leftover) and hand each command to the loop through `tx`.
#[cfg(unix)]
pub fn listen(path: &Path, tx: Sender<Msg>) -> io::Result<Listener> {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::remove_file(path);
    let sock = UnixListener::bind(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    let listener = Listener {
        path: path.to_path_buf(),
    };
    std::thread::Builder::new()
        .name("control".into())
        .spawn(move || {
            for conn in sock.incoming() {
                let Ok(mut conn) = conn else { continue };
                if !same_user(&conn) {
                    continue;
                }
                let _ = conn.set_read_timeout(Some(TIMEOUT));
                let _ = conn.set_write_timeout(Some(TIMEOUT));
                if serve(&mut conn, &tx).is_err() {
                    // The loop is gone; so is the reminder.
                    return;
                }
            }
        })?;
    Ok(listener)
}

/// The answer line for a client.
fn answer_line(answer: Result<String, String>) -> String {
    match answer {
        Ok(t) => format!("ok {}\n", t.replace('\n', " ")),
        Err(t) => format!("error {}\n", t.replace('\n', " ")),
    }
}

/// One line of at most `max` bytes from `conn`.
fn read_line(conn: &mut impl Read, max: u64) -> io::Result<String> {
    let mut line = String::new();
    BufReader::new(conn.take(max)).read_line(&mut line)?;
    Ok(line)
}

/// The server's side of one connection (any transport): read the command,
/// hand it to the loop, write the answer. Err only when the loop no longer
/// listens.
pub(crate) fn serve<C: Read + Write>(conn: &mut C, tx: &Sender<Msg>) -> Result<(), ()> {
    let Ok(line) = read_line(conn, MAX_LINE) else {
        return Ok(());
    };
    let answer = match Command::decode(&line) {
        None => Err("the reminder did not understand that command".to_string()),
        Some(cmd) => {
            let (rtx, rrx) = mpsc::channel();
            tx.send(Msg::Control(cmd, ReplyTo(Some(rtx))))
                .map_err(|_| ())?;
            rrx.recv_timeout(TIMEOUT)
                .unwrap_or_else(|_| Err("the reminder did not answer".to_string()))
        }
    };
    let _ = conn.write_all(answer_line(answer).as_bytes());
    let _ = conn.flush();
    Ok(())
}

/// The client's side (any transport): send `cmd`, read the answer.
pub(crate) fn exchange<C: Read + Write>(conn: &mut C, cmd: &Command) -> Result<String, SendError> {
    conn.write_all(format!("{}\n", cmd.encode()).as_bytes())
        .map_err(SendError::Io)?;
    conn.flush().map_err(SendError::Io)?;
    let line = read_line(conn, MAX_ANSWER).map_err(SendError::Io)?;
    parse_answer(&line)
}

/// The answer line, as the client reads it.
fn parse_answer(line: &str) -> Result<String, SendError> {
    let line = line.trim_end();
    if let Some(t) = line.strip_prefix("ok ") {
        Ok(t.to_string())
    } else if let Some(t) = line.strip_prefix("error ") {
        Err(SendError::Refused(t.to_string()))
    } else {
        Err(SendError::Io(io::Error::other(
            "no answer from the reminder",
        )))
    }
}

/// Whether the peer runs as our user (`getpeereid(3)`).
#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
fn same_user(conn: &UnixStream) -> bool {
    use std::os::fd::AsRawFd;
    let (mut uid, mut gid) = (libc::uid_t::MAX, libc::gid_t::MAX);
    #[allow(unsafe_code)]
    // SAFETY: getpeereid(3) on an open socket we own, writing two integers on
    // our stack; geteuid(2) cannot fail.
    let (rc, me) = unsafe {
        (
            libc::getpeereid(conn.as_raw_fd(), &mut uid, &mut gid),
            libc::geteuid(),
        )
    };
    rc == 0 && uid == me
}

/// Whether the peer runs as our user (`SO_PEERCRED`).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn same_user(conn: &UnixStream) -> bool {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: u32::MAX,
        gid: u32::MAX,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    #[allow(unsafe_code)]
    // SAFETY: getsockopt(2) on an open socket we own, writing at most `len`
    // bytes into a ucred on our stack; geteuid(2) cannot fail.
    let (rc, me) = unsafe {
        (
            libc::getsockopt(
                conn.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_PEERCRED,
                (&raw mut cred).cast(),
                &mut len,
            ),
            libc::geteuid(),
        )
    };
    rc == 0 && cred.uid == me
}

/// Why a command did not reach a reminder.
#[derive(Debug)]
pub enum SendError {
    /// Nothing listens: no reminder runs.
    NotRunning,
    /// The reminder answered with an error.
    Refused(String),
    Io(io::Error),
}

/// Send `cmd` to the reminder listening on `path`; its answer. `reminder`
/// is the pid the lock names, when known: on Windows the pipe must be served
/// by it (anyone may create a pipe of that name first); on Unix the socket's
/// directory and mode keep other users out, and it is not needed.
#[cfg(unix)]
pub fn send(path: &Path, cmd: &Command, reminder: Option<u32>) -> Result<String, SendError> {
    let _ = reminder;
    let mut conn = match UnixStream::connect(path) {
        Ok(c) => c,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Err(SendError::NotRunning);
        }
        Err(e) => return Err(SendError::Io(e)),
    };
    conn.set_read_timeout(Some(TIMEOUT + Duration::from_secs(1)))
        .map_err(SendError::Io)?;
    conn.set_write_timeout(Some(TIMEOUT))
        .map_err(SendError::Io)?;
    exchange(&mut conn, cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn commands_survive_the_wire() {
        for c in [
            Command::Pause {
                until: Some(at("2026-11-25 14:00:00")),
                meeting: true,
            },
            Command::Pause {
                until: None,
                meeting: false,
            },
            Command::Resume,
            Command::Now,
            Command::Snooze(None),
            Command::Snooze(Some(Duration::from_secs(600))),
            Command::Skip,
            Command::Done,
        ] {
            assert_eq!(Command::decode(&c.encode()), Some(c.clone()), "{c:?}");
        }
        for bad in [
            "",
            "pause",
            "snooze 0",
            "snooze x",
            "stop",
            "pause - yes",
            "now now",
        ] {
            assert_eq!(Command::decode(bad), None, "{bad}");
        }
    }

    /// One end of a connection: reads `input`, collects what is written.
    struct Duplex {
        input: io::Cursor<Vec<u8>>,
        output: Vec<u8>,
    }

    impl Duplex {
        fn new(input: &[u8]) -> Duplex {
            Duplex {
                input: io::Cursor::new(input.to_vec()),
                output: Vec::new(),
            }
        }
    }

    impl Read for Duplex {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.input.read(buf)
        }
    }

    impl Write for Duplex {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.output.write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn both_ends_of_the_protocol_over_any_transport() {
        let (tx, rx) = mpsc::channel();
        let the_loop = std::thread::spawn(move || {
            let Ok(Msg::Control(Command::Now, reply)) = rx.recv() else {
                panic!("not the command sent");
            };
            reply.send(Ok("a reminder now\nsoon".into()));
        });
        let mut server = Duplex::new(b"now\n");
        assert_eq!(serve(&mut server, &tx), Ok(()));
        the_loop.join().unwrap();
        assert_eq!(server.output, b"ok a reminder now soon\n", "one line");
        let mut client = Duplex::new(&server.output);
        assert_eq!(
            exchange(&mut client, &Command::Now).ok().as_deref(),
            Some("a reminder now soon")
        );
        assert_eq!(client.output, b"now\n");

        // Gibberish is answered without asking the loop.
        let mut server = Duplex::new(b"make tea\n");
        assert_eq!(serve(&mut server, &tx), Ok(()));
        assert!(server.output.starts_with(b"error "));
        let mut client = Duplex::new(&server.output);
        assert!(matches!(
            exchange(&mut client, &Command::Skip),
            Err(SendError::Refused(_))
        ));
        // No answer at all is an error, not a success.
        assert!(matches!(
            exchange(&mut Duplex::new(b""), &Command::Skip),
            Err(SendError::Io(_))
        ));
        // The loop is gone: serving fails, and the listener stops.
        drop(tx);
        let (dead, rx) = mpsc::channel();
        drop(rx);
        assert_eq!(serve(&mut Duplex::new(b"resume\n"), &dead), Err(()));
    }

    #[test]
    fn pause_lengths_and_times() {
        let now = at("2026-11-25 10:30:00");
        let end = |s: &str, m: bool| pause_end(&words(s), m, now);
        assert_eq!(end("", false), Ok(None));
        assert_eq!(end("", true), Ok(Some(at("2026-11-25 11:30:00"))));
        assert_eq!(end("30m", false), Ok(Some(at("2026-11-25 11:00:00"))));
        assert_eq!(end("1h", true), Ok(Some(at("2026-11-25 11:30:00"))));
        assert_eq!(
            end("until 14:00", false),
            Ok(Some(at("2026-11-25 14:00:00")))
        );
        assert_eq!(
            end("until 09:00", false),
            Ok(Some(at("2026-11-26 09:00:00"))),
            "a time already past is tomorrow's"
        );
        assert_eq!(
            end("until tomorrow", false),
            Ok(Some(at("2026-11-26 00:00:00")))
        );
        assert!(end("until noonish", false).is_err());
        assert!(end("for a while", false).is_err());
    }
}

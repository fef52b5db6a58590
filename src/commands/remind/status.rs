//! `backfix remind status` and `backfix remind stop`: only a reminder proven
//! to hold the lock (see `remind::state::running`) is reported or signalled.

use super::state_dir;
use crate::cli::StatusFormat;
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::paths;
use crate::remind::EventKind;
use crate::remind::state::{self, Holder, Status};
use std::time::Duration;

/// The error for a lock held by something not proven to be a backfix reminder.
pub(super) fn unknown_holder(dir: &std::path::Path, holder: &Holder) -> Error {
    let (claimed, why) = match holder {
        Holder::Unknown { claimed, why } => (*claimed, why.as_str()),
        _ => (None, "it is not a backfix reminder"),
    };
    let claim = claimed.map_or(String::new(), |p| format!(" (the file names pid {p})"));
    Error::failure(format!(
        "the reminder lock {} is held by an unknown process{claim}: {why}; nothing was signalled",
        dir.join(state::LOCK_FILE).display()
    ))
    .with_hint(
        "if no reminder of yours is running, find the holder with `fuser` or `lsof` on that file",
    )
}

/// What a status bar shows: the running reminder's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarState {
    /// No reminder runs.
    Off,
    Active,
    Paused,
    /// A reminder is on screen, or due.
    Due,
}

impl BarState {
    pub fn class(self) -> &'static str {
        match self {
            BarState::Off => "off",
            BarState::Active => "active",
            BarState::Paused => "paused",
            BarState::Due => "due",
        }
    }
}

fn parse_time(s: &str) -> Option<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok()
}

/// The state, the short text and the tooltip a status bar shows (pure).
pub fn bar(st: Option<&Status>, now: chrono::NaiveDateTime) -> (BarState, String, String) {
    let Some(st) = st else {
        return (BarState::Off, "off".into(), "No reminder is running".into());
    };
    let next = st.next.as_deref().and_then(parse_time);
    let shown = format!(
        "{} reminder{} shown",
        st.fired,
        if st.fired == 1 { "" } else { "s" }
    );
    if st.paused {
        let what = if st.meeting { "meeting" } else { "paused" };
        let until = st.paused_until.as_deref().and_then(parse_time);
        let text = match until {
            Some(u) if u.date() == now.date() => format!("{what} until {}", u.format("%H:%M")),
            Some(u) => format!("{what} until {}", u.format("%a %H:%M")),
            None => what.to_string(),
        };
        let tip = format!("Reminders {text}; {shown}; `backfix remind resume` ends it");
        return (BarState::Paused, text, tip);
    }
    match next {
        _ if st.due => (
            BarState::Due,
            "move now".into(),
            format!("A reminder is waiting; {shown}"),
        ),
        Some(n) if n <= now => (
            BarState::Due,
            "move now".into(),
            format!("A reminder is due; {shown}"),
        ),
        Some(n) => {
            let mins = (n - now).num_minutes();
            let text = if mins >= 60 {
                format!("move in {}h{:02}m", mins / 60, mins % 60)
            } else {
                format!("move in {}m", mins.max(1))
            };
            (
                BarState::Active,
                text,
                format!("Next reminder at {}; {shown}", n.format("%H:%M")),
            )
        }
        None => (BarState::Active, "on".into(), format!("Starting; {shown}")),
    }
}

pub fn status(out: &mut Out, json: bool, format: Option<StatusFormat>) -> Result<u8> {
    let dir = state_dir()?;
    let holder = state::running(&dir);
    let pid = match holder {
        Holder::Reminder(pid) => Some(pid),
        _ => None,
    };
    let st = pid
        .and_then(|_| state::read_status(&dir))
        .filter(|s| Some(s.pid) == pid);
    if let Some(format) = format {
        // Polled every few seconds: the status file only, no history, no bus.
        let (state, text, tip) = bar(st.as_ref(), chrono::Local::now().naive_local());
        match format {
            StatusFormat::Waybar => {
                let v = serde_json::json!({
                    "text": text,
                    "tooltip": tip,
                    "class": state.class(),
                    "alt": state.class(),
                });
                out.raw(format!("{v}\n").as_bytes())?;
            }
            StatusFormat::Plain => out.line(&format!("backfix: {text}"))?,
        }
        return Ok(0);
    }
    let today = today();
    if json {
        let v = serde_json::json!({
            "running": pid.is_some(),
            "pid": pid,
            "lock": match holder {
                Holder::Free => "free",
                Holder::Reminder(_) => "reminder",
                Holder::Unknown { .. } => "unknown",
            },
            // Where commands to it go: its socket, or its pipe on Windows.
            "channel": crate::remind::control::address(&dir).ok().map(|a| a.display().to_string()),
            "interval": st.as_ref().map(|s| &s.every),
            "interval_seconds": st.as_ref().map(|s| s.every_seconds),
            "next": st.as_ref().and_then(|s| s.next.clone()),
            "state": bar(st.as_ref(), chrono::Local::now().naive_local()).0.class(),
            "status": st,
            "today": today.as_ref().map(|t| t.iter().copied().collect::<std::collections::BTreeMap<EventKind, usize>>()),
        });
        output::json(out, &v)?;
        return Ok(if matches!(holder, Holder::Unknown { .. }) {
            1
        } else {
            0
        });
    }
    match (holder, st) {
        (Holder::Free, _) => {
            out.line("No reminder is running. Start one with `backfix remind --every 45m`.")?;
        }
        (h @ Holder::Unknown { .. }, _) => return Err(unknown_holder(&dir, &h)),
        (Holder::Reminder(pid), None) => {
            out.line(&format!("A reminder is running (pid {pid}), starting up."))?;
        }
        (Holder::Reminder(pid), Some(st)) => {
            let rows = [
                (
                    "running",
                    format!("yes, pid {pid}, since {}", st.started.replace('T', " ")),
                ),
                (
                    "state",
                    bar(Some(&st), chrono::Local::now().naive_local()).1,
                ),
                ("interval", st.every.clone()),
                (
                    "next",
                    st.next.clone().map_or("-".into(), |n| n.replace('T', " ")),
                ),
                ("shown", st.fired.to_string()),
                (
                    "hours",
                    st.between.clone().unwrap_or_else(|| "any time".into()),
                ),
                ("days", st.days.clone()),
                (
                    "for",
                    st.for_complaint
                        .clone()
                        .unwrap_or_else(|| "desk-friendly exercises".into()),
                ),
                ("idle", st.idle_source.clone()),
                ("today", describe_today(today.as_deref())),
            ];
            for (k, v) in rows {
                out.styled(output::TITLE, &format!("{k:<10}"))?;
                out.line(&output::clean_line(&v))?;
            }
        }
    }
    Ok(0)
}

/// Today's events from the history, counted by kind; None when there is no
/// history to read. Bad lines are skipped and reported once.
fn today() -> Option<Vec<(EventKind, usize)>> {
    let path = paths::history_file()?;
    let read = match state::read_history(&path) {
        Ok(r) => r,
        Err(e) => {
            crate::output::warning(&format!("cannot read {}: {e}", path.display()));
            return None;
        }
    };
    if let Some(w) = read.warning(&path) {
        crate::output::warning(&w);
    }
    let day = chrono::Local::now().format("%Y-%m-%d").to_string();
    let mut counts: Vec<(EventKind, usize)> = Vec::new();
    for e in read.events.iter().filter(|e| e.time.starts_with(&day)) {
        match counts.iter_mut().find(|(k, _)| *k == e.event) {
            Some((_, n)) => *n += 1,
            None => counts.push((e.event, 1)),
        }
    }
    Some(counts)
}

/// "3 shown, 2 done, 1 snoozed"
fn describe_today(counts: Option<&[(EventKind, usize)]>) -> String {
    let shown: Vec<String> = [
        (EventKind::Shown, "shown"),
        (EventKind::Fallback, "in the terminal"),
        (EventKind::Done, "done"),
        (EventKind::Snoozed, "snoozed"),
        (EventKind::Skipped, "skipped"),
        (EventKind::Break, "breaks"),
        (EventKind::Paused, "pauses"),
    ]
    .iter()
    .filter_map(|(kind, word)| {
        let n = counts?.iter().find(|(k, _)| k == kind)?.1;
        Some(format!("{n} {word}"))
    })
    .collect();
    if shown.is_empty() {
        "no reminders yet".into()
    } else {
        shown.join(", ")
    }
}

pub fn stop(out: &mut Out) -> Result<u8> {
    let dir = state_dir()?;
    let pid = match state::running(&dir) {
        Holder::Free => {
            return Err(Error::failure("no reminder is running")
                .with_hint("start one with `backfix remind --every 45m`"));
        }
        h @ Holder::Unknown { .. } => return Err(unknown_holder(&dir, &h)),
        Holder::Reminder(pid) => pid,
    };
    if let Err(e) = crate::remind::signals::request_stop_of_reminder(pid) {
        return Err(Error::failure(format!("cannot stop pid {pid}: {e}")));
    }
    for _ in 0..100 {
        if state::running(&dir) == Holder::Free {
            out.line(&format!("Stopped the reminder (pid {pid})."))?;
            return Ok(0);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(Error::failure(format!(
        "pid {pid} did not stop within 5 seconds"
    )))
}

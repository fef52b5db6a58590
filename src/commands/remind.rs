//! `backfix remind`

use crate::catalog::Catalog;
use crate::cli::RemindArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::paths;
use crate::remind::desktop::{DesktopNotifier, Idle, SystemClock, Terminal};
use crate::remind::state::{self, Acquired, FileHistory, Status};
use crate::remind::{self, Ended, Event, History, Parts, Rotation, unit};
use crate::schedule::{Plan, Scheduler, Step, format_duration};
use chrono::NaiveDateTime;
use std::path::PathBuf;
use std::time::Duration;

pub fn run(out: &mut Out, a: &RemindArgs) -> Result<u8> {
    if a.status {
        return status(out, a.json);
    }
    if a.stop {
        return stop(out);
    }
    if a.uninstall {
        return uninstall(out);
    }
    let catalog = super::load_catalog();
    let complaint = match &a.for_complaint {
        Some(name) => Some(
            super::find(
                name,
                &catalog.complaints,
                "complaint",
                "backfix routine --list",
            )?
            .id
            .to_string(),
        ),
        None => None,
    };
    let plan = plan(a);
    plan.check().map_err(|e| {
        Error::usage(e).with_hint("give a shorter --every or a longer --between window")
    })?;
    if a.install {
        return install(out, a, complaint.as_deref());
    }
    let mut rotation = Rotation::new(remind::suggestions(&catalog, complaint.as_deref()), seed());
    if a.dry_run {
        if let Some(dir) = paths::state_dir() {
            rotation.resume_from(&dir);
        }
        return dry_run(out, &catalog, plan, &mut rotation, a, complaint.as_deref());
    }
    remind(out, &catalog, plan, rotation, a, complaint.as_deref())
}

fn plan(a: &RemindArgs) -> Plan {
    let mut plan = Plan::new(a.every, a.snooze, a.idle);
    plan.window = a.between;
    plan.days = a.days.unwrap_or(crate::schedule::Days::ALL);
    plan.count = a.count;
    plan.until = a.until;
    plan
}

fn seed() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    t ^ (u64::from(std::process::id()) << 32)
}

fn state_dir() -> Result<PathBuf> {
    paths::state_dir().ok_or_else(|| {
        Error::failure("cannot tell where to keep the reminder's lock file")
            .with_hint(format!("set {} or HOME", paths::STATE_ENV))
    })
}

/// "every 45m, 09:00-17:30, mon-fri, desk-friendly exercises"
fn describe(plan: &Plan, a: &RemindArgs, complaint: Option<&str>) -> String {
    let mut parts = vec![format!("every {}", format_duration(a.every))];
    if let Some(w) = plan.window {
        parts.push(w.to_string());
    }
    if plan.days != crate::schedule::Days::ALL {
        parts.push(plan.days.to_string());
    }
    if let Some(n) = plan.count {
        parts.push(format!("{n} reminder{}", if n == 1 { "" } else { "s" }));
    }
    if let Some(u) = plan.until {
        parts.push(format!("until {}", u.format("%H:%M")));
    }
    parts.push(match complaint {
        Some(c) => format!("exercises from the {c} routine"),
        None => "desk-friendly exercises".into(),
    });
    parts.join(", ")
}

fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn dry_run(
    out: &mut Out,
    catalog: &Catalog,
    plan: Plan,
    rotation: &mut Rotation,
    a: &RemindArgs,
    complaint: Option<&str>,
) -> Result<u8> {
    let start = now();
    let wanted = a.count.unwrap_or(5) as usize;
    let mut s = Scheduler::new(plan.clone(), start);
    let mut t = start;
    let mut upcoming = Vec::new();
    // Walk the schedule forward like the loop would, without waiting.
    for _ in 0..2_000_000 {
        match s.poll(t, None) {
            Step::Fire => {
                if let Some(id) = rotation.next_id() {
                    upcoming.push((t, id));
                }
                if upcoming.len() >= wanted {
                    break;
                }
            }
            Step::Wait(next) => t = next,
            Step::Finished => break,
        }
    }
    if a.json {
        let v: Vec<_> = upcoming
            .iter()
            .filter_map(|(t, id)| {
                let r = remind::reminder(catalog, complaint, id)?;
                Some(serde_json::json!({
                    "time": t.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    "exercise": id,
                    "title": r.title,
                    "body": r.markup(),
                }))
            })
            .collect();
        output::json(out, &v)?;
        return Ok(0);
    }
    out.para(
        0,
        &format!(
            "Dry run, nothing is sent. Reminders {}:",
            describe(&plan, a, complaint)
        ),
    )?;
    if upcoming.is_empty() {
        out.line("  (none: the --until time comes first)")?;
    }
    for (i, (t, id)) in upcoming.iter().enumerate() {
        let Some(r) = remind::reminder(catalog, complaint, id) else {
            continue;
        };
        let marker = format!("{:>3}. {}", i + 1, t.format("%a %d %b %H:%M:%S"));
        let text = format!("{} ({}): backfix show {id}", r.name, r.dose);
        out.hanging(0, &marker, &text, output::TITLE)?;
    }
    Ok(0)
}

fn remind(
    out: &mut Out,
    catalog: &Catalog,
    plan: Plan,
    mut rotation: Rotation,
    a: &RemindArgs,
    complaint: Option<&str>,
) -> Result<u8> {
    let dir = state_dir()?;
    let lock = match state::acquire(&dir)
        .map_err(|e| Error::failure(format!("cannot create the lock in {}: {e}", dir.display())))?
    {
        Acquired::Yes(lock) => lock,
        Acquired::Busy(pid) => {
            let who = pid.map_or(String::new(), |p| format!(" (pid {p})"));
            return Err(
                Error::failure(format!("a reminder is already running{who}")).with_hint(
                    "see it with `backfix remind --status`; stop it with `backfix remind --stop`",
                ),
            );
        }
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let stop = remind::signals::listen(tx.clone())
        .map_err(|e| Error::failure(format!("cannot listen for Ctrl-C: {e}")))?;
    rotation.keep_in(&dir);
    let mut idle = Idle::detect();
    let mut clock = SystemClock { rx };
    let start = now();
    let mut s = Scheduler::new(plan.clone(), start);
    let mut history = FileHistory::new(paths::history_file());
    let mut notifier = DesktopNotifier::new(tx, stop);

    let described = describe(&plan, a, complaint);
    out.line(&format!("backfix: reminding {described}."))?;
    out.line(&format!("backfix: idle source: {}.", idle.name()))?;
    out.line(&format!(
        "backfix: next reminder at {}; Ctrl-C or `backfix remind --stop` ends it.",
        s.next().format("%H:%M:%S")
    ))?;
    out.flush()?;

    let base = Status {
        pid: std::process::id(),
        started: start.format("%Y-%m-%dT%H:%M:%S").to_string(),
        every: format_duration(a.every),
        every_seconds: a.every.as_secs(),
        next: None,
        fired: 0,
        for_complaint: complaint.map(String::from),
        between: plan.window.map(|w| w.to_string()),
        days: plan.days.to_string(),
        idle_source: idle.name().to_string(),
    };
    let mut status_warned = false;
    let mut on_next = |next: NaiveDateTime, fired: u32| {
        let st = Status {
            next: Some(next.format("%Y-%m-%dT%H:%M:%S").to_string()),
            fired,
            ..base.clone()
        };
        if let Err(e) = state::write_status(&dir, &st)
            && !status_warned
        {
            status_warned = true;
            crate::warn(&format!(
                "cannot write the status file in {}: {e}",
                dir.display()
            ));
        }
    };
    history.record(&Event::new(start, "started", None, Some(described)));
    let mut terminal = Terminal::new(out);
    let ended = remind::run_loop(
        &mut s,
        &mut rotation,
        catalog,
        complaint,
        Parts {
            clock: &mut clock,
            notifier: &mut notifier,
            idle: &mut idle,
            history: &mut history,
            fallback: &mut terminal,
            on_next: &mut on_next,
        },
    );
    history.record(&Event::new(
        now(),
        "stopped",
        None,
        Some(format!("{} reminders", s.fired)),
    ));
    state::remove_status(&dir);
    drop(lock);
    let why = match ended {
        Ended::Stopped => "stopped",
        Ended::Finished => "finished",
    };
    out.line(&format!(
        "backfix: {why} after {} reminder{}.",
        s.fired,
        if s.fired == 1 { "" } else { "s" }
    ))?;
    Ok(0)
}

fn status(out: &mut Out, json: bool) -> Result<u8> {
    let dir = state_dir()?;
    let pid = state::running(&dir);
    let st = pid.and_then(|_| state::read_status(&dir));
    if json {
        let v = serde_json::json!({
            "running": pid.is_some(),
            "pid": pid,
            "interval": st.as_ref().map(|s| &s.every),
            "interval_seconds": st.as_ref().map(|s| s.every_seconds),
            "next": st.as_ref().and_then(|s| s.next.clone()),
            "status": st,
        });
        output::json(out, &v)?;
        return Ok(0);
    }
    match (pid, st) {
        (None, _) => {
            out.line("No reminder is running. Start one with `backfix remind --every 45m`.")?
        }
        (Some(pid), None) => {
            out.line(&format!("A reminder is running (pid {pid}), starting up."))?
        }
        (Some(pid), Some(st)) => {
            let rows = [
                (
                    "running",
                    format!("yes, pid {pid}, since {}", st.started.replace('T', " ")),
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
            ];
            for (k, v) in rows {
                out.styled(output::TITLE, &format!("{k:<10}"))?;
                out.line(&v)?;
            }
        }
    }
    Ok(0)
}

fn stop(out: &mut Out) -> Result<u8> {
    let dir = state_dir()?;
    let Some(pid) = state::running(&dir) else {
        return Err(Error::failure("no reminder is running")
            .with_hint("start one with `backfix remind --every 45m`"));
    };
    if pid == 0 || pid > i32::MAX as u32 {
        return Err(Error::failure(format!(
            "the lock in {} names no process",
            dir.display()
        )));
    }
    // SAFETY: sending SIGTERM to the pid recorded by the lock holder.
    if unsafe { libc::kill(pid as i32, libc::SIGTERM) } != 0 {
        return Err(Error::failure(format!(
            "cannot stop pid {pid}: {}",
            std::io::Error::last_os_error()
        )));
    }
    for _ in 0..100 {
        if state::running(&dir).is_none() {
            out.line(&format!("Stopped the reminder (pid {pid})."))?;
            return Ok(0);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(Error::failure(format!(
        "pid {pid} did not stop within 5 seconds"
    )))
}

/// The `remind` options to put in the unit, as typed.
fn unit_args(a: &RemindArgs, complaint: Option<&str>) -> Vec<String> {
    let mut v: Vec<String> = vec!["remind".into(), "--every".into(), format_duration(a.every)];
    if let Some(c) = complaint {
        v.extend(["--for".into(), c.into()]);
    }
    v.extend([
        "--snooze".into(),
        format_duration(a.snooze),
        "--idle".into(),
        format_duration(a.idle),
    ]);
    if let Some(w) = a.between {
        v.extend(["--between".into(), w.to_string()]);
    }
    if let Some(d) = a.days {
        v.extend(["--days".into(), d.to_string()]);
    }
    if let Some(u) = a.until {
        v.extend(["--until".into(), u.format("%H:%M").to_string()]);
    }
    if let Some(n) = a.count {
        v.extend(["--count".into(), n.to_string()]);
    }
    v
}

fn unit_dir() -> Result<PathBuf> {
    paths::systemd_user_dir().ok_or_else(|| {
        Error::failure("cannot tell where systemd user units go")
            .with_hint("set HOME or BACKFIX_SYSTEMD_DIR")
    })
}

fn install(out: &mut Out, a: &RemindArgs, complaint: Option<&str>) -> Result<u8> {
    let exe = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| Error::failure(format!("cannot find the path of this program: {e}")))?;
    let exe = exe
        .to_str()
        .ok_or_else(|| Error::failure("the path of this program is not UTF-8"))?
        .to_string();
    let dir = unit_dir()?;
    let path = dir.join(unit::UNIT_NAME);
    crate::paths::ensure_dir(&dir)
        .map_err(|e| Error::failure(format!("cannot create {}: {e}", dir.display())))?;
    std::fs::write(&path, unit::unit(&exe, &unit_args(a, complaint)))
        .map_err(|e| Error::failure(format!("cannot write {}: {e}", path.display())))?;
    out.line(&format!("Wrote {}.", path.display()))?;
    out.line("Start it now and at every login with:")?;
    out.styled_line(output::CODE, "  systemctl --user daemon-reload")?;
    out.styled_line(
        output::CODE,
        &format!("  systemctl --user enable --now {}", unit::UNIT_NAME),
    )?;
    Ok(0)
}

fn uninstall(out: &mut Out) -> Result<u8> {
    let dir = unit_dir()?;
    let path = dir.join(unit::UNIT_NAME);
    let wants = dir
        .join("graphical-session.target.wants")
        .join(unit::UNIT_NAME);
    let _ = std::fs::remove_file(&wants);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            out.line(&format!("Removed {}.", path.display()))?;
            out.line("If it is running, stop it and let systemd forget it with:")?;
            out.styled_line(
                output::CODE,
                &format!("  systemctl --user stop {}", unit::UNIT_NAME),
            )?;
            out.styled_line(output::CODE, "  systemctl --user daemon-reload")?;
            Ok(0)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::failure(format!(
            "no unit to remove at {}",
            path.display()
        ))
        .with_hint("`backfix remind --install` writes one")),
        Err(e) => Err(Error::failure(format!(
            "cannot remove {}: {e}",
            path.display()
        ))),
    }
}

//! `backfix remind` and `backfix remind --dry-run`: the reminder itself, and
//! the list of the next reminders.

use super::{complaint, describe, now, plan, state_dir};
use crate::catalog::Catalog;
use crate::cli::ScheduleArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::paths;
use crate::remind::desktop::{DesktopNotifier, Idle, SystemClock, Terminal};
use crate::remind::schedule::{Scheduler, Step, format_interval};
use crate::remind::state::{self, Acquired, FileHistory, Holder, Status};
use crate::remind::{self, Ended, Event, EventKind, History, Parts, Rotation};
use chrono::NaiveDateTime;

fn seed() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    t ^ (u64::from(std::process::id()) << 32)
}

/// What both modes need: the catalogue, the complaint, the plan and a rotation.
fn prepare(
    a: &ScheduleArgs,
    start: NaiveDateTime,
) -> Result<(
    Catalog,
    Option<String>,
    crate::remind::schedule::Rules,
    Rotation,
)> {
    let catalog = crate::commands::load_catalog();
    let complaint = complaint(&catalog, a)?;
    let plan = plan(a, start)?;
    // A running plan (issue 11) supplies the suggestions when no --for is given.
    let ids = complaint
        .is_none()
        .then(|| crate::programme::store::reminder_ids(&catalog, start))
        .flatten()
        .unwrap_or_else(|| remind::suggestions(&catalog, complaint.as_deref()));
    let rotation = Rotation::new(ids, seed());
    Ok((catalog, complaint, plan, rotation))
}

pub fn dry_run(out: &mut Out, a: &ScheduleArgs, json: bool) -> Result<u8> {
    let start = now();
    let (catalog, complaint, plan, mut rotation) = prepare(a, start)?;
    // A preview starts where the running reminder's rotation would.
    if let Some(dir) = paths::state_dir() {
        rotation.resume_from(&dir);
    }
    let (catalog, complaint) = (&catalog, complaint.as_deref());
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
    if json {
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
            describe(&plan, a, start, complaint)
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

pub fn remind(out: &mut Out, a: &ScheduleArgs) -> Result<u8> {
    let start = now();
    let (catalog, complaint, plan, mut rotation) = prepare(a, start)?;
    let (catalog, complaint) = (&catalog, complaint.as_deref());
    let dir = state_dir()?;
    let lock = match state::acquire(&dir)
        .map_err(|e| Error::failure(format!("cannot create the lock in {}: {e}", dir.display())))?
    {
        Acquired::Yes(lock) => lock,
        Acquired::Busy(Holder::Reminder(pid)) => {
            let mut e = Error::failure(format!("a reminder is already running (pid {pid})"))
                .with_hint(
                    "see it with `backfix remind status`; stop it with `backfix remind stop`",
                );
            // Not a failure to restart at login (the unit's RestartPreventExitStatus).
            e.code = crate::remind::unit::EXIT_ALREADY_RUNNING;
            return Err(e);
        }
        Acquired::Busy(holder) => return Err(super::status::unknown_holder(&dir, &holder)),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let stop = remind::signals::listen(tx.clone())
        .map_err(|e| Error::failure(format!("cannot listen for Ctrl-C: {e}")))?;
    // Commands from the shell (`backfix remind pause` ...) arrive on the
    // same channel as signals and button presses.
    let listening = match remind::control::address(&dir) {
        Err(e) => Err(format!("cannot tell where to listen for commands: {e}")),
        Ok(a) => remind::control::listen(&a, tx.clone())
            .map_err(|e| format!("cannot listen for commands on {}: {e}", a.display())),
    };
    let _listener = match listening {
        Ok(l) => Some(l),
        Err(why) => {
            crate::output::warning(&format!(
                "{why}; `backfix remind pause` and the like will not reach this reminder"
            ));
            None
        }
    };
    // Do-not-disturb and the screen lock, as events from the buses.
    #[cfg(all(unix, not(target_vendor = "apple")))]
    {
        crate::remind::desktop::dnd::watch(tx.clone());
        crate::remind::desktop::lock::watch(tx.clone());
    }
    rotation.keep_in(&dir);
    #[cfg(all(unix, not(target_vendor = "apple")))]
    let mut idle = Idle::detect(plan.idle_break);
    #[cfg(not(all(unix, not(target_vendor = "apple"))))]
    let mut idle = Idle::detect();
    crate::remind::IdleSource::watch(&mut idle, plan.idle_break, tx.clone());
    let mut clock = SystemClock { rx };
    let mut s = Scheduler::new(plan.clone(), start);
    let mut history = FileHistory::new(paths::history_file());
    let mut notifier = DesktopNotifier::new(tx, stop);

    let described = describe(&plan, a, start, complaint);
    out.line(&format!("backfix: reminding {described}."))?;
    out.line(&format!("backfix: idle source: {}.", idle.name()))?;
    out.line(&format!(
        "backfix: next reminder at {}; Ctrl-C or `backfix remind stop` ends it.",
        s.next().format("%H:%M:%S")
    ))?;
    out.flush()?;

    let base = Status {
        pid: std::process::id(),
        started: start.format("%Y-%m-%dT%H:%M:%S").to_string(),
        every: format_interval(a.every()),
        every_seconds: a.every().as_secs(),
        next: None,
        fired: 0,
        for_complaint: complaint.map(String::from),
        between: plan.window.map(|w| w.to_string()),
        days: plan.days.to_string(),
        idle_source: idle.name().to_string(),
        paused_until: None,
        paused: false,
        meeting: false,
        due: false,
    };
    let mut status_warned = false;
    let fmt = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let mut on_state = |snap: &remind::Snapshot| {
        let st = Status {
            next: Some(fmt(snap.next)),
            fired: snap.fired,
            paused: snap.paused.is_some(),
            paused_until: snap.paused.and_then(|p| p.until).map(fmt),
            meeting: snap.paused.is_some_and(|p| p.meeting),
            due: snap.due,
            ..base.clone()
        };
        if let Err(e) = state::write_status(&dir, &st)
            && !status_warned
        {
            status_warned = true;
            crate::output::warning(&format!(
                "cannot write the status file in {}: {e}",
                dir.display()
            ));
        }
    };
    history.record(&Event::new(
        start,
        EventKind::Started,
        None,
        Some(described),
    ));
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
            on_state: &mut on_state,
        },
    );
    history.record(&Event::new(
        now(),
        EventKind::Stopped,
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

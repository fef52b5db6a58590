//! `backfix remind`: the mode is resolved once, from the subcommand or its
//! hidden flag alias, refusing flags the mode would ignore; then one module
//! per mode: `run` (reminders and `--dry-run`), `status` (status and stop),
//! `install` (the systemd unit).

mod control;
mod install;
mod run;
mod status;

use crate::cli::{PauseArgs, RemindArgs, RemindMode, ScheduleArgs, StatusFormat};
use crate::error::{Error, Result};
use crate::output::Out;
use crate::paths;
use crate::remind::schedule::{Days, Rules, Zone, format_interval};
use chrono::NaiveDateTime;
use std::path::PathBuf;

/// What `backfix remind ...` was asked to do.
#[derive(Debug, Clone, Copy)]
pub enum Mode<'a> {
    Run(&'a ScheduleArgs),
    DryRun {
        schedule: &'a ScheduleArgs,
        json: bool,
    },
    Status {
        json: bool,
        format: Option<StatusFormat>,
    },
    Stop,
    /// A command for the running reminder.
    Control(Ctl<'a>),
    Install(&'a ScheduleArgs),
    Uninstall,
}

/// The commands sent to the running reminder (`commands::remind::control`).
#[derive(Debug, Clone, Copy)]
pub enum Ctl<'a> {
    Pause(&'a PauseArgs),
    Resume,
    Now,
    Snooze(Option<std::time::Duration>),
    Skip,
    Done,
}

impl Mode<'_> {
    /// The mode as the user would type it, for messages.
    fn name(&self) -> &'static str {
        match self {
            Mode::Run(_) => "backfix remind",
            Mode::DryRun { .. } => "backfix remind --dry-run",
            Mode::Status { .. } => "backfix remind status",
            Mode::Stop => "backfix remind stop",
            Mode::Control(c) => match c {
                Ctl::Pause(_) => "backfix remind pause",
                Ctl::Resume => "backfix remind resume",
                Ctl::Now => "backfix remind now",
                Ctl::Snooze(_) => "backfix remind snooze",
                Ctl::Skip => "backfix remind skip",
                Ctl::Done => "backfix remind done",
            },
            Mode::Install(_) => "backfix remind install",
            Mode::Uninstall => "backfix remind uninstall",
        }
    }
}

/// The mode, from a subcommand (clap already refused foreign flags there)
/// or from the flags, refusing any flag the mode would ignore.
pub fn mode(a: &RemindArgs) -> Result<Mode<'_>> {
    if let Some(m) = &a.mode {
        return Ok(match m {
            RemindMode::Status(j) => Mode::Status {
                json: j.json,
                format: j.format,
            },
            RemindMode::Stop => Mode::Stop,
            RemindMode::Pause(p) => Mode::Control(Ctl::Pause(p)),
            RemindMode::Resume => Mode::Control(Ctl::Resume),
            RemindMode::Now => Mode::Control(Ctl::Now),
            RemindMode::Snooze(s) => Mode::Control(Ctl::Snooze(s.time)),
            RemindMode::Skip => Mode::Control(Ctl::Skip),
            RemindMode::Done => Mode::Control(Ctl::Done),
            RemindMode::Install(s) => Mode::Install(s),
            RemindMode::Uninstall => Mode::Uninstall,
        });
    }
    let s = &a.schedule;
    let m = if a.status {
        Mode::Status {
            json: a.json,
            format: None,
        }
    } else if a.stop {
        Mode::Stop
    } else if a.install {
        Mode::Install(s)
    } else if a.uninstall {
        Mode::Uninstall
    } else if a.dry_run {
        Mode::DryRun {
            schedule: s,
            json: a.json,
        }
    } else {
        Mode::Run(s)
    };
    let (takes_schedule, takes_json, takes) = match m {
        Mode::Run(_) => (true, false, "the schedule options (see --help)"),
        Mode::DryRun { .. } => (true, true, "the schedule options and --json"),
        Mode::Status { .. } => (false, true, "only --json"),
        Mode::Install(_) => (true, false, "the schedule options (see --help)"),
        Mode::Stop | Mode::Uninstall | Mode::Control(_) => (false, false, "no options"),
    };
    let mut ignored = Vec::new();
    if !takes_schedule {
        ignored.extend(s.given());
    }
    if a.json && !takes_json {
        ignored.push("--json");
    }
    if let Some(flag) = ignored.first() {
        let hint = if *flag == "--json" && matches!(m, Mode::Run(_) | Mode::Install(_)) {
            "--json goes with `backfix remind status` or `backfix remind --dry-run`".to_string()
        } else {
            format!("`{}` takes {takes}", m.name())
        };
        return Err(Error::usage(format!(
            "{} does not apply to `{}`",
            ignored.join(", "),
            m.name()
        ))
        .with_hint(hint));
    }
    Ok(m)
}

pub fn run(out: &mut Out, a: &RemindArgs) -> Result<u8> {
    match mode(a)? {
        Mode::Status { json, format } => status::status(out, json, format),
        Mode::Control(c) => control::send(out, c),
        Mode::Stop => status::stop(out),
        Mode::Uninstall => install::uninstall(out),
        Mode::Install(s) => install::install(out, s),
        Mode::DryRun { schedule, json } => run::dry_run(out, &with_config(schedule), json),
        Mode::Run(s) => run::remind(out, &with_config(s)),
    }
}

/// The flags, with what config.toml says for those not given (warnings
/// about the file are printed).
fn with_config(flags: &ScheduleArgs) -> ScheduleArgs {
    let mut warnings = Vec::new();
    let (_, c, _) = crate::config::load(&mut warnings);
    for w in &warnings {
        crate::output::warning(w);
    }
    merge(flags, &c.remind)
}

/// Flags override the file (pure).
pub fn merge(flags: &ScheduleArgs, c: &crate::config::RemindConfig) -> ScheduleArgs {
    let mut s = flags.clone();
    s.every = s.every.or(c.every);
    s.between = s.between.or(c.between);
    s.days = s.days.or(c.days);
    s.snooze = s.snooze.or(c.snooze);
    s.idle = s.idle.or(c.idle);
    s.for_complaint = s.for_complaint.or_else(|| c.for_complaint.clone());
    s.renudge = s.renudge.or(c.renudge);
    s
}

/// The complaint `--for` names, resolved to its id.
fn complaint(catalog: &crate::catalog::Catalog, s: &ScheduleArgs) -> Result<Option<String>> {
    let Some(name) = &s.for_complaint else {
        return Ok(None);
    };
    Ok(Some(
        super::find(
            name,
            &catalog.complaints,
            "complaint",
            "backfix routine --list",
        )?
        .id
        .to_string(),
    ))
}

/// The plan the options describe, seen from `now`.
fn plan(s: &ScheduleArgs, now: NaiveDateTime) -> Result<Rules> {
    let mut plan = Rules::new(s.every(), s.snooze(), s.idle());
    plan.zone = std::sync::Arc::new(LocalZone);
    plan.window = s.between;
    plan.days = s.days.unwrap_or(Days::ALL);
    plan.count = s.count;
    plan.renudge = s
        .renudge
        .unwrap_or(Some(crate::config::DEFAULT_RENUDGE))
        .and_then(|d| chrono::TimeDelta::from_std(d).ok());
    plan.until = match s.until {
        None => None,
        Some(u) => Some(u.resolve(now).map_err(|e| {
            Error::usage(e).with_hint(format!(
                "to go on through the night, give the day: --until 'tomorrow {}'",
                u.time.format("%H:%M")
            ))
        })?),
    };
    plan.check().map_err(|e| {
        Error::usage(e).with_hint("give a shorter --every or a longer --between window")
    })?;
    Ok(plan)
}

fn state_dir() -> Result<PathBuf> {
    paths::state_dir().ok_or_else(|| {
        Error::failure("cannot tell where to keep the reminder's lock file")
            .with_hint(format!("set {} or HOME", paths::STATE_ENV))
    })
}

/// "every 45m, 09:00-17:30, mon-fri, desk-friendly exercises"
fn describe(
    plan: &Rules,
    s: &ScheduleArgs,
    start: NaiveDateTime,
    complaint: Option<&str>,
) -> String {
    let mut parts = vec![format!("every {}", format_interval(s.every()))];
    if let Some(w) = plan.window {
        parts.push(w.to_string());
    }
    if plan.days != Days::ALL {
        parts.push(plan.days.to_string());
    }
    if let Some(n) = plan.count {
        parts.push(format!("{n} reminder{}", if n == 1 { "" } else { "s" }));
    }
    if let Some(u) = plan.until {
        parts.push(if u.date() == start.date() {
            format!("until {}", u.format("%H:%M"))
        } else {
            format!("until {}", u.format("%a %Y-%m-%d %H:%M"))
        });
    }
    parts.push(match complaint {
        Some(c) => format!("exercises from the {c} routine"),
        None => "desk-friendly exercises".into(),
    });
    parts.join(", ")
}

/// The system's time zone (`TZ`, or /etc/localtime), for daylight saving.
#[derive(Debug)]
struct LocalZone;

impl Zone for LocalZone {
    fn offsets(&self, t: NaiveDateTime) -> chrono::LocalResult<i32> {
        use chrono::{Offset, TimeZone};
        chrono::Local
            .offset_from_local_datetime(&t)
            .map(|o| o.fix().local_minus_utc())
    }
}

fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

//! `backfix remind install` and `uninstall`: a systemd user unit that starts
//! the reminder, with the given options, at every login.

use crate::cli::ScheduleArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::paths;
use crate::remind::schedule::format_interval;
use crate::remind::unit;
use std::path::PathBuf;

/// The `remind` options to put in the unit, as typed.
fn unit_args(a: &ScheduleArgs, complaint: Option<&str>) -> Vec<String> {
    let mut v: Vec<String> = vec![
        "remind".into(),
        "--every".into(),
        format_interval(a.every()),
    ];
    if let Some(c) = complaint {
        v.extend(["--for".into(), c.into()]);
    }
    v.extend([
        "--snooze".into(),
        format_interval(a.snooze()),
        "--idle".into(),
        format_interval(a.idle()),
    ]);
    if let Some(w) = a.between {
        v.extend(["--between".into(), w.to_string()]);
    }
    if let Some(d) = a.days {
        v.extend(["--days".into(), d.to_string()]);
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

pub fn install(out: &mut Out, a: &ScheduleArgs) -> Result<u8> {
    if a.until.is_some() {
        // The unit starts at every login: a fixed moment to stop makes no sense there.
        return Err(
            Error::usage("--until does not apply to `backfix remind install`").with_hint(
                "to keep reminders to working hours every day, use --between 09:00-17:30",
            ),
        );
    }
    let catalog = crate::commands::load_catalog();
    let complaint = super::complaint(&catalog, a)?;
    super::plan(a, super::now())?;
    let complaint = complaint.as_deref();
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

pub fn uninstall(out: &mut Out) -> Result<u8> {
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
        .with_hint("`backfix remind install` writes one")),
        Err(e) => Err(Error::failure(format!(
            "cannot remove {}: {e}",
            path.display()
        ))),
    }
}

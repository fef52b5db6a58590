//! `backfix remind install` and `uninstall`: what starts the reminder, with
//! the given options, at every login: a systemd user unit or an XDG
//! autostart entry on Linux (whichever the session supports, and it says
//! which), a LaunchAgent on macOS, a command file in the Startup folder on
//! Windows. The file contents are pure functions in `remind::unit`.

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

/// What `install` writes, where, on this platform and session.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Autostart {
    /// A systemd user unit (Linux, when the session runs a systemd user
    /// manager that has reached graphical-session.target).
    #[cfg(all(unix, not(target_vendor = "apple")))]
    Systemd(PathBuf),
    /// An XDG autostart entry (Linux and the BSDs otherwise).
    #[cfg(all(unix, not(target_vendor = "apple")))]
    Xdg(PathBuf),
    /// A LaunchAgent (macOS).
    #[cfg(target_vendor = "apple")]
    LaunchAgent(PathBuf),
    /// A command file in the Startup folder (Windows).
    #[cfg(windows)]
    Startup(PathBuf),
}

/// Which way to start at login was asked for or detected: `BACKFIX_AUTOSTART`
/// (`systemd` or `xdg`) decides; else systemd when the session's user
/// manager says graphical-session.target is active.
#[cfg(all(unix, not(target_vendor = "apple")))]
fn session_has_systemd() -> bool {
    match std::env::var("BACKFIX_AUTOSTART").as_deref() {
        Ok("systemd") => return true,
        Ok("xdg") => return false,
        _ => {}
    }
    std::process::Command::new("systemctl")
        .args(["--user", "is-active", "graphical-session.target"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"active"))
}

fn dir_of(dir: Option<PathBuf>, var: &str) -> Result<PathBuf> {
    dir.ok_or_else(|| {
        Error::failure("cannot tell where to put what starts the reminder at login")
            .with_hint(format!("set HOME or {var}"))
    })
}

/// Where to install, for this platform and session.
fn target() -> Result<Autostart> {
    #[cfg(all(unix, not(target_vendor = "apple")))]
    return Ok(if session_has_systemd() {
        Autostart::Systemd(dir_of(paths::systemd_user_dir(), paths::SYSTEMD_ENV)?)
    } else {
        Autostart::Xdg(dir_of(paths::autostart_dir(), paths::AUTOSTART_ENV)?)
    });
    #[cfg(target_vendor = "apple")]
    return Ok(Autostart::LaunchAgent(dir_of(
        paths::autostart_dir(),
        paths::AUTOSTART_ENV,
    )?));
    #[cfg(windows)]
    return Ok(Autostart::Startup(dir_of(
        paths::autostart_dir(),
        paths::AUTOSTART_ENV,
    )?));
}

/// Every file `install` may have written on this platform, for `uninstall`.
fn installed_files() -> Vec<PathBuf> {
    let mut v = Vec::new();
    #[cfg(all(unix, not(target_vendor = "apple")))]
    if let Some(d) = paths::systemd_user_dir() {
        v.push(d.join(unit::UNIT_NAME));
    }
    #[cfg(all(unix, not(target_vendor = "apple")))]
    let name = unit::DESKTOP_NAME;
    #[cfg(target_vendor = "apple")]
    let name = unit::AGENT_NAME;
    #[cfg(windows)]
    let name = unit::STARTUP_NAME;
    if let Some(d) = paths::autostart_dir() {
        v.push(d.join(name));
    }
    v
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    crate::paths::ensure_dir(dir)
        .map_err(|e| Error::failure(format!("cannot create {}: {e}", dir.display())))?;
    std::fs::write(&path, text)
        .map_err(|e| Error::failure(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}

/// The user's id, for `launchctl bootstrap gui/<uid>`.
#[cfg(target_vendor = "apple")]
#[allow(unsafe_code)] // getuid(2): std has no way to ask.
fn uid() -> u32 {
    // SAFETY: getuid takes nothing, cannot fail and touches no memory of ours.
    unsafe { libc::getuid() }
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
        .ok_or_else(|| Error::failure("the path of this program is not UTF-8"))?;
    // canonicalize gives Windows' verbatim form (\\?\C:\...), which cmd.exe
    // does not take.
    let exe = exe.strip_prefix(r"\\?\").unwrap_or(exe).to_string();
    let args = unit_args(a, complaint);
    match target()? {
        #[cfg(all(unix, not(target_vendor = "apple")))]
        Autostart::Systemd(dir) => {
            let path = write(&dir, unit::UNIT_NAME, &unit::unit(&exe, &args))?;
            out.line(&format!(
                "Wrote {}, a systemd user unit (this session runs systemd and has reached graphical-session.target).",
                path.display()
            ))?;
            out.line("Start it now and at every login with:")?;
            out.styled_line(output::CODE, "  systemctl --user daemon-reload")?;
            out.styled_line(
                output::CODE,
                &format!("  systemctl --user enable --now {}", unit::UNIT_NAME),
            )?;
        }
        #[cfg(all(unix, not(target_vendor = "apple")))]
        Autostart::Xdg(dir) => {
            let path = write(&dir, unit::DESKTOP_NAME, &unit::desktop_entry(&exe, &args))?;
            out.line(&format!(
                "Wrote {}, an XDG autostart entry (this session has no systemd user manager that reached graphical-session.target).",
                path.display()
            ))?;
            out.line("Your desktop starts it at every login. To start it now:")?;
            out.styled_line(output::CODE, &format!("  {exe} {}", args.join(" ")))?;
        }
        #[cfg(target_vendor = "apple")]
        Autostart::LaunchAgent(dir) => {
            let log = paths::state_dir().map_or_else(
                || "/dev/null".into(),
                |d| d.join("remind.log").display().to_string(),
            );
            if let Some(d) = paths::state_dir() {
                let _ = crate::paths::ensure_dir(&d);
            }
            let path = write(
                &dir,
                unit::AGENT_NAME,
                &unit::launch_agent(&exe, &args, &log),
            )?;
            out.line(&format!("Wrote {}, a LaunchAgent.", path.display()))?;
            let domain = format!("gui/{}", uid());
            let started = std::process::Command::new("launchctl")
                .arg("bootstrap")
                .arg(&domain)
                .arg(&path)
                .output()
                .is_ok_and(|o| o.status.success());
            if started {
                out.line("launchd started it, and starts it at every login.")?;
            } else {
                out.line("launchd starts it at every login; to start it now:")?;
                out.styled_line(
                    output::CODE,
                    &format!("  launchctl bootstrap {domain} {}", path.display()),
                )?;
            }
            out.line("The first notification asks to allow notifications from backfix (System Settings > Notifications).")?;
        }
        #[cfg(windows)]
        Autostart::Startup(dir) => {
            let path = write(&dir, unit::STARTUP_NAME, &unit::startup_cmd(&exe, &args))?;
            out.line(&format!(
                "Wrote {}, in the Startup folder: the reminder starts, in a minimised window, at every login.",
                path.display()
            ))?;
            out.line("To start it now:")?;
            out.styled_line(output::CODE, &format!("  {exe} {}", args.join(" ")))?;
        }
    }
    Ok(0)
}

pub fn uninstall(out: &mut Out) -> Result<u8> {
    let files = installed_files();
    if files.is_empty() {
        return Err(dir_of(None, paths::AUTOSTART_ENV).unwrap_err());
    }
    let mut removed = Vec::new();
    for path in &files {
        match std::fs::remove_file(path) {
            Ok(()) => removed.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::failure(format!(
                    "cannot remove {}: {e}",
                    path.display()
                )));
            }
        }
    }
    if removed.is_empty() {
        let shown: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::failure(format!(
            "no unit to remove: nothing at {}",
            shown.join(" or ")
        ))
        .with_hint("`backfix remind install` writes one"));
    }
    for path in &removed {
        out.line(&format!("Removed {}.", path.display()))?;
    }
    #[cfg(all(unix, not(target_vendor = "apple")))]
    if removed.iter().any(|p| p.ends_with(unit::UNIT_NAME)) {
        if let Some(dir) = paths::systemd_user_dir() {
            let wants = dir
                .join("graphical-session.target.wants")
                .join(unit::UNIT_NAME);
            let _ = std::fs::remove_file(&wants);
        }
        out.line("If it is running, stop it and let systemd forget it with:")?;
        out.styled_line(
            output::CODE,
            &format!("  systemctl --user stop {}", unit::UNIT_NAME),
        )?;
        out.styled_line(output::CODE, "  systemctl --user daemon-reload")?;
        return Ok(0);
    }
    #[cfg(target_vendor = "apple")]
    {
        let _ = std::process::Command::new("launchctl")
            .arg("bootout")
            .arg(format!("gui/{}/{}", uid(), unit::AGENT_LABEL))
            .output();
    }
    out.line("A reminder running now goes on until you stop it: `backfix remind stop`.")?;
    Ok(0)
}

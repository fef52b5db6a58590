//! `backfix remind pause|resume|now|snooze|skip|done`: one command to the
//! running reminder over its socket (`remind::control`), and its answer.

use super::{Ctl, now, state_dir};
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::remind::control::{self, Command, SendError};
use crate::remind::state::{self, Holder};

pub fn send(out: &mut Out, c: Ctl<'_>) -> Result<u8> {
    let cmd = match c {
        Ctl::Pause(p) => Command::Pause {
            until: control::pause_end(&p.when, p.meeting, now()).map_err(|e| {
                Error::usage(e)
                    .with_hint("backfix remind pause 30m, or: backfix remind pause until 14:00")
            })?,
            meeting: p.meeting,
        },
        Ctl::Resume => Command::Resume,
        Ctl::Now => Command::Now,
        Ctl::Snooze(d) => Command::Snooze(d),
        Ctl::Skip => Command::Skip,
        Ctl::Done => Command::Done,
    };
    let dir = state_dir()?;
    // Only a reminder proven to hold the lock is sent anything (on Windows
    // the pipe's server must be that very process).
    let pid = match state::running(&dir) {
        Holder::Free => None,
        Holder::Reminder(pid) => Some(pid),
        h @ Holder::Unknown { .. } => return Err(super::status::unknown_holder(&dir, &h)),
    };
    let path = control::address(&dir)
        .map_err(|e| Error::failure(format!("cannot tell where the reminder listens: {e}")))?;
    let sent = match pid {
        None => Err(SendError::NotRunning),
        Some(pid) => control::send(&path, &cmd, Some(pid)),
    };
    match sent {
        Ok(answer) => {
            out.line(&format!("Reminder: {}.", output::clean_line(&answer)))?;
            Ok(0)
        }
        Err(SendError::NotRunning) => Err(Error::failure("no reminder is running")
            .with_hint("start one with `backfix remind --every 45m`")),
        Err(SendError::Refused(why)) => Err(Error::failure(format!(
            "the reminder said: {}",
            output::clean_line(&why)
        ))),
        Err(SendError::Io(e)) => Err(Error::failure(format!(
            "cannot reach the reminder on {}: {e}",
            path.display()
        ))
        .with_hint("see `backfix remind status`")),
    }
}

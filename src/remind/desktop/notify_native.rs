//! Native notifications on Windows (a toast) and macOS (Notification
//! Center), through notify-rust's backends there. Neither backend offers
//! buttons whose presses come back, so each reminder is a plain notification
//! (`Shown::buttons` is false) and the loop treats it as shown, as it does
//! for a freedesktop server without actions.

use crate::output::{clean, clean_line};
use crate::remind::signals::StopFlag;
use crate::remind::{Msg, Notice, Notifier, Shown, Trouble};
use std::sync::mpsc::Sender;

/// The application name the notifications carry.
const APP_NAME: &str = "backfix";

pub struct DesktopNotifier {
    /// Kept for the same constructor as the freedesktop notifier; no button
    /// presses come back on these platforms.
    _tx: Sender<Msg>,
    stop: StopFlag,
    /// Counts notifications, standing in for a server's ids.
    shown: u32,
}

impl DesktopNotifier {
    pub fn new(tx: Sender<Msg>, stop: StopFlag) -> DesktopNotifier {
        DesktopNotifier {
            _tx: tx,
            stop,
            shown: 0,
        }
    }
}

/// The notification for a reminder: summary and body cleaned of control
/// characters (no markup on these platforms).
pub fn build(title: &str, body: &str) -> notify_rust::Notification {
    let mut n = notify_rust::Notification::new();
    n.appname(APP_NAME)
        .summary(&clean_line(title))
        .body(&clean(body));
    n
}

impl Notifier for DesktopNotifier {
    fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble> {
        if self.stop.is_set() {
            return Err(Trouble::Interrupted);
        }
        let r = n.reminder;
        build(&r.title, &r.body)
            .show()
            .map_err(|e| Trouble::Refused(e.to_string()))?;
        self.shown = self.shown.wrapping_add(1).max(1);
        Ok(Shown {
            id: self.shown,
            buttons: false,
        })
    }

    /// Neither backend can take a notification down; the platform expires it.
    fn close(&mut self, _id: u32) {}
}

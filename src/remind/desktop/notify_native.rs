//! Native notifications on Windows (a toast) and macOS (Notification
//! Center), through notify-rust's backends there. Neither backend offers
//! buttons whose presses come back, so each reminder is a plain notification
//! (`Shown::buttons` is false) and the loop treats it as shown, as it does
//! for a freedesktop server without actions.
//!
//! Showing is bounded in time like a D-Bus call: it runs on a thread of its
//! own, and a platform that does not answer within `CALL_TIMEOUT` sends the
//! reminder to the terminal. While such a call is still stuck, no second one
//! is started. (Wine 8 has no toast service: it refuses at once with
//! REGDB_E_CLASSNOTREG, 0x80040154, and the reminder goes to the terminal.)

use crate::output::{clean, clean_line};
use crate::remind::signals::StopFlag;
use crate::remind::{Msg, Notice, Notifier, Shown, Trouble};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// The longest showing a notification may take before the reminder goes to
/// the terminal instead.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(3);

/// The application name the notifications carry.
const APP_NAME: &str = "backfix";

pub struct DesktopNotifier {
    /// Kept for the same constructor as the freedesktop notifier; no button
    /// presses come back on these platforms.
    _tx: Sender<Msg>,
    stop: StopFlag,
    /// Counts notifications, standing in for a server's ids.
    shown: u32,
    /// Set while a call to the platform is under way (or stuck).
    busy: Arc<AtomicBool>,
}

impl DesktopNotifier {
    pub fn new(tx: Sender<Msg>, stop: StopFlag) -> DesktopNotifier {
        DesktopNotifier {
            _tx: tx,
            stop,
            shown: 0,
            busy: Arc::new(AtomicBool::new(false)),
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
        if self.busy.load(Ordering::SeqCst) {
            // The last call has not come back: do not pile up another.
            return Err(Trouble::TimedOut(CALL_TIMEOUT));
        }
        let r = n.reminder;
        let notification = build(&r.title, &r.body);
        let (tx, rx) = std::sync::mpsc::channel();
        let busy = self.busy.clone();
        busy.store(true, Ordering::SeqCst);
        let spawned = std::thread::Builder::new()
            .name("backfix-notify".into())
            .spawn(move || {
                let result = notification.show().map(|_| ()).map_err(|e| e.to_string());
                busy.store(false, Ordering::SeqCst);
                let _ = tx.send(result);
            });
        if let Err(e) = spawned {
            self.busy.store(false, Ordering::SeqCst);
            return Err(Trouble::Refused(format!("cannot start a thread: {e}")));
        }
        // Wait in short steps, so a stop request is not kept waiting.
        let start = std::time::Instant::now();
        loop {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(Ok(())) => break,
                Ok(Err(e)) => return Err(Trouble::Refused(e)),
                Err(_) if self.stop.is_set() => return Err(Trouble::Interrupted),
                Err(_) if start.elapsed() >= CALL_TIMEOUT => {
                    return Err(Trouble::TimedOut(CALL_TIMEOUT));
                }
                Err(_) => {}
            }
        }
        self.shown = self.shown.wrapping_add(1).max(1);
        Ok(Shown {
            id: self.shown,
            buttons: false,
        })
    }

    /// Neither backend can take a notification down; the platform expires it.
    fn close(&mut self, _id: u32) {}
}

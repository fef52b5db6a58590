//! Toasts on Windows with Done, Snooze and Skip buttons, through
//! tauri-winrt-notification (notify-rust's own Windows backend, used
//! directly for its buttons and events).
//!
//! The toast's `Activated` and `Dismissed` events run in this process while
//! the toast lives; they send `Msg::Action` / `Msg::Closed` to the loop
//! (`answer.rs` says which), so `Shown::buttons` is true. Showing is bounded
//! in time (`notify_native.rs`); a refused toast sends the reminder to the
//! terminal, which is what the Windows test suite sees under Wine (no toast
//! service there: 0x80040154). Type-checked and its mapping unit-tested; no
//! toast with buttons has been shown in a test here.
//!
//! The app id is PowerShell's, as notify-rust used when none is set: an
//! unpackaged program has no AppUserModelID of its own until it registers
//! one (a Start-menu shortcut or a registry entry), and Windows shows no
//! toast for an id it does not know. The toast therefore names PowerShell
//! as its sender.

use super::answer::{Dismissal, toast_activated, toast_dismissed};
use super::notify_native::bounded;
use crate::output::{clean, clean_line};
use crate::remind::signals::StopFlag;
use crate::remind::{Msg, Notice, Notifier, Shown, Trouble};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;
use tauri_winrt_notification::{Duration, Toast, ToastDismissalReason};

pub struct DesktopNotifier {
    /// Where the toast's events go: the loop's channel.
    tx: Sender<Msg>,
    stop: StopFlag,
    /// Counts toasts, standing in for a server's ids.
    shown: u32,
    /// Set while a call to show one is under way (or stuck).
    busy: Arc<AtomicBool>,
}

impl DesktopNotifier {
    pub fn new(tx: Sender<Msg>, stop: StopFlag) -> DesktopNotifier {
        DesktopNotifier {
            tx,
            stop,
            shown: 0,
            busy: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// Windows' reason in the terms `answer.rs` maps.
fn dismissal(why: Option<ToastDismissalReason>) -> Dismissal {
    match why {
        Some(r) if r == ToastDismissalReason::UserCanceled => Dismissal::UserCanceled,
        Some(r) if r == ToastDismissalReason::ApplicationHidden => Dismissal::ApplicationHidden,
        Some(r) if r == ToastDismissalReason::TimedOut => Dismissal::TimedOut,
        _ => Dismissal::Unknown,
    }
}

impl Notifier for DesktopNotifier {
    fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble> {
        // An id for every attempt, so a late event from a toast given up on
        // is never taken for the next one's.
        self.shown = self.shown.wrapping_add(1).max(1);
        let id = self.shown;
        let r = n.reminder;
        // The crate escapes title and text for the toast's XML; buttons are
        // ours (`answer.rs` tests they need no escaping).
        let title = clean_line(&r.title).into_owned();
        let body = clean(&r.body).into_owned();
        let buttons = super::buttons(n.snooze);
        let (on_click, on_dismiss) = (self.tx.clone(), self.tx.clone());
        bounded("backfix-notify", &self.busy, &self.stop, move |report| {
            // Built on this thread: the event handlers are COM objects.
            let mut toast = Toast::new(Toast::POWERSHELL_APP_ID)
                .title(&title)
                .text1(&body)
                // 25 seconds on screen (7 when short), time to answer.
                .duration(Duration::Long)
                // Silent, as notify-rust made it.
                .sound(None);
            for (key, label) in &buttons {
                toast = toast.add_button(label, key);
            }
            let toast = toast
                .on_activated(move |action| {
                    let _ = on_click.send(toast_activated(id, action.as_deref()));
                    Ok(())
                })
                .on_dismissed(move |why| {
                    if let Some(m) = toast_dismissed(id, dismissal(why)) {
                        let _ = on_dismiss.send(m);
                    }
                    Ok(())
                });
            report.report(toast.show().map_err(|e| e.to_string()));
        })?;
        Ok(Shown { id, buttons: true })
    }

    /// The crate keeps no handle to a toast shown, so it cannot take one
    /// down; Windows moves it to the notification centre when its time is up.
    fn close(&mut self, _id: u32) {}
}

//! Notification Center on macOS with Done, Snooze and Skip, through
//! mac-notification-sys (notify-rust's own macOS backend, used directly for
//! its buttons and their answer).
//!
//! The notification's button carries a menu with the three; sending it
//! blocks until the user answers or it goes away, so each is sent on a
//! thread of its own, which reports as soon as the notification is on its
//! way (`notify_native.rs` bounds that part) and then waits for the answer
//! and sends it to the loop (`answer.rs` maps it). Neither a stop nor the
//! next reminder waits for that thread; the process ends without it.
//!
//! mac-notification-sys delivers the answer through callbacks on the main
//! thread's run loop, which this program (its main thread runs the reminder
//! loop) does not turn: whether answers arrive here at all is not known,
//! since no Mac runs these tests. So an unanswered notification's thread may
//! wait for good; at most `MAX_WAITING` such threads are kept, and beyond
//! them reminders are plain notifications (`Shown::buttons` false), as they
//! were before buttons. Type-checked and its mapping unit-tested, never run.

use super::answer::{MacResponse, mac_answered};
use super::notify_native::bounded;
use crate::output::{clean, clean_line};
use crate::remind::signals::StopFlag;
use crate::remind::{Msg, Notice, Notifier, Shown, Trouble};
use mac_notification_sys::error::{ApplicationError, Error};
use mac_notification_sys::{MainButton, NotificationResponse};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, OnceLock};

/// At most this many notifications wait for an answer at once; more are
/// shown without buttons.
const MAX_WAITING: usize = 4;

pub struct DesktopNotifier {
    /// Where the answers go: the loop's channel.
    tx: Sender<Msg>,
    stop: StopFlag,
    /// Counts notifications, standing in for a server's ids.
    shown: u32,
    /// Set while a call to show one is under way (or stuck).
    busy: Arc<AtomicBool>,
    /// Threads waiting for an answer now.
    waiting: Arc<AtomicUsize>,
}

impl DesktopNotifier {
    pub fn new(tx: Sender<Msg>, stop: StopFlag) -> DesktopNotifier {
        DesktopNotifier {
            tx,
            stop,
            shown: 0,
            busy: Arc::new(AtomicBool::new(false)),
            waiting: Arc::new(AtomicUsize::new(0)),
        }
    }
}

/// The application the notifications are sent as, chosen once: the same
/// choice mac-notification-sys makes when none is set (Finder's bundle when
/// no better is found). Done here, ahead of sending, because it is the only
/// part that can fail, and a send with buttons does not return until it is
/// answered.
fn application() -> Result<(), String> {
    static SET: OnceLock<Result<(), String>> = OnceLock::new();
    SET.get_or_init(|| {
        let bundle = mac_notification_sys::get_bundle_identifier_or_default("use_default");
        match mac_notification_sys::set_application(&bundle) {
            Ok(()) | Err(Error::Application(ApplicationError::AlreadySet(_))) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    })
    .clone()
}

/// mac-notification-sys's answer in the terms `answer.rs` maps.
fn response(r: NotificationResponse) -> MacResponse {
    match r {
        NotificationResponse::ActionButton(label) => MacResponse::Button(label),
        NotificationResponse::CloseButton(_) => MacResponse::Close,
        NotificationResponse::Click => MacResponse::Click,
        NotificationResponse::Reply(_) => MacResponse::Reply,
        NotificationResponse::None => MacResponse::Nothing,
    }
}

/// Counts a waiting thread while it lives.
struct Waiting(Arc<AtomicUsize>);

impl Drop for Waiting {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Notifier for DesktopNotifier {
    fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble> {
        // An id for every attempt, so a late answer to a notification given
        // up on is never taken for the next one's.
        self.shown = self.shown.wrapping_add(1).max(1);
        let id = self.shown;
        let r = n.reminder;
        let title = clean_line(&r.title).into_owned();
        let body = clean(&r.body).into_owned();
        let with_buttons = self.waiting.load(Ordering::SeqCst) < MAX_WAITING;
        if !with_buttons {
            bounded("backfix-notify", &self.busy, &self.stop, move |report| {
                let sent = application().and_then(|()| {
                    let mut plain = mac_notification_sys::Notification::new();
                    plain.title(&title).message(&body);
                    plain.send().map(|_| ()).map_err(|e| e.to_string())
                });
                report.report(sent);
            })?;
            return Ok(Shown { id, buttons: false });
        }
        let buttons = super::buttons(n.snooze);
        let tx = self.tx.clone();
        let waiting = self.waiting.clone();
        bounded("backfix-notify", &self.busy, &self.stop, move |report| {
            if let Err(e) = application() {
                report.report(Err(e));
                return;
            }
            waiting.fetch_add(1, Ordering::SeqCst);
            let _waiting = Waiting(waiting);
            // On its way: the loop goes on, this thread waits for the answer.
            report.report(Ok(()));
            let labels: Vec<&str> = buttons.iter().map(|(_, l)| l.as_str()).collect();
            let mut note = mac_notification_sys::Notification::new();
            note.title(&title)
                .message(&body)
                .main_button(MainButton::DropdownActions(labels[0], &labels));
            let m = match note.send() {
                Ok(answer) => mac_answered(id, &response(answer), &buttons),
                Err(_) => Msg::Closed { id },
            };
            let _ = tx.send(m);
        })?;
        Ok(Shown { id, buttons: true })
    }

    /// mac-notification-sys cannot take a notification down; macOS keeps it
    /// in Notification Center.
    fn close(&mut self, _id: u32) {}
}

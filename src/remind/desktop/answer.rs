//! What Windows and macOS say about a notification with buttons, turned into
//! the loop's messages (`Msg::Action`, `Msg::Closed`), as the freedesktop
//! server's `ActionInvoked` and `NotificationClosed` are on Linux.
//!
//! Pure, and compiled on every platform (on Linux only for its tests), so
//! the mapping is unit-tested everywhere. What is run where: the Windows
//! toast with buttons (`notify_windows.rs`) and the macOS notification with
//! buttons (`notify_macos.rs`) are type-checked (clippy for
//! x86_64-pc-windows-gnu and aarch64-apple-darwin) and their mapping is
//! tested here, but no button is ever pressed in a test: Wine has no toast
//! service (it refuses every toast, so the Windows suite sees the terminal
//! fallback), and there is no Mac.

use crate::remind::{Action, Msg};

#[cfg_attr(not(windows), allow(dead_code))] // Used on Windows; tested everywhere.
/// Why Windows took a toast off the screen (its `ToastDismissalReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dismissal {
    /// The user closed it.
    UserCanceled,
    /// The program hid it.
    ApplicationHidden,
    /// Its time on screen ran out: it moved to the notification centre,
    /// where its buttons still work.
    TimedOut,
    /// Windows did not say.
    Unknown,
}

/// A toast was activated: one of its buttons (`Some`, the button's action
/// string, which is its key) or its body (`None`). Either way Windows takes
/// the toast away, so anything but a known button is the end of it.
#[cfg_attr(not(windows), allow(dead_code))]
pub fn toast_activated(id: u32, action: Option<&str>) -> Msg {
    match action {
        Some(key) if Action::from_key(key).is_some() => Msg::Action {
            id,
            key: key.to_owned(),
        },
        _ => Msg::Closed { id },
    }
}

/// A toast left the screen. Only when it is gone for good does the loop stop
/// listening for its buttons; after a time-out it waits in the notification
/// centre, and a reason Windows did not give is left to the loop's own limit
/// (the notification's timeout).
#[cfg_attr(not(windows), allow(dead_code))]
pub fn toast_dismissed(id: u32, why: Dismissal) -> Option<Msg> {
    match why {
        Dismissal::UserCanceled | Dismissal::ApplicationHidden => Some(Msg::Closed { id }),
        Dismissal::TimedOut | Dismissal::Unknown => None,
    }
}

#[cfg_attr(not(target_vendor = "apple"), allow(dead_code))] // Used on macOS; tested everywhere.
/// How a macOS notification with buttons ended (mac-notification-sys's
/// `NotificationResponse`, whose button is named by its label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MacResponse {
    /// A button or an entry of the button's menu, by its label.
    Button(String),
    /// The close button.
    Close,
    /// A click on the notification itself.
    Click,
    /// A typed reply (not asked for).
    Reply,
    /// It went away without an answer.
    Nothing,
}

/// The message for a macOS answer, given the buttons the notification had
/// (`desktop::buttons`: key and label). Every answer ends the notification
/// (macOS removes it once answered); only a press on one of its buttons is
/// an action.
#[cfg_attr(not(target_vendor = "apple"), allow(dead_code))]
pub fn mac_answered(id: u32, response: &MacResponse, buttons: &[(&str, String)]) -> Msg {
    let key = match response {
        MacResponse::Button(label) => buttons
            .iter()
            .find(|(_, l)| l == label)
            .map(|(key, _)| *key),
        MacResponse::Close | MacResponse::Click | MacResponse::Reply | MacResponse::Nothing => None,
    };
    match key {
        Some(key) => Msg::Action {
            id,
            key: key.to_owned(),
        },
        None => Msg::Closed { id },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remind::desktop::buttons;
    use std::time::Duration;

    fn action(id: u32, key: &str) -> Msg {
        Msg::Action {
            id,
            key: key.to_owned(),
        }
    }

    #[test]
    fn the_buttons_are_done_snooze_and_skip_with_the_real_snooze_time() {
        let b = buttons(Duration::from_secs(10 * 60));
        let keys: Vec<_> = b.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["done", "snooze", "skip"]);
        let actions: Vec<_> = keys.iter().map(|k| Action::from_key(k)).collect();
        assert_eq!(
            actions,
            [
                Some(Action::Done),
                Some(Action::Snoozed),
                Some(Action::Skipped)
            ]
        );
        let labels: Vec<_> = b.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Done", "Snooze 10m", "Skip"]);
        assert_eq!(buttons(Duration::from_secs(90 * 60))[1].1, "Snooze 1h 30m");
    }

    /// tauri-winrt-notification writes a button's label and key into the
    /// toast's XML unescaped (in '...'), and macOS gets a menu's labels
    /// joined with commas: none may hold a quote, `<`, `&` or a comma, nor
    /// may two labels be the same (macOS names the button by its label).
    #[test]
    fn labels_and_keys_are_safe_for_toast_xml_and_the_macos_menu() {
        for secs in [1, 59, 60, 61, 300, 600, 3599, 3600, 5400, 86_400, 200_000] {
            let b = buttons(Duration::from_secs(secs));
            for (key, label) in &b {
                for s in [*key, label.as_str()] {
                    assert!(!s.is_empty());
                    assert!(
                        !s.contains(['\'', '"', '<', '>', '&', ','])
                            && !s.contains(char::is_control),
                        "{s:?} (snooze {secs}s)"
                    );
                }
            }
            assert!(b[0].1 != b[1].1 && b[1].1 != b[2].1 && b[0].1 != b[2].1);
        }
    }

    #[test]
    fn a_toast_button_is_its_action_and_anything_else_closes_it() {
        assert_eq!(toast_activated(3, Some("done")), action(3, "done"));
        assert_eq!(toast_activated(3, Some("snooze")), action(3, "snooze"));
        assert_eq!(toast_activated(3, Some("skip")), action(3, "skip"));
        // A click on the body, or an action string that is not a button's.
        assert_eq!(toast_activated(3, None), Msg::Closed { id: 3 });
        assert_eq!(toast_activated(3, Some("Done")), Msg::Closed { id: 3 });
        assert_eq!(toast_activated(3, Some("")), Msg::Closed { id: 3 });
    }

    #[test]
    fn a_toast_is_closed_only_when_it_is_gone_for_good() {
        assert_eq!(
            toast_dismissed(7, Dismissal::UserCanceled),
            Some(Msg::Closed { id: 7 })
        );
        assert_eq!(
            toast_dismissed(7, Dismissal::ApplicationHidden),
            Some(Msg::Closed { id: 7 })
        );
        // In the notification centre its buttons still work.
        assert_eq!(toast_dismissed(7, Dismissal::TimedOut), None);
        assert_eq!(toast_dismissed(7, Dismissal::Unknown), None);
    }

    #[test]
    fn a_macos_button_is_found_by_its_label() {
        let b = buttons(Duration::from_secs(15 * 60));
        let pressed = |label: &str| mac_answered(2, &MacResponse::Button(label.into()), &b);
        assert_eq!(pressed("Done"), action(2, "done"));
        assert_eq!(pressed("Snooze 15m"), action(2, "snooze"));
        assert_eq!(pressed("Skip"), action(2, "skip"));
        // A label it did not have (another snooze time, a key) is no answer.
        assert_eq!(pressed("Snooze 10m"), Msg::Closed { id: 2 });
        assert_eq!(pressed("done"), Msg::Closed { id: 2 });
        for other in [
            MacResponse::Close,
            MacResponse::Click,
            MacResponse::Reply,
            MacResponse::Nothing,
        ] {
            assert_eq!(
                mac_answered(2, &other, &b),
                Msg::Closed { id: 2 },
                "{other:?}"
            );
        }
    }
}

//! Do-not-disturb, as the notification server reports it: the `Inhibited`
//! property of org.freedesktop.Notifications (notification spec 1.3), or
//! dunst's `paused` (org.dunstproject.cmd0, set by `dunstctl set-paused
//! true`), or under GNOME its `show-banners` setting off (read with
//! `gsettings` at start and whenever dconf says the notification settings
//! changed). One thread reads the initial values and then sleeps on the bus
//! for `PropertiesChanged` and dconf's `Notify`: no polling. Each change
//! reaches the loop as `Msg::Dnd`.

use super::PATH;
use crate::remind::Msg;
use std::collections::HashMap;
use std::sync::mpsc::Sender;
use zbus::zvariant::OwnedValue;

/// The (interface, property) pairs that mean do-not-disturb when true.
pub const WATCHED: [(&str, &str); 2] = [
    ("org.freedesktop.Notifications", "Inhibited"),
    ("org.dunstproject.cmd0", "paused"),
];

/// GNOME's notification settings, and where dconf keeps them.
const GNOME_SCHEMA: &str = "org.gnome.desktop.notifications";
const GNOME_DIR: &str = "/org/gnome/desktop/notifications/";

/// Which of the watched properties are on (pure).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dnd {
    props: [bool; 2],
    /// GNOME's `show-banners` is off.
    pub banners_off: bool,
}

impl Dnd {
    pub fn on(self) -> bool {
        self.props.iter().any(|b| *b) || self.banners_off
    }

    /// Take a property's new value.
    pub fn set(&mut self, iface: &str, prop: &str, value: bool) {
        if let Some(i) = WATCHED.iter().position(|w| *w == (iface, prop)) {
            self.props[i] = value;
        }
    }
}

/// Watch the session bus for do-not-disturb and the screen saver
/// (`lock::screensaver`), in one thread on one connection that runs its own
/// executor (no thread of zbus's); without a bus it quietly does nothing.
pub fn watch(tx: Sender<Msg>) {
    super::watch_bus(
        "backfix-desktop",
        zbus::connection::Builder::session,
        async move |conn| {
            futures_lite::future::zip(run(conn, tx.clone()), super::lock::screensaver(conn, tx))
                .await
        },
    );
}

/// `gsettings get ... show-banners` printed this: whether banners are off.
pub fn banners_off(printed: &str) -> Option<bool> {
    match printed.trim() {
        "true" => Some(false),
        "false" => Some(true),
        _ => None,
    }
}

/// Under GNOME, whether its banners are off (None elsewhere, or unreadable).
fn gnome_banners_off() -> Option<bool> {
    let desktop = std::env::var("XDG_CURRENT_DESKTOP").ok()?;
    if !desktop.split(':').any(|d| d.eq_ignore_ascii_case("gnome")) {
        return None;
    }
    let out = std::process::Command::new("gsettings")
        .args(["get", GNOME_SCHEMA, "show-banners"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    banners_off(&String::from_utf8_lossy(&out.stdout))
}

async fn get(conn: &zbus::Connection, iface: &str, prop: &str) -> Option<bool> {
    let reply = conn
        .call_method(
            Some(super::DEST),
            PATH,
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &(iface, prop),
        )
        .await
        .ok()?;
    let v: OwnedValue = reply.body().deserialize().ok()?;
    bool::try_from(&*v).ok()
}

async fn run(conn: &zbus::Connection, tx: Sender<Msg>) -> Option<()> {
    use futures_lite::StreamExt;
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface("org.freedesktop.DBus.Properties")
        .ok()?
        .member("PropertiesChanged")
        .ok()?
        .path(PATH)
        .ok()?
        .build();
    // Subscribe first, so a change during the first reads is not missed.
    let props = zbus::MessageStream::for_match_rule(rule, conn, Some(16))
        .await
        .ok()?;
    let mut dnd = Dnd::default();
    let gnome = gnome_banners_off();
    dnd.banners_off = gnome.unwrap_or(false);
    let dconf = async {
        gnome?;
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .interface("ca.desrt.dconf.Writer")
            .ok()?
            .member("Notify")
            .ok()?
            .build();
        zbus::MessageStream::for_match_rule(rule, conn, Some(16))
            .await
            .ok()
    }
    .await;
    let mut stream: std::pin::Pin<
        Box<dyn futures_lite::Stream<Item = zbus::Result<zbus::Message>> + Send>,
    > = match dconf {
        Some(d) => Box::pin(props.or(d)),
        None => Box::pin(props),
    };
    for (iface, prop) in WATCHED {
        if let Some(v) = get(conn, iface, prop).await {
            dnd.set(iface, prop, v);
        }
    }
    let mut told = false;
    if dnd.on() {
        tx.send(Msg::Dnd(true)).ok()?;
        told = true;
    }
    while let Some(Ok(msg)) = stream.next().await {
        if msg
            .header()
            .interface()
            .is_some_and(|i| i == "ca.desrt.dconf.Writer")
        {
            let touched = msg
                .body()
                .deserialize::<(String, Vec<String>, String)>()
                .is_ok_and(|(prefix, keys, _)| {
                    let prefix = prefix.as_str();
                    prefix.starts_with(GNOME_DIR)
                        || (GNOME_DIR.starts_with(prefix)
                            && keys
                                .iter()
                                .any(|k| format!("{prefix}{k}").starts_with(GNOME_DIR)))
                });
            if touched && let Some(off) = gnome_banners_off() {
                dnd.banners_off = off;
            }
        } else if let Ok((iface, changed, _)) =
            msg.body()
                .deserialize::<(String, HashMap<String, OwnedValue>, Vec<String>)>()
        {
            for (k, v) in &changed {
                if let Ok(b) = bool::try_from(&**v) {
                    dnd.set(&iface, k, b);
                }
            }
        }
        if dnd.on() != told {
            told = dnd.on();
            tx.send(Msg::Dnd(told)).ok()?;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_property_means_do_not_disturb() {
        let mut d = Dnd::default();
        assert!(!d.on());
        d.set("org.dunstproject.cmd0", "paused", true);
        assert!(d.on());
        d.set("org.freedesktop.Notifications", "Inhibited", true);
        d.set("org.dunstproject.cmd0", "paused", false);
        assert!(d.on(), "still inhibited");
        d.set("org.freedesktop.Notifications", "Inhibited", false);
        assert!(!d.on());
        d.set("org.example", "paused", true);
        assert!(!d.on(), "other interfaces do not count");
        d.banners_off = true;
        assert!(d.on(), "GNOME's banners off");
    }

    #[test]
    fn gsettings_output_is_read() {
        assert_eq!(banners_off("true\n"), Some(false));
        assert_eq!(banners_off("false\n"), Some(true));
        assert_eq!(banners_off("No such schema"), None);
    }
}

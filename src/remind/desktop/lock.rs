//! Screen lock and unlock as events: org.freedesktop.ScreenSaver's
//! `ActiveChanged` on the session bus, and logind's `Lock`/`Unlock` signals
//! and `LockedHint` for our session on the system bus. One thread per bus
//! sleeps on it (no polling); each change reaches the loop as `Msg::Locked`.
//! logind's `PrepareForSleep(false)` (the machine woke) reaches it as
//! `Msg::Woke`, so a long wait does not outlast a suspend.

use crate::remind::Msg;
use std::collections::HashMap;
use std::sync::mpsc::Sender;
use zbus::zvariant::{OwnedObjectPath, OwnedValue};

const LOGIND: &str = "org.freedesktop.login1";
const SESSION_IFACE: &str = "org.freedesktop.login1.Session";

/// What a signal says about the lock (pure): `Some(locked)` or nothing.
pub fn reading(iface: &str, member: &str, body: Reading<'_>) -> Option<bool> {
    match (iface, member, body) {
        ("org.freedesktop.ScreenSaver", "ActiveChanged", Reading::Bool(b)) => Some(b),
        (SESSION_IFACE, "Lock", _) => Some(true),
        (SESSION_IFACE, "Unlock", _) => Some(false),
        ("org.freedesktop.DBus.Properties", "PropertiesChanged", Reading::Changed(i, hint))
            if i == SESSION_IFACE =>
        {
            hint
        }
        _ => None,
    }
}

/// A signal's body, as far as it matters here.
#[derive(Debug, Clone, Copy)]
pub enum Reading<'a> {
    Bool(bool),
    /// PropertiesChanged: the interface, and `LockedHint` if it changed.
    Changed(&'a str, Option<bool>),
    Other,
}

/// Watch logind on the system bus, in a thread of its own running the
/// connection's executor (the session bus's screen saver is watched with
/// do-not-disturb, `dnd::watch`); no system bus or no session: nothing.
pub fn watch(tx: Sender<Msg>) {
    super::watch_bus(
        "backfix-logind",
        zbus::connection::Builder::system,
        async move |conn| {
            futures_lite::future::zip(logind(conn, tx.clone()), sleep(conn, tx)).await
        },
    );
}

/// logind's `PrepareForSleep(false)`: the machine woke from a suspend.
async fn sleep(conn: &zbus::Connection, tx: Sender<Msg>) -> Option<()> {
    use futures_lite::StreamExt;
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface("org.freedesktop.login1.Manager")
        .ok()?
        .member("PrepareForSleep")
        .ok()?
        .path("/org/freedesktop/login1")
        .ok()?
        .build();
    let mut stream = zbus::MessageStream::for_match_rule(rule, conn, Some(16))
        .await
        .ok()?;
    while let Some(Ok(msg)) = stream.next().await {
        if msg.body().deserialize::<bool>() == Ok(false) {
            tx.send(Msg::Woke).ok()?;
        }
    }
    Some(())
}

/// The screen saver's `ActiveChanged`, until the connection ends.
pub async fn screensaver(conn: &zbus::Connection, tx: Sender<Msg>) -> Option<()> {
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface("org.freedesktop.ScreenSaver")
        .ok()?
        .member("ActiveChanged")
        .ok()?
        .build();
    let stream = zbus::MessageStream::for_match_rule(rule, conn, Some(16))
        .await
        .ok()?;
    forward(stream, tx).await
}

async fn logind(conn: &zbus::Connection, tx: Sender<Msg>) -> Option<()> {
    use futures_lite::StreamExt;
    let path = session_path(conn).await?;
    let signal = || zbus::MatchRule::builder().msg_type(zbus::message::Type::Signal);
    let lock = signal()
        .interface(SESSION_IFACE)
        .ok()?
        .path(path.clone())
        .ok()?
        .build();
    let props = signal()
        .interface("org.freedesktop.DBus.Properties")
        .ok()?
        .path(path)
        .ok()?
        .build();
    let a = zbus::MessageStream::for_match_rule(lock, conn, Some(16))
        .await
        .ok()?;
    let b = zbus::MessageStream::for_match_rule(props, conn, Some(16))
        .await
        .ok()?;
    forward(a.or(b), tx).await
}

/// Our logind session's object path.
async fn session_path(conn: &zbus::Connection) -> Option<OwnedObjectPath> {
    let call = |method: &'static str| async move {
        let reply = match method {
            "GetSession" => {
                let id = std::env::var("XDG_SESSION_ID").ok()?;
                conn.call_method(
                    Some(LOGIND),
                    "/org/freedesktop/login1",
                    Some("org.freedesktop.login1.Manager"),
                    method,
                    &(id.as_str(),),
                )
                .await
            }
            _ => {
                conn.call_method(
                    Some(LOGIND),
                    "/org/freedesktop/login1",
                    Some("org.freedesktop.login1.Manager"),
                    method,
                    &(std::process::id(),),
                )
                .await
            }
        }
        .ok()?;
        reply.body().deserialize::<OwnedObjectPath>().ok()
    };
    match call("GetSession").await {
        Some(p) => Some(p),
        None => call("GetSessionByPID").await,
    }
}

/// Pass lock and unlock on to the loop, each change once.
async fn forward(
    mut stream: impl futures_lite::Stream<Item = zbus::Result<zbus::Message>> + Unpin,
    tx: Sender<Msg>,
) -> Option<()> {
    use futures_lite::StreamExt;
    let mut told = None;
    while let Some(Ok(msg)) = stream.next().await {
        let h = msg.header();
        if h.message_type() != zbus::message::Type::Signal {
            continue;
        }
        let (Some(iface), Some(member)) = (h.interface(), h.member()) else {
            continue;
        };
        let body = msg.body();
        let changed;
        let r = match member.as_str() {
            "ActiveChanged" => body
                .deserialize::<bool>()
                .map_or(Reading::Other, Reading::Bool),
            "PropertiesChanged" => {
                changed = body
                    .deserialize::<(String, HashMap<String, OwnedValue>, Vec<String>)>()
                    .ok();
                match &changed {
                    Some((i, props, _)) => Reading::Changed(
                        i,
                        props
                            .get("LockedHint")
                            .and_then(|v| bool::try_from(&**v).ok()),
                    ),
                    None => Reading::Other,
                }
            }
            _ => Reading::Other,
        };
        if let Some(locked) = reading(iface.as_str(), member.as_str(), r)
            && told != Some(locked)
        {
            told = Some(locked);
            tx.send(Msg::Locked(locked)).ok()?;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_read_as_lock_and_unlock() {
        let ss = "org.freedesktop.ScreenSaver";
        assert_eq!(
            reading(ss, "ActiveChanged", Reading::Bool(true)),
            Some(true)
        );
        assert_eq!(
            reading(ss, "ActiveChanged", Reading::Bool(false)),
            Some(false)
        );
        assert_eq!(reading(SESSION_IFACE, "Lock", Reading::Other), Some(true));
        assert_eq!(
            reading(SESSION_IFACE, "Unlock", Reading::Other),
            Some(false)
        );
        let props = "org.freedesktop.DBus.Properties";
        assert_eq!(
            reading(
                props,
                "PropertiesChanged",
                Reading::Changed(SESSION_IFACE, Some(true))
            ),
            Some(true)
        );
        assert_eq!(
            reading(
                props,
                "PropertiesChanged",
                Reading::Changed(SESSION_IFACE, None)
            ),
            None,
            "another property changed"
        );
        assert_eq!(
            reading(
                props,
                "PropertiesChanged",
                Reading::Changed("org.example", Some(true))
            ),
            None
        );
        assert_eq!(reading("org.example", "Lock", Reading::Other), None);
    }
}

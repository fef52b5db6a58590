//! Desktop notifications through the freedesktop notification server over
//! D-Bus, every call bounded in time and by a stop signal.

use super::{
    Bound, CALL_TIMEOUT, CLOSE_TIMEOUT, DESKTOP_ENTRY, DEST, ICON, IFACE, PATH, bounded, session,
};
use crate::output::{clean, clean_line};
use crate::remind::signals::StopFlag;
use crate::remind::{Msg, Notice, Notifier, Shown, Trouble};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// Desktop notifications through the freedesktop notification server. One
/// thread per bus connection (not per notification) passes the server's
/// `ActionInvoked` and `NotificationClosed` signals on to the loop.
pub struct DesktopNotifier {
    tx: Sender<Msg>,
    stop: StopFlag,
    conn: Option<zbus::Connection>,
    /// Cleared when the listening thread ends (the connection broke).
    listening: Arc<AtomicBool>,
}

impl DesktopNotifier {
    pub fn new(tx: Sender<Msg>, stop: StopFlag) -> DesktopNotifier {
        DesktopNotifier {
            tx,
            stop,
            conn: None,
            listening: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The connection, made (and subscribed to the server's signals) when
    /// there is none or the last one broke.
    fn connect(&mut self) -> Result<zbus::Connection, Trouble> {
        if let Some(c) = &self.conn
            && self.listening.load(Ordering::SeqCst)
        {
            return Ok(c.clone());
        }
        self.conn = None;
        let conn = session(Some(&self.stop))?;
        // Subscribe before the first notification, so no click is missed.
        let subscribe = async {
            let rule = zbus::MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .interface(IFACE)?
                .path(PATH)?
                .build();
            zbus::MessageStream::for_match_rule(rule, &conn, Some(64)).await
        };
        let stream = match bounded(subscribe, CALL_TIMEOUT, Some(&self.stop)) {
            Bound::Done(Ok(stream)) => stream,
            Bound::Done(Err(e)) => return Err(Trouble::NoBus(e.to_string())),
            Bound::TimedOut => return Err(Trouble::TimedOut(CALL_TIMEOUT)),
            Bound::Stopped => return Err(Trouble::Interrupted),
        };
        let listening = Arc::new(AtomicBool::new(true));
        self.listening = listening.clone();
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("backfix-buttons".into())
            .stack_size(256 * 1024)
            .spawn(move || {
                async_io::block_on(forward(stream, tx));
                listening.store(false, Ordering::SeqCst);
            });
        if spawned.is_err() {
            self.listening.store(false, Ordering::SeqCst);
            crate::output::warning("cannot start a thread to listen for notification buttons");
        }
        self.conn = Some(conn.clone());
        Ok(conn)
    }

    /// One call to the notification server, bounded; errors say why.
    fn call<B, R>(&mut self, conn: &zbus::Connection, method: &str, body: &B) -> Result<R, Trouble>
    where
        B: serde::Serialize + zbus::zvariant::DynamicType,
        R: serde::de::DeserializeOwned + zbus::zvariant::Type,
    {
        let call = conn.call_method(Some(DEST), PATH, Some(IFACE), method, body);
        match bounded(call, CALL_TIMEOUT, Some(&self.stop)) {
            Bound::Done(Ok(reply)) => reply
                .body()
                .deserialize::<R>()
                .map_err(|e| Trouble::Refused(format!("an unexpected answer to {method}: {e}"))),
            Bound::Done(Err(e)) => Err(self.trouble(e)),
            Bound::TimedOut => Err(Trouble::TimedOut(CALL_TIMEOUT)),
            Bound::Stopped => Err(Trouble::Interrupted),
        }
    }

    fn trouble(&mut self, e: zbus::Error) -> Trouble {
        const GONE: [&str; 2] = [
            "org.freedesktop.DBus.Error.ServiceUnknown",
            "org.freedesktop.DBus.Error.NameHasNoOwner",
        ];
        match &e {
            zbus::Error::MethodError(name, _, _) if GONE.contains(&name.as_str()) => {
                Trouble::NoServer
            }
            zbus::Error::FDO(f)
                if matches!(
                    **f,
                    zbus::fdo::Error::ServiceUnknown(_) | zbus::fdo::Error::NameHasNoOwner(_)
                ) =>
            {
                Trouble::NoServer
            }
            zbus::Error::MethodError(..) | zbus::Error::FDO(_) => Trouble::Refused(e.to_string()),
            zbus::Error::InputOutput(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Trouble::TimedOut(CALL_TIMEOUT)
            }
            // The connection itself failed: make a new one next time.
            _ => {
                self.conn = None;
                Trouble::NoBus(e.to_string())
            }
        }
    }
}

/// Pass the notification server's signals on to the loop until the
/// connection ends or the loop is gone.
async fn forward(mut stream: zbus::MessageStream, tx: Sender<Msg>) {
    use futures_lite::StreamExt;
    while let Some(Ok(msg)) = stream.next().await {
        let header = msg.header();
        let m = match header.member().map(|m| m.as_str()) {
            Some("ActionInvoked") => msg
                .body()
                .deserialize::<(u32, String)>()
                .ok()
                .map(|(id, key)| Msg::Action { id, key }),
            Some("NotificationClosed") => msg
                .body()
                .deserialize::<(u32, u32)>()
                .ok()
                .map(|(id, _reason)| Msg::Closed { id }),
            _ => None,
        };
        if let Some(m) = m
            && tx.send(m).is_err()
        {
            return;
        }
    }
}

impl Notifier for DesktopNotifier {
    fn show(&mut self, n: &Notice<'_>) -> Result<Shown, Trouble> {
        let conn = self.connect()?;
        let caps: Vec<String> = self.call(&conn, "GetCapabilities", &())?;
        let buttons = caps.iter().any(|c| c == "actions");
        let r = n.reminder;
        let summary = clean_line(&r.title);
        let body = clean(&r.body);
        // Servers without body markup show the text as it is.
        let body = if caps.iter().any(|c| c == "body-markup") {
            crate::remind::escape_markup(&body)
        } else {
            body.into_owned()
        };
        let actions: Vec<String> = if buttons {
            super::buttons(n.snooze)
                .into_iter()
                .flat_map(|(key, label)| [key.to_owned(), label])
                .collect()
        } else {
            Vec::new()
        };
        let mut hints: HashMap<&str, zbus::zvariant::Value<'_>> = HashMap::new();
        hints.insert("desktop-entry", DESKTOP_ENTRY.into());
        hints.insert("urgency", zbus::zvariant::Value::U8(1));
        let timeout = i32::try_from(n.timeout.as_millis()).unwrap_or(i32::MAX);
        let id: u32 = self.call(
            &conn,
            "Notify",
            &(
                "backfix",
                n.replaces,
                ICON,
                summary.as_ref(),
                body.as_str(),
                actions,
                hints,
                timeout,
            ),
        )?;
        Ok(Shown { id, buttons })
    }

    fn close(&mut self, id: u32) {
        let Some(conn) = self.conn.clone() else {
            return;
        };
        let body = (id,);
        let call = conn.call_method(Some(DEST), PATH, Some(IFACE), "CloseNotification", &body);
        let _ = bounded(call, CLOSE_TIMEOUT, None);
    }
}

//! The X11 screensaver extension's idle time, and whether the active window
//! is fullscreen (EWMH `_NET_ACTIVE_WINDOW` with `_NET_WM_STATE_FULLSCREEN`),
//! over x11rb's pure-Rust connection: no X library is linked or loaded, and
//! an X server that goes away is an error here, never the end of the process.

use chrono::TimeDelta;
use x11rb::connection::{Connection, RequestConnection};
use x11rb::errors::ReplyError;
use x11rb::protocol::screensaver::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{AtomEnum, ConnectionExt as _, Window};
use x11rb::rust_connection::RustConnection;

/// Whether the window manager says the active window is fullscreen (a film,
/// a presentation, a game); None when it cannot tell.
fn active_is_fullscreen(conn: &impl Connection, root: Window) -> Option<bool> {
    let atom = |name: &[u8]| -> Option<u32> {
        Some(conn.intern_atom(true, name).ok()?.reply().ok()?.atom)
    };
    let active = atom(b"_NET_ACTIVE_WINDOW")?;
    let (state, full) = (atom(b"_NET_WM_STATE")?, atom(b"_NET_WM_STATE_FULLSCREEN")?);
    if active == 0 || state == 0 || full == 0 {
        // Nobody ever named them: no EWMH window manager.
        return Some(false);
    }
    let reply = conn
        .get_property(false, root, active, AtomEnum::WINDOW, 0, 1)
        .ok()?
        .reply()
        .ok()?;
    let Some(window) = reply.value32().and_then(|mut v| v.next()) else {
        return Some(false);
    };
    if window == 0 {
        return Some(false);
    }
    let reply = conn
        .get_property(false, window, state, AtomEnum::ATOM, 0, 64)
        .ok()?
        .reply()
        .ok()?;
    Some(reply.value32().is_some_and(|mut v| v.any(|a| a == full)))
}

/// The same on a connection made for the question, where `$DISPLAY` is set
/// (the idle source is not X11's).
pub fn fullscreen_now() -> bool {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        return false;
    }
    let Ok((conn, screen)) = x11rb::connect(None) else {
        return false;
    };
    let Some(root) = conn.setup().roots.get(screen).map(|s| s.root) else {
        return false;
    };
    active_is_fullscreen(&conn, root).unwrap_or(false)
}

pub struct Idle {
    conn: RustConnection,
    root: u32,
    /// Set when the connection broke; it is not used again then.
    gone: bool,
}

impl Idle {
    /// A connection to `$DISPLAY` whose server has the screensaver
    /// extension and answers a first query.
    pub fn open() -> Option<Idle> {
        std::env::var_os("DISPLAY").filter(|d| !d.is_empty())?;
        let (conn, screen) = x11rb::connect(None).ok()?;
        conn.extension_information(screensaver::X11_EXTENSION_NAME)
            .ok()??;
        let root = conn.setup().roots.get(screen)?.root;
        let mut idle = Idle {
            conn,
            root,
            gone: false,
        };
        idle.idle().map(|_| idle)
    }

    /// Whether the active window is fullscreen (false once the server is gone).
    pub fn fullscreen(&mut self) -> bool {
        !self.gone && active_is_fullscreen(&self.conn, self.root).unwrap_or(false)
    }

    /// Time since the last input; `None` once the server is gone.
    pub fn idle(&mut self) -> Option<TimeDelta> {
        if self.gone {
            return None;
        }
        let reply = match self.conn.screensaver_query_info(self.root) {
            Ok(cookie) => cookie.reply(),
            Err(e) => Err(ReplyError::ConnectionError(e)),
        };
        match reply {
            Ok(r) => Some(TimeDelta::milliseconds(i64::from(r.ms_since_user_input))),
            // A broken connection stays broken; an X error may pass.
            Err(ReplyError::ConnectionError(_)) => {
                self.gone = true;
                None
            }
            Err(_) => None,
        }
    }
}

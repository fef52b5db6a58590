//! The X11 screensaver extension's idle time, over x11rb's pure-Rust
//! connection: no X library is linked or loaded, and an X server that goes
//! away is an error here, never the end of the process.

use chrono::TimeDelta;
use x11rb::connection::{Connection, RequestConnection};
use x11rb::errors::ReplyError;
use x11rb::protocol::screensaver::{self, ConnectionExt as _};
use x11rb::rust_connection::RustConnection;

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

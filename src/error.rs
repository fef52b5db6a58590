//! One error type for the whole program: a message, an optional hint and the
//! exit code it maps to.

use std::fmt;
use std::io;

/// Exit codes: 0 ok, 1 failure, 2 usage error or not found.
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug)]
pub struct Error {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
    /// Set for I/O errors, so `main` can stay quiet on a closed pipe.
    pub io_kind: Option<io::ErrorKind>,
}

impl Error {
    /// A runtime failure (exit 1).
    pub fn failure(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            hint: None,
            code: EXIT_FAILURE,
            io_kind: None,
        }
    }

    /// A usage problem or an unknown name (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            hint: None,
            code: EXIT_USAGE,
            io_kind: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// True when the error is stdout being closed under us (`backfix list | head -1`).
    pub fn is_broken_pipe(&self) -> bool {
        self.io_kind == Some(io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error {
            message: e.to_string(),
            hint: None,
            code: EXIT_FAILURE,
            io_kind: Some(e.kind()),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

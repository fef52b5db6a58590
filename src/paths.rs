//! Where backfix reads and writes files, and the variables that move them.

use std::env;
use std::path::{Path, PathBuf};

pub const CONFIG_ENV: &str = "BACKFIX_CONFIG_DIR";
pub const DATA_ENV: &str = "BACKFIX_DATA_DIR";
pub const STATE_ENV: &str = "BACKFIX_STATE_DIR";

fn from_env(var: &str) -> Option<PathBuf> {
    env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Holds the user's own `exercises.json` and `routines.json`.
pub fn config_dir() -> Option<PathBuf> {
    from_env(CONFIG_ENV).or_else(|| dirs::config_dir().map(|d| d.join("backfix")))
}

/// Holds `history.jsonl`, the reminder log.
pub fn data_dir() -> Option<PathBuf> {
    from_env(DATA_ENV).or_else(|| dirs::data_dir().map(|d| d.join("backfix")))
}

/// Holds the reminder's lock and status files.
pub fn state_dir() -> Option<PathBuf> {
    from_env(STATE_ENV)
        .or_else(|| dirs::state_dir().map(|d| d.join("backfix")))
        .or_else(|| data_dir().map(|d| d.join("state")))
}

pub fn user_exercises() -> Option<PathBuf> {
    config_dir().map(|d| d.join("exercises.json"))
}

pub fn user_routines() -> Option<PathBuf> {
    config_dir().map(|d| d.join("routines.json"))
}

pub fn history_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("history.jsonl"))
}

/// Directory for systemd user units.
pub fn systemd_user_dir() -> Option<PathBuf> {
    from_env(SYSTEMD_ENV).or_else(|| dirs::config_dir().map(|d| d.join("systemd").join("user")))
}

pub const SYSTEMD_ENV: &str = "BACKFIX_SYSTEMD_DIR";
pub const AUTOSTART_ENV: &str = "BACKFIX_AUTOSTART_DIR";

/// Where `remind install` puts what starts the reminder at login, besides a
/// systemd unit: the XDG autostart directory (`~/.config/autostart`) on Linux
/// and the BSDs, `~/Library/LaunchAgents` on macOS, and the Startup folder of
/// the Start menu on Windows.
pub fn autostart_dir() -> Option<PathBuf> {
    if let Some(d) = from_env(AUTOSTART_ENV) {
        return Some(d);
    }
    #[cfg(all(unix, not(target_vendor = "apple")))]
    return dirs::config_dir().map(|d| d.join("autostart"));
    #[cfg(target_vendor = "apple")]
    return dirs::home_dir().map(|d| d.join("Library").join("LaunchAgents"));
    #[cfg(windows)]
    return dirs::config_dir().map(|d| {
        d.join("Microsoft")
            .join("Windows")
            .join("Start Menu")
            .join("Programs")
            .join("Startup")
    });
    #[cfg(not(any(unix, windows)))]
    return None;
}

/// Why `path` cannot be reached because a part of it is not a directory:
/// "<the part> is not a directory".
pub fn not_a_directory(path: &Path) -> String {
    let culprit = path
        .ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| a.exists() && !a.is_dir())
        .unwrap_or(path);
    format!("{} is not a directory", culprit.display())
}

/// Whether a part of `path` above it is a file, not a directory.
pub fn blocked_by_file(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| a.exists() && !a.is_dir())
}

/// Create `dir` and its parents, saying which part is not a directory when
/// one is a file (instead of "File exists").
pub fn ensure_dir(dir: &Path) -> std::io::Result<()> {
    match std::fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::AlreadyExists | std::io::ErrorKind::NotADirectory
            ) =>
        {
            let culprit = dir
                .ancestors()
                .filter(|a| !a.as_os_str().is_empty())
                .find(|a| a.exists() && !a.is_dir())
                .unwrap_or(dir);
            Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!("{} is not a directory", culprit.display()),
            ))
        }
        Err(e) => Err(e),
    }
}

/// Windows stand-ins for the Unix file extensions the record and the
/// reminder's files use, so their code reads the same on every platform:
/// `mode` does nothing (files under the user's profile are private to the
/// user through the folder's inherited access list), and `read_exact_at` /
/// `write_all_at` go through `seek_read` / `seek_write`.
#[cfg(windows)]
pub mod unix_compat {
    use std::io;

    pub trait OpenOptionsExt {
        fn mode(&mut self, mode: u32) -> &mut Self;
    }

    impl OpenOptionsExt for std::fs::OpenOptions {
        fn mode(&mut self, _mode: u32) -> &mut Self {
            self
        }
    }

    pub trait FileExt {
        fn read_exact_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()>;
        fn write_all_at(&self, buf: &[u8], offset: u64) -> io::Result<()>;
    }

    impl FileExt for std::fs::File {
        fn read_exact_at(&self, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
            use std::os::windows::fs::FileExt as _;
            while !buf.is_empty() {
                match self.seek_read(buf, offset)? {
                    0 => return Err(io::ErrorKind::UnexpectedEof.into()),
                    n => {
                        buf = &mut buf[n..];
                        offset += n as u64;
                    }
                }
            }
            Ok(())
        }

        fn write_all_at(&self, mut buf: &[u8], mut offset: u64) -> io::Result<()> {
            use std::os::windows::fs::FileExt as _;
            while !buf.is_empty() {
                match self.seek_write(buf, offset)? {
                    0 => return Err(io::ErrorKind::WriteZero.into()),
                    n => {
                        buf = &buf[n..];
                        offset += n as u64;
                    }
                }
            }
            Ok(())
        }
    }
}

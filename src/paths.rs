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
    from_env("BACKFIX_SYSTEMD_DIR")
        .or_else(|| dirs::config_dir().map(|d| d.join("systemd").join("user")))
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

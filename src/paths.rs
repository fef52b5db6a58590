//! Where backfix reads and writes files, and the variables that move them.

use std::env;
use std::path::PathBuf;

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

//! `config.toml` in the config directory: the region, and the reminder's
//! defaults so `backfix remind` needs no long flag lists. Flags override it.
//!
//! ```toml
//! region = "GB"
//!
//! [remind]
//! every = "45m"
//! between = "09:00-17:30"
//! days = "mon-fri"
//! snooze = "10m"
//! idle = "5m"
//! for = "sciatica"
//! renudge = "10m"      # or "off"
//! ```
//!
//! A malformed file is named with its line and column and ignored (the
//! defaults are used); a bad value is named by its key and ignored alone.
//! Reading is I/O ([`load`]); parsing is pure ([`parse`]).

use crate::remind::schedule::{Days, Window, parse_days, parse_interval, parse_window};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The config file's name, in the config directory.
pub const CONFIG_FILE: &str = "config.toml";
/// A config file larger than this is not read.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;
/// How long an ignored reminder waits for its one re-nudge, by default.
pub const DEFAULT_RENUDGE: Duration = Duration::from_secs(10 * 60);

/// The config file's path.
pub fn config_path() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join(CONFIG_FILE))
}

/// The file's settings, each checked with the parser of its flag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub region: Option<String>,
    pub remind: RemindConfig,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemindConfig {
    pub every: Option<Duration>,
    pub between: Option<Window>,
    pub days: Option<Days>,
    pub snooze: Option<Duration>,
    pub idle: Option<Duration>,
    pub for_complaint: Option<String>,
    /// `Some(None)`: "off", never re-nudge.
    pub renudge: Option<Option<Duration>>,
}

#[derive(serde::Deserialize)]
struct RawFile {
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    remind: Option<RawRemind>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRemind {
    every: Option<String>,
    between: Option<String>,
    days: Option<String>,
    snooze: Option<String>,
    idle: Option<String>,
    #[serde(rename = "for")]
    for_complaint: Option<String>,
    renudge: Option<String>,
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The settings in a config file's text; problems become warnings naming
/// the path (and for a malformed file, the line and column).
pub fn parse(path: &Path, text: &str, warnings: &mut Vec<String>) -> Config {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw = match toml::from_str::<RawFile>(text) {
        Ok(r) => r,
        Err(e) => {
            let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            let message = e.message().trim().replace('\n', " ");
            warnings.push(format!(
                "{}:{line}:{col}: {}; ignoring this file, using the defaults",
                path.display(),
                crate::output::clean_line(&message)
            ));
            return Config::default();
        }
    };
    let mut c = Config {
        region: raw.region.filter(|r| !r.trim().is_empty()),
        ..Config::default()
    };
    let Some(r) = raw.remind else {
        return c;
    };
    let mut bad = |key: &str, e: String| {
        warnings.push(format!(
            "{}: remind.{key}: {}; ignoring it",
            path.display(),
            crate::output::clean_line(&e)
        ));
    };
    let dur = |key: &str, v: &Option<String>, bad: &mut dyn FnMut(&str, String)| {
        v.as_deref()
            .and_then(|s| parse_interval(s.trim()).map_err(|e| bad(key, e)).ok())
    };
    c.remind.every = dur("every", &r.every, &mut bad);
    c.remind.snooze = dur("snooze", &r.snooze, &mut bad);
    c.remind.idle = dur("idle", &r.idle, &mut bad);
    c.remind.between = r
        .between
        .as_deref()
        .and_then(|s| parse_window(s.trim()).map_err(|e| bad("between", e)).ok());
    c.remind.days = r
        .days
        .as_deref()
        .and_then(|s| parse_days(s.trim()).map_err(|e| bad("days", e)).ok());
    c.remind.for_complaint = r.for_complaint.filter(|s| !s.trim().is_empty());
    c.remind.renudge = match r.renudge.as_deref().map(str::trim) {
        None => None,
        Some("off" | "never" | "0") => Some(None),
        Some(s) => parse_interval(s)
            .map(Some)
            .map_err(|e| bad("renudge", e))
            .ok(),
    };
    c
}

/// Read the config file: `None` when absent; a warning when unreadable.
pub fn read(path: &Path, warnings: &mut Vec<String>) -> Option<String> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            warnings.push(format!("cannot read {}: {e}", path.display()));
            return None;
        }
    };
    if !meta.is_file() {
        warnings.push(format!(
            "{} is not a regular file; ignoring it",
            path.display()
        ));
        return None;
    }
    if meta.len() > MAX_CONFIG_BYTES {
        warnings.push(format!(
            "{} is larger than {} KB; ignoring it",
            path.display(),
            MAX_CONFIG_BYTES / 1024
        ));
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => Some(t),
            Err(_) => {
                warnings.push(format!("{} is not UTF-8 text; ignoring it", path.display()));
                None
            }
        },
        Err(e) => {
            warnings.push(format!("cannot read {}: {e}", path.display()));
            None
        }
    }
}

/// The config file's path, its settings and whether it exists, with warnings.
pub fn load(warnings: &mut Vec<String>) -> (Option<PathBuf>, Config, bool) {
    let path = config_path();
    let text = path.as_deref().and_then(|p| read(p, warnings));
    let found = text.is_some();
    let config = match (&path, &text) {
        (Some(p), Some(t)) => parse(p, t, warnings),
        _ => Config::default(),
    };
    (path, config, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_with_the_flags_parsers() {
        let mut w = Vec::new();
        let c = parse(
            Path::new("c.toml"),
            "region = \"GB\"\n[remind]\nevery = \"30m\"\nbetween = \"09:00-17:30\"\ndays = \"mon-fri\"\nfor = \"sciatica\"\nrenudge = \"off\"\n",
            &mut w,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.region.as_deref(), Some("GB"));
        assert_eq!(c.remind.every, Some(Duration::from_secs(1800)));
        assert_eq!(c.remind.between, Some(parse_window("09:00-17:30").unwrap()));
        assert_eq!(c.remind.days, Some(parse_days("mon-fri").unwrap()));
        assert_eq!(c.remind.for_complaint.as_deref(), Some("sciatica"));
        assert_eq!(c.remind.renudge, Some(None));
        assert_eq!(c.remind.snooze, None);
    }

    #[test]
    fn a_malformed_file_is_named_with_line_and_column_and_ignored() {
        let mut w = Vec::new();
        let c = parse(Path::new("c.toml"), "[remind]\nevery = 45m\n", &mut w);
        assert_eq!(c, Config::default());
        assert!(w[0].starts_with("c.toml:2:9:"), "{w:?}");
        assert!(w[0].contains("using the defaults"), "{w:?}");
        // A bad value is ignored alone.
        let mut w = Vec::new();
        let c = parse(
            Path::new("c.toml"),
            "[remind]\nevery = \"soon\"\nsnooze = \"5m\"\n",
            &mut w,
        );
        assert_eq!(c.remind.every, None);
        assert_eq!(c.remind.snooze, Some(Duration::from_secs(300)));
        assert!(w[0].starts_with("c.toml: remind.every: "), "{w:?}");
        // An unknown key is a mistake worth naming.
        let mut w = Vec::new();
        parse(Path::new("c.toml"), "[remind]\nevry = \"45m\"\n", &mut w);
        assert!(w[0].starts_with("c.toml:2:1:"), "{w:?}");
    }
}

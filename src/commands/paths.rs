//! `backfix paths`

use crate::cli::JsonArgs;
use crate::error::Result;
use crate::output::{self, Out};
use crate::paths;
use std::path::PathBuf;

pub fn entries() -> Vec<(&'static str, Option<PathBuf>, &'static str, &'static str)> {
    vec![
        (
            "config",
            paths::config_dir(),
            paths::CONFIG_ENV,
            "your exercises.json, routines.json and config.toml",
        ),
        (
            "settings",
            crate::region::config_path(),
            paths::CONFIG_ENV,
            "config.toml: region = \"GB\" sets the emergency numbers shown",
        ),
        (
            "exercises",
            paths::user_exercises(),
            paths::CONFIG_ENV,
            "your own exercises, added to or replacing built-in ones",
        ),
        (
            "routines",
            paths::user_routines(),
            paths::CONFIG_ENV,
            "your own routines",
        ),
        (
            "data",
            paths::data_dir(),
            paths::DATA_ENV,
            "reminder history",
        ),
        (
            "history",
            paths::history_file(),
            paths::DATA_ENV,
            "one JSON line per reminder and its outcome",
        ),
        (
            "state",
            paths::state_dir(),
            paths::STATE_ENV,
            "the running reminder's lock and status",
        ),
        #[cfg(all(unix, not(target_vendor = "apple")))]
        (
            "systemd",
            paths::systemd_user_dir(),
            paths::SYSTEMD_ENV,
            "where `remind install` writes its unit, when the session runs systemd",
        ),
        (
            "autostart",
            paths::autostart_dir(),
            paths::AUTOSTART_ENV,
            crate::remind::unit::AUTOSTART_WHAT,
        ),
    ]
}

pub fn run(out: &mut Out, args: &JsonArgs) -> Result<u8> {
    let entries = entries();
    let region = crate::region::load();
    if args.json {
        let mut map: serde_json::Map<String, serde_json::Value> = entries
            .iter()
            .map(|(k, p, env, _)| {
                (k.to_string(), serde_json::json!({ "path": p.as_ref().map(|p| p.display().to_string()), "env": env }))
            })
            .collect();
        map.insert("region".into(), region.json());
        output::json(out, &map)?;
        return Ok(0);
    }
    for (key, path, env, what) in entries {
        out.styled(output::TITLE, &format!("{key:<10}"))?;
        match path {
            Some(p) => out.line(&p.display().to_string())?,
            None => out.styled_line(output::WARN, "(unknown: set the variable or HOME)")?,
        }
        out.para(10, &format!("{what}; set {env} to move it"))?;
    }
    out.styled(output::TITLE, &format!("{:<10}", "region"))?;
    let described = output::wrap(&region.describe(), out.width.saturating_sub(10).max(20));
    for (i, line) in described.iter().enumerate() {
        if i > 0 {
            out.text(&" ".repeat(10))?;
        }
        out.line(line)?;
    }
    out.para(
        10,
        &format!(
            "the emergency and advice numbers shown with warning signs; set {} (such as GB, US, NZ), region in config.toml, or the locale",
            crate::region::REGION_ENV
        ),
    )?;
    Ok(0)
}

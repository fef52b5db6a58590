//! `backfix config`: the effective settings, and where each came from (the
//! config file, the environment, or the default).

use crate::cli::{JsonArgs, ScheduleArgs};
use crate::config::{self, DEFAULT_RENUDGE};
use crate::error::Result;
use crate::output::{self, Out};
use crate::remind::schedule::format_interval;

/// One setting: its name, its value in words, and its origin.
struct Row {
    key: &'static str,
    value: String,
    from: String,
}

pub fn run(out: &mut Out, a: &JsonArgs) -> Result<u8> {
    let mut warnings = Vec::new();
    let (path, c, found) = config::load(&mut warnings);
    let region = crate::region::current(&mut warnings);
    // The region reads the same file: each warning once.
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert(w.clone()));
    for w in &warnings {
        output::warning(w);
    }
    let file = if found { "config file" } else { "" };
    let from = |given: bool| {
        if given {
            file.to_string()
        } else {
            "default".to_string()
        }
    };
    let r = &c.remind;
    let dur = |d: Option<std::time::Duration>, default: std::time::Duration| {
        format_interval(d.unwrap_or(default))
    };
    let rows = [
        Row {
            key: "every",
            value: dur(r.every, ScheduleArgs::DEFAULT_EVERY),
            from: from(r.every.is_some()),
        },
        Row {
            key: "between",
            value: r.between.map_or("any time".into(), |w| w.to_string()),
            from: from(r.between.is_some()),
        },
        Row {
            key: "days",
            value: r
                .days
                .unwrap_or(crate::remind::schedule::Days::ALL)
                .to_string(),
            from: from(r.days.is_some()),
        },
        Row {
            key: "snooze",
            value: dur(r.snooze, ScheduleArgs::DEFAULT_SNOOZE),
            from: from(r.snooze.is_some()),
        },
        Row {
            key: "idle",
            value: dur(r.idle, ScheduleArgs::DEFAULT_IDLE),
            from: from(r.idle.is_some()),
        },
        Row {
            key: "for",
            value: r
                .for_complaint
                .clone()
                .unwrap_or_else(|| "desk-friendly exercises".into()),
            from: from(r.for_complaint.is_some()),
        },
        Row {
            key: "renudge",
            value: match r.renudge {
                Some(None) => "off".into(),
                Some(Some(d)) => format_interval(d),
                None => format_interval(DEFAULT_RENUDGE),
            },
            from: from(r.renudge.is_some()),
        },
        Row {
            key: "region",
            value: region.code.clone().unwrap_or_else(|| "none".into()),
            from: match region.origin.label().as_str() {
                "config" => "config file".to_string(),
                l => l.to_string(),
            },
        },
    ];
    let path_text = path.as_ref().map(|p| p.display().to_string());
    if a.json {
        let settings: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .map(|r| {
                (
                    r.key.to_string(),
                    serde_json::json!({ "value": r.value, "from": r.from }),
                )
            })
            .collect();
        let v = serde_json::json!({
            "file": path_text,
            "found": found,
            "settings": settings,
        });
        output::json(out, &v)?;
        return Ok(0);
    }
    out.line(&format!(
        "Config file: {} ({})",
        output::clean_line(path_text.as_deref().unwrap_or("(no config directory)")),
        if found { "read" } else { "not found" }
    ))?;
    for r in &rows {
        out.styled(output::TITLE, &format!("{:<10}", r.key))?;
        out.line(&format!(
            "{:<24} {}",
            output::clean_line(&r.value),
            output::clean_line(&r.from)
        ))?;
    }
    out.line("Flags given to `backfix remind` override these.")?;
    Ok(0)
}

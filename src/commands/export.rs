//! `backfix export`: the whole record.
//!
//! `--json`: one object,
//! `{"format": "backfix-record", "version": 1, "journal": [...], "reminders": [...]}`,
//! where `journal` holds every record (check-ins, sessions, lessons read, warning-sign checks) from every machine's
//! journal in time order, each as stored (the format is in `crate::record`),
//! and `reminders` the reminder history (`crate::remind::state`), each with
//! `time`, `event` and, when set, `exercise` and `detail`.
//!
//! `--csv`: a header and one row per record, in time order, journal and
//! reminders interleaved, with the columns
//! `time,kind,pain,interference,activities,flare,note,what,minutes,feel,pain_during,event,settled`.
//! `settled` is `yes` or `no` on a check-in that answered whether the last
//! painful session's pain had settled by the next morning.
//! `kind` is `checkin`, `session`, `lesson`, `check` or `reminder`; `activities` is
//! `name=score` joined by `; `; `what` is the exercise or routine id (or the
//! reminder's exercise, or the lesson's id); `event` the reminder's event.
//! A `check` row (a warning-sign check) has its outcome (`none`, `urgent`,
//! `emergency` or `not-for-you`) in `event` and the signs answered yes,
//! joined by `; `, in `note`. Text cells are quoted
//! when needed, and a cell starting with `=`, `+`, `-` or `@` gets a leading
//! `'` so a spreadsheet does not run it as a formula.

use crate::cli::ExportArgs;
use crate::error::Result;
use crate::output::{self, Out};
use crate::record::{Entry, TIME_FORMAT};

pub fn run(out: &mut Out, a: &ExportArgs) -> Result<u8> {
    let (journal, events) = super::progress::load()?;
    if a.json {
        let value = serde_json::json!({
            "format": "backfix-record",
            "version": crate::record::VERSION,
            "journal": journal.records.iter().map(crate::record::to_value).collect::<Vec<_>>(),
            "reminders": events,
        });
        output::json(out, &value)?;
        return Ok(0);
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    for r in &journal.records {
        let t = r.time.format(TIME_FORMAT).to_string();
        let cells: [String; 12] = match &r.entry {
            Entry::Checkin(c) => [
                "checkin".into(),
                c.pain.map(|p| p.get().to_string()).unwrap_or_default(),
                c.interference
                    .map(|p| p.get().to_string())
                    .unwrap_or_default(),
                c.activities
                    .iter()
                    .map(|x| format!("{}={}", x.name, x.score.get()))
                    .collect::<Vec<_>>()
                    .join("; "),
                if c.flare { "yes".into() } else { String::new() },
                c.note.clone().unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                match c.settled {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => String::new(),
                },
            ],
            Entry::Lesson(l) => [
                "lesson".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                l.lesson.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            Entry::Check(c) => {
                let mut cells: [String; 12] = Default::default();
                cells[0] = "check".into();
                cells[5] = c.yes.join("; ");
                cells[10] = c.tier.as_str().into();
                cells
            }
            Entry::Session(s) => [
                "session".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                s.what().to_string(),
                s.minutes.map(|m| m.to_string()).unwrap_or_default(),
                s.feel
                    .and_then(|f| serde_json::to_value(f).ok())
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                s.pain_during
                    .map(|p| p.get().to_string())
                    .unwrap_or_default(),
                String::new(),
                String::new(),
            ],
        };
        rows.push((t.clone(), row(&t, &cells)));
    }
    for e in &events {
        let mut cells: [String; 12] = Default::default();
        cells[0] = "reminder".into();
        cells[6] = e.exercise.clone().unwrap_or_default();
        cells[10] = e.event.as_str().into();
        rows.push((e.time.clone(), row(&e.time, &cells)));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    out.raw(
        b"time,kind,pain,interference,activities,flare,note,what,minutes,feel,pain_during,event,settled\n",
    )?;
    for (_, r) in rows {
        out.raw(r.as_bytes())?;
    }
    Ok(0)
}

fn row(time: &str, cells: &[String]) -> String {
    let mut s = csv_cell(time);
    for c in cells {
        s.push(',');
        s.push_str(&csv_cell(c));
    }
    s.push('\n');
    s
}

/// One CSV cell: cleaned of terminal controls, quoted when needed, and
/// kept from being read as a spreadsheet formula.
pub fn csv_cell(s: &str) -> String {
    let mut c = output::clean_line(s).into_owned();
    if c.starts_with(['=', '+', '-', '@']) {
        c.insert(0, '\'');
    }
    if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn cells() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("red\x1b[31m"), "red[31m");
    }
}

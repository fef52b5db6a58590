//! `backfix forget`: delete the record, before a date or all of it, after
//! asking (or with `--yes`).

use crate::cli::ForgetArgs;
use crate::error::{Error, Result};
use crate::output::Out;
use crate::record::store;
use std::io::{BufRead, IsTerminal, Read};

pub fn run(out: &mut Out, a: &ForgetArgs) -> Result<u8> {
    let (data, _) = store::dirs()?;
    let files = store::journal_files(&data)?;
    let history = crate::paths::history_file();
    let mut all_files = files.clone();
    all_files.extend(history.clone().filter(|h| h.is_file()));
    // Count first, to say what will go.
    let mut count = 0;
    for f in &all_files {
        let text = std::fs::read(f).map(|b| String::from_utf8_lossy(&b).into_owned());
        let text = text.map_err(|e| Error::failure(format!("cannot read {}: {e}", f.display())))?;
        count += text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter(|l| match a.before {
                Some(d) => store::line_before(l, d),
                None => true,
            })
            .count();
    }
    let what = match a.before {
        Some(d) => format!("before {}", d.format("%Y-%m-%d")),
        None => "all of it".into(),
    };
    if count == 0 {
        out.line(&format!(
            "Nothing recorded {}: nothing to delete.",
            match a.before {
                Some(_) => what.as_str(),
                None => "at all",
            }
        ))?;
        return Ok(0);
    }
    if !a.yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Error::usage(
                "forget asks before deleting, and standard input is not a terminal",
            )
            .with_hint("add --yes to delete without asking"));
        }
        out.para(
            0,
            &format!(
                "This deletes {count} record{} ({what}) of your check-ins, sessions and reminder history, for good.",
                crate::record::plural(count)
            ),
        )?;
        out.text("Delete them? [y/N] ")?;
        out.flush()?;
        let mut line = Vec::new();
        stdin.lock().take(256).read_until(b'\n', &mut line)?;
        let answer = String::from_utf8_lossy(&line).trim().to_ascii_lowercase();
        if answer != "y" && answer != "yes" {
            out.line("Nothing deleted.")?;
            return Ok(1);
        }
    }
    let mut removed = 0;
    for f in &all_files {
        let r = match a.before {
            Some(d) => store::filter_file(f, |l| !store::line_before(l, d)),
            None if Some(f) == history.as_ref() => store::filter_file(f, |_| false),
            None => {
                let n = std::fs::read(f).map_or(0, |b| {
                    String::from_utf8_lossy(&b)
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .count()
                });
                std::fs::remove_file(f).map(|()| n)
            }
        };
        removed += r.map_err(|e| Error::failure(format!("cannot change {}: {e}", f.display())))?;
    }
    out.line(&format!(
        "Deleted {removed} record{} ({what}).",
        crate::record::plural(removed)
    ))?;
    Ok(0)
}

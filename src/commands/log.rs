//! `backfix log`: a check-in, from flags or by asking (a line of standard
//! input per answer, so it can be scripted either way).

use crate::cli::LogArgs;
use crate::error::{Error, Result};
use crate::output::{self, Out};
use crate::record::{self, Activity, CheckIn, Entry, MAX_ACTIVITIES, Record, Score, store};
use std::io::{BufRead, IsTerminal, Read};

const MAX_LINE: u64 = 4096;
const MAX_BAD_ANSWERS: usize = 3;
/// The longest activity name or note kept.
const MAX_NAME: usize = 60;
const MAX_NOTE: usize = 500;

pub fn run(out: &mut Out, a: &LogArgs) -> Result<u8> {
    let now = store::now();
    let (data, _) = store::dirs()?;
    let mut errors = Vec::new();
    let journal = store::read_all(&data, &mut errors);
    let flags = a.pain.is_some()
        || a.interference.is_some()
        || !a.activity.is_empty()
        || a.settled.is_some();
    let checkin = if flags {
        if a.activity.len() > MAX_ACTIVITIES {
            return Err(Error::usage(format!(
                "{} activities given; track at most {MAX_ACTIVITIES}",
                a.activity.len()
            ))
            .with_hint("pick the ones that matter most to you"));
        }
        CheckIn {
            pain: a.pain,
            interference: a.interference,
            activities: a
                .activity
                .iter()
                .map(|x| Activity {
                    name: super::truncate(x.name.trim(), MAX_NAME),
                    score: x.score,
                })
                .collect(),
            note: a
                .note
                .as_deref()
                .map(|n| super::truncate(n.trim(), MAX_NOTE)),
            flare: a.flare,
            settled: a.settled,
        }
    } else {
        let stdin = std::io::stdin();
        let interactive = stdin.is_terminal();
        let mut input = stdin.lock();
        let mut c = ask(
            out,
            &mut input,
            interactive,
            &Asked {
                kept: &record::current_activities(&journal.records),
                weekly: record::interference_due(&journal.records, now),
                unsettled: record::awaiting_settled(&journal.records, now),
            },
        )?;
        if a.flare {
            c.flare = true;
        }
        if let Some(n) = &a.note {
            c.note = Some(super::truncate(n.trim(), MAX_NOTE));
        }
        c
    };
    if !checkin.answers() {
        return Err(Error::usage("nothing to record: no rating was given")
            .with_hint("give at least one: backfix log --pain 4"));
    }
    let rec = Record {
        time: now,
        entry: Entry::Checkin(checkin.clone()),
    };
    store::append_here(&rec).map_err(|e| {
        Error::failure(format!("cannot save the check-in: {e}"))
            .with_hint("backfix paths shows where the journal is kept")
    })?;
    let mut parts = Vec::new();
    if let Some(p) = checkin.pain {
        parts.push(format!("pain {}", p.get()));
    }
    if let Some(i) = checkin.interference {
        parts.push(format!("got in the way {}", i.get()));
    }
    for x in &checkin.activities {
        parts.push(format!("{} {}", output::clean_line(&x.name), x.score.get()));
    }
    match checkin.settled {
        Some(true) => parts.push("settled by the next morning".into()),
        Some(false) => parts.push("not settled by the next morning".into()),
        None => {}
    }
    if checkin.flare {
        parts.push("flare".into());
    }
    out.line(&format!("Saved: {}.", parts.join(", ")))?;
    if checkin.settled == Some(false) {
        out.para(
            0,
            "Pain that lasts into the next day suggests that session was a bit much for now: \
             a running plan steps those exercises back (backfix today). \
             Pain that keeps getting worse, or new numbness or weakness, needs a doctor: backfix redflags.",
        )?;
    }
    if checkin.flare || checkin.pain.is_some_and(|p| p.get() >= 8) {
        out.para(
            0,
            "A bad spell usually settles: keep gently moving within what you can. \
             New numbness, weakness, or bladder or bowel changes need a doctor: backfix redflags.",
        )?;
    }
    out.styled_line(output::DIM, "See how it is going: backfix progress")?;
    Ok(0)
}

/// Read one answer line; `None` at the end of input.
/// From a file or pipe, the answer is echoed, so the transcript reads as asked.
pub(crate) fn read_line(
    out: &mut Out,
    input: &mut dyn BufRead,
    interactive: bool,
    prompt: &str,
) -> Result<Option<String>> {
    out.text(prompt)?;
    out.flush()?;
    let mut bytes = Vec::new();
    let n = Read::take(&mut *input, MAX_LINE).read_until(b'\n', &mut bytes)?;
    if n == 0 {
        out.blank()?;
        return Ok(None);
    }
    let answer = String::from_utf8_lossy(&bytes).trim().to_string();
    if !interactive {
        out.line(&answer)?;
    }
    Ok(Some(answer))
}

/// Ask for a 0-10 score; `None` when skipped (Enter) or at end of input.
fn ask_score(
    out: &mut Out,
    input: &mut dyn BufRead,
    interactive: bool,
    prompt: &str,
) -> Result<Option<Score>> {
    let mut bad = 0;
    loop {
        let Some(line) = read_line(out, input, interactive, prompt)? else {
            return Ok(None);
        };
        if line.is_empty() {
            return Ok(None);
        }
        match record::parse_score(&line) {
            Ok(s) => return Ok(Some(s)),
            Err(e) => {
                bad += 1;
                if !interactive && bad >= MAX_BAD_ANSWERS {
                    return Err(Error::usage(format!(
                        "{bad} answers in a row were not usable: {}",
                        output::clean_line(&super::truncate(&e, 60))
                    ))
                    .with_hint(
                        "answer with a whole number from 0 to 10, or an empty line to skip",
                    ));
                }
                out.styled_line(
                    output::WARN,
                    "Please give a whole number from 0 to 10 (Enter skips).",
                )?;
            }
        }
    }
}

/// What decides which questions are asked.
pub struct Asked<'a> {
    /// The activities kept from the last check-in.
    pub kept: &'a [String],
    /// The weekly "got in the way" question is due.
    pub weekly: bool,
    /// A painful session whose next morning is to be reported.
    pub unsettled: Option<record::Unsettled>,
}

/// The questions, in order. Tests drive it with a byte slice.
pub fn ask(
    out: &mut Out,
    input: &mut dyn BufRead,
    interactive: bool,
    asked: &Asked<'_>,
) -> Result<CheckIn> {
    let (kept, weekly) = (asked.kept, asked.weekly);
    let mut c = CheckIn::default();
    out.styled_line(
        output::DIM,
        "A check-in: answer with 0 to 10; Enter skips a question.",
    )?;
    if let Some(u) = asked.unsettled {
        let prompt = format!(
            "Your session on {} hurt {}/10 during. Had that settled to your usual level by the next morning? [y/n, Enter skips] ",
            u.day(),
            u.pain
        );
        if let Some(a) = read_line(out, input, interactive, &prompt)? {
            c.settled = match a.to_ascii_lowercase().as_str() {
                "y" | "yes" => Some(true),
                "n" | "no" => Some(false),
                _ => None,
            };
        }
    }
    c.pain = ask_score(
        out,
        input,
        interactive,
        "Pain right now (0 none, 10 the worst you can imagine): ",
    )?;
    if weekly {
        c.interference = ask_score(
            out,
            input,
            interactive,
            "This past week, how much did pain get in the way of daily life (0 not at all, 10 completely)? ",
        )?;
    }
    let mut names: Vec<String> = kept.iter().take(MAX_ACTIVITIES).cloned().collect();
    if names.is_empty() {
        out.para(
            0,
            "Name up to 5 things pain makes hard for you (say, 'sitting through a meeting'), \
             one per line; an empty line when done.",
        )?;
    } else {
        out.line("Your activities: 0 you cannot do it, 10 as well as before the pain.")?;
    }
    let mut i = 0;
    loop {
        if i >= names.len() {
            if names.len() >= MAX_ACTIVITIES {
                break;
            }
            let prompt = if kept.is_empty() {
                "Activity (Enter when done): "
            } else {
                "Another activity (Enter for none): "
            };
            match read_line(out, input, interactive, prompt)? {
                Some(n) if !n.is_empty() => names.push(super::truncate(&n, MAX_NAME)),
                _ => break,
            }
        }
        let name = names[i].clone();
        let prompt = format!("  {} (0 cannot, 10 as before): ", output::clean_line(&name));
        if let Some(score) = ask_score(out, input, interactive, &prompt)? {
            c.activities.push(Activity { name, score });
        }
        i += 1;
    }
    if let Some(a) = read_line(out, input, interactive, "Is this a flare-up? [y/N] ")? {
        c.flare = matches!(a.to_ascii_lowercase().as_str(), "y" | "yes");
        if let Some(n) = read_line(out, input, interactive, "A note (Enter for none): ")?
            && !n.is_empty()
        {
            c.note = Some(super::truncate(&n, MAX_NOTE));
        }
    }
    Ok(c)
}

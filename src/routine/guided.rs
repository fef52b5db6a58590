//! `backfix routine --guided`: one exercise at a time, with live timers.
//! Keys: Enter goes on, s skips the exercise, q (or Ctrl-C) quits. At the
//! end (also after quitting early), when anything was done, it asks how the
//! session felt and the pain during it (both skippable) and records the
//! session (what was done and what was not) in the journal, `via: guided`;
//! a failure to write is a warning.

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::Complaint;
use crate::output::Out;
use crate::routine::dose::{Phase, phases};
use crate::routine::plan::Plan;
use crossterm::{cursor, execute, terminal};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// "[#####-----]" for `done` of `total`.
pub fn bar(done: u32, total: u32, width: usize) -> String {
    let filled = if total == 0 {
        width
    } else {
        (done.min(total) as usize * width) / total as usize
    };
    format!("[{}{}]", "#".repeat(filled), "-".repeat(width - filled))
}

/// Puts the terminal back however we leave (including errors and Ctrl-C);
/// all drawing goes through the screen it holds.
struct RawGuard<W: Write> {
    w: W,
}

impl<W: Write> RawGuard<W> {
    fn new(mut w: W) -> std::io::Result<RawGuard<W>> {
        terminal::enable_raw_mode()?;
        let _ = execute!(w, cursor::Hide);
        Ok(RawGuard { w })
    }
}

impl<W: Write> Drop for RawGuard<W> {
    fn drop(&mut self) {
        let _ = execute!(self.w, cursor::Show);
        let _ = terminal::disable_raw_mode();
        let _ = writeln!(self.w);
        let _ = self.w.flush();
    }
}

enum Key {
    Next,
    Skip,
    Quit,
    Other,
}

/// The key in a chunk of raw terminal input.
fn key(bytes: &[u8]) -> Key {
    match bytes {
        [b'\r' | b'\n' | b' ', ..] => Key::Next,
        [b's' | b'S', ..] => Key::Skip,
        // q, Ctrl-C (raw mode delivers it as a byte) and a lone Esc; not arrow keys.
        [b'q' | b'Q' | 0x03, ..] | [0x1b] => Key::Quit,
        _ => Key::Other,
    }
}

/// Set by SIGTERM, SIGHUP or SIGINT: leave like `q`, with the terminal restored.
static STOP: std::sync::OnceLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
    std::sync::OnceLock::new();

fn stop_requested() -> bool {
    STOP.get()
        .is_some_and(|f| f.load(std::sync::atomic::Ordering::Relaxed))
}

/// Wait for a key for up to `timeout`, checking for a stop signal every 250 ms.
/// A terminal that hangs up or reaches end of input counts as `q`.
#[cfg(unix)]
#[allow(unsafe_code)] // poll(2) and read(2) on stdin; see the SAFETY comments.
fn poll(timeout: Duration) -> std::io::Result<Option<Key>> {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if stop_requested() {
            return Ok(Some(Key::Quit));
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let wait = left.min(Duration::from_millis(250));
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll on one pollfd that lives on this stack frame.
        let ready = unsafe { libc::poll(&mut fd, 1, wait.as_millis() as libc::c_int) };
        if ready < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if ready > 0 {
            let mut buf = [0u8; 32];
            // SAFETY: read into a local buffer of the given length.
            let n = unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                return Ok(Some(Key::Quit));
            }
            return Ok(Some(key(&buf[..n as usize])));
        }
        if left.is_zero() {
            return Ok(None);
        }
    }
}

/// The Windows console: crossterm's event reader (console input records),
/// with the same keys; Ctrl-C arrives as a key in raw mode.
#[cfg(windows)]
fn poll(timeout: Duration) -> std::io::Result<Option<Key>> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if stop_requested() {
            return Ok(Some(Key::Quit));
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if event::poll(left.min(Duration::from_millis(250)))? {
            if let Event::Key(k) = event::read()?
                && k.kind != KeyEventKind::Release
            {
                return Ok(Some(match k.code {
                    KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Key::Quit,
                    KeyCode::Enter => Key::Next,
                    KeyCode::Char(c) if c.is_ascii() => key(&[c as u8]),
                    KeyCode::Esc => Key::Quit,
                    _ => Key::Other,
                }));
            }
        } else if left.is_zero() {
            return Ok(None);
        }
    }
}

fn wait_key() -> std::io::Result<Key> {
    loop {
        if let Some(k) = poll(Duration::from_secs(3600))?
            && !matches!(k, Key::Other)
        {
            return Ok(k);
        }
    }
}

/// Raw mode needs explicit carriage returns. For our own fixed text; data
/// goes through [`wrapped`], which cleans it.
fn say(w: &mut impl Write, s: &str) -> std::io::Result<()> {
    for line in s.split('\n') {
        write!(w, "{line}\r\n")?;
    }
    Ok(())
}

/// Text (from data, so cleaned first) wrapped at spaces to fit `width`
/// columns after `indent`, so the terminal never wraps it mid-word.
fn wrapped(w: &mut impl Write, indent: &str, s: &str, width: usize) -> std::io::Result<()> {
    let s = crate::output::clean(s);
    let room = width.saturating_sub(indent.len() + 1).max(10);
    for l in crate::output::wrap(&s, room) {
        write!(w, "{indent}{l}\r\n")?;
    }
    Ok(())
}

/// The terminal's width now (it can change while we run), at most
/// [`crate::output::MAX_WIDTH`].
fn current_width() -> usize {
    terminal::size()
        .map_or(80, |(w, _)| w as usize)
        .clamp(1, crate::output::MAX_WIDTH)
}

/// The timer line, fitted to `width` columns: the bar shrinks and then goes,
/// and the label is cut, so the line never wraps (a wrapped line would add a
/// line at every redraw). The last column is left free.
pub fn timer_line(elapsed: u32, total: u32, left: u32, label: &str, width: usize) -> String {
    let room = width.saturating_sub(1);
    let bar_width = room.saturating_sub(30).min(40);
    let line = if bar_width >= 5 {
        format!(
            "{} {left:>4}s left  {label}",
            bar(elapsed, total, bar_width)
        )
    } else {
        format!("{left}s left  {label}")
    };
    crate::output::fit(&line, room)
}

enum Outcome {
    Done,
    Skipped,
    Quit,
}

pub fn run(out: &mut Out, catalog: &Catalog, complaint: &Complaint, plan: &Plan) -> Result<u8> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(
            Error::usage("--guided needs a terminal to read keys and draw timers").with_hint(
                "run it in an interactive terminal, or leave out --guided to print the routine",
            ),
        );
    }
    #[cfg(unix)]
    let flag = STOP.get_or_init(Default::default).clone();
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(sig, flag.clone());
    }
    let began = Instant::now();
    let mut guard = RawGuard::new(out.screen()?)?;
    let mut w = &mut guard.w;
    let total = plan.items.len();
    let mut finished = 0;
    let mut done: Vec<String> = Vec::new();
    for (i, item) in plan.items.iter().enumerate() {
        let e = catalog.at(item.exercise);
        let width = current_width();
        execute!(
            w,
            terminal::Clear(terminal::ClearType::All),
            cursor::MoveTo(0, 0)
        )?;
        wrapped(
            &mut w,
            "",
            &format!(
                "{} — exercise {} of {total}: {}",
                complaint.name,
                i + 1,
                e.name
            ),
            width,
        )?;
        say(&mut w, "")?;
        for (n, step) in e.steps.iter().enumerate() {
            wrapped(&mut w, "   ", &format!("{}. {step}", n + 1), width)?;
        }
        say(&mut w, "")?;
        wrapped(
            &mut w,
            "",
            &format!("Dose: {}", crate::routine::dose::describe(&item.dose)),
            width,
        )?;
        if let Some(c) = e.cautions.first() {
            wrapped(&mut w, "", &format!("Care: {c}"), width)?;
        }
        wrapped(
            &mut w,
            "",
            "Stop if pain spreads down a leg, or you feel numbness or weakness.",
            width,
        )?;
        say(&mut w, "")?;
        if width > 32 {
            say(&mut w, "Enter: start   s: skip   q: quit")?;
        } else {
            say(&mut w, "Enter: start\ns: skip\nq: quit")?;
        }
        w.flush()?;
        match wait_key()? {
            Key::Quit => break,
            Key::Skip => continue,
            _ => {}
        }
        match timed(&mut w, &phases(&item.dose))? {
            Outcome::Quit => break,
            Outcome::Skipped => {}
            Outcome::Done => {
                finished += 1;
                done.push(item.id.clone());
            }
        }
    }
    drop(guard);
    out.line(&format!(
        "Finished {finished} of {total} exercises. Warning signs: backfix redflags"
    ))?;
    if !done.is_empty() {
        // Everything not done, whether skipped or not reached before quitting.
        let skipped: Vec<String> = plan
            .items
            .iter()
            .map(|p| p.id.clone())
            .filter(|id| !done.contains(id))
            .collect();
        // Stopped by a signal: record what was done without asking.
        let (feel, pain) = if stop_requested() {
            (None, None)
        } else {
            ask_feedback(out)?
        };
        let minutes = u32::try_from(began.elapsed().as_secs().div_ceil(60))
            .unwrap_or(u32::MAX)
            .max(1);
        let session = crate::record::Session {
            exercise: None,
            routine: Some(complaint.id.to_string()),
            minutes: Some(minutes),
            done,
            skipped,
            feel,
            pain_during: pain,
            via: crate::record::Via::Guided,
        };
        match crate::record::store::append_session(crate::record::store::now(), session) {
            Ok(()) => out.line("Saved in your record: backfix progress")?,
            Err(e) => crate::output::warning(&format!("cannot save this session: {e}")),
        }
    }
    Ok(0)
}

/// One answer line from the terminal (cooked mode again); `None` at the end
/// of input or on a read error.
fn answer(out: &mut Out, prompt: &str) -> std::io::Result<Option<String>> {
    out.text(prompt)?;
    out.flush()?;
    let mut line = String::new();
    match std::io::BufRead::read_line(
        &mut std::io::Read::take(std::io::stdin().lock(), 256),
        &mut line,
    ) {
        Ok(0) | Err(_) => {
            out.blank()?;
            Ok(None)
        }
        Ok(_) => Ok(Some(line.trim().to_ascii_lowercase())),
    }
}

/// The feel of a session from an answer: e, r or h (or the words).
pub fn parse_feel(s: &str) -> Option<crate::record::Feel> {
    use crate::record::Feel;
    match s {
        "e" | "easy" | "too easy" | "too-easy" => Some(Feel::TooEasy),
        "r" | "right" | "about right" | "about-right" => Some(Feel::AboutRight),
        "h" | "hard" | "too hard" | "too-hard" => Some(Feel::TooHard),
        _ => None,
    }
}

/// "How did it feel?" and "Pain during?", each skippable with Enter; an
/// answer that does not read is asked again, twice at most.
fn ask_feedback(
    out: &mut Out,
) -> std::io::Result<(Option<crate::record::Feel>, Option<crate::record::Score>)> {
    let mut feel = None;
    for _ in 0..3 {
        match answer(
            out,
            "How did it feel? (e)asy / (r)ight / (h)ard, Enter skips: ",
        )? {
            None => return Ok((None, None)),
            Some(a) if a.is_empty() => break,
            Some(a) => {
                feel = parse_feel(&a);
                if feel.is_some() {
                    break;
                }
                out.line("Please answer e, r or h.")?;
            }
        }
    }
    let mut pain = None;
    for _ in 0..3 {
        match answer(out, "Pain during, 0-10 (Enter skips): ")? {
            None => break,
            Some(a) if a.is_empty() => break,
            Some(a) => {
                pain = crate::record::parse_score(&a).ok();
                if pain.is_some() {
                    break;
                }
                out.line("Please give a whole number from 0 to 10.")?;
            }
        }
    }
    Ok((feel, pain))
}

fn timed(w: &mut impl Write, phases: &[Phase]) -> std::io::Result<Outcome> {
    for phase in phases {
        write!(w, "\x07")?; // a bell at each change
        say(w, "")?;
        let start = Instant::now();
        let total = Duration::from_secs(u64::from(phase.seconds));
        loop {
            let elapsed = start.elapsed().min(total);
            let left = (total - elapsed).as_secs_f64().ceil() as u32;
            let label = if phase.rest {
                format!("{} (rest)", phase.label)
            } else {
                phase.label.clone()
            };
            let line = timer_line(
                elapsed.as_secs() as u32,
                phase.seconds,
                left,
                &label,
                current_width(),
            );
            write!(w, "\r{line}")?;
            execute!(w, terminal::Clear(terminal::ClearType::UntilNewLine))?;
            w.flush()?;
            if elapsed >= total {
                break;
            }
            match poll(Duration::from_millis(200).min(total - elapsed))? {
                Some(Key::Quit) => return Ok(Outcome::Quit),
                Some(Key::Skip) => return Ok(Outcome::Skipped),
                Some(Key::Next) => break,
                _ => {}
            }
        }
    }
    write!(w, "\x07")?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dose;

    #[test]
    fn phases_for_holds_per_side() {
        let d = Dose {
            sets: Some(2),
            reps: Some(1),
            hold_seconds: Some(30),
            rest_seconds: Some(5),
            per_side: true,
            frequency: "daily".into(),
            ..Dose::default()
        };
        let p = phases(&d);
        let labels: Vec<&str> = p.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Hold 1 of 2, left side",
                "Rest",
                "Hold 2 of 2, left side",
                "Change sides",
                "Hold 1 of 2, right side",
                "Rest",
                "Hold 2 of 2, right side"
            ]
        );
    }

    #[test]
    fn phases_for_reps_and_minutes() {
        let d = Dose {
            sets: Some(2),
            reps: Some(10),
            seconds_per_rep: Some(4),
            rest_seconds: Some(30),
            frequency: "x".into(),
            ..Dose::default()
        };
        let p = phases(&d);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].seconds, 40);
        assert!(p[1].rest);
        let m = Dose {
            minutes: Some(5),
            frequency: "x".into(),
            ..Dose::default()
        };
        assert_eq!(
            phases(&m),
            vec![Phase {
                label: "5 minutes".into(),
                seconds: 300,
                rest: false,
                transition: 0,
            }]
        );
    }

    #[test]
    fn keys() {
        assert!(matches!(key(b"\r"), Key::Next));
        assert!(matches!(key(b" "), Key::Next));
        assert!(matches!(key(b"s"), Key::Skip));
        assert!(matches!(key(b"q"), Key::Quit));
        assert!(matches!(key(&[0x03]), Key::Quit));
        assert!(matches!(key(&[0x1b]), Key::Quit));
        assert!(
            matches!(key(b"\x1b[A"), Key::Other),
            "an arrow key is not Esc"
        );
        assert!(matches!(key(b"x"), Key::Other));
    }

    #[test]
    fn timer_lines_fit_any_width() {
        let label = "Set 1 of 2: 12 reps, left side (rest)";
        for width in 1..=120 {
            let l = timer_line(3, 40, 37, label, width);
            assert!(
                textwrap::core::display_width(&l) < width.max(1),
                "{width}: {l:?}"
            );
        }
        assert_eq!(
            timer_line(0, 10, 10, "Hold", 80),
            format!("[{}]   10s left  Hold", "-".repeat(40))
        );
        assert_eq!(timer_line(0, 10, 10, "Hold", 30), "10s left  Hold");
    }

    #[test]
    fn bars() {
        assert_eq!(bar(0, 10, 10), "[----------]");
        assert_eq!(bar(5, 10, 10), "[#####-----]");
        assert_eq!(bar(20, 10, 10), "[##########]");
        assert_eq!(bar(0, 0, 4), "[####]");
    }
}

//! Writing to the terminal: one locked, colour-aware stdout, text wrapped to
//! a readable width, and the few styles the cards use.

use anstream::AutoStream;
use anstyle::{AnsiColor, Style};
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

pub const HEADING: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
pub const TITLE: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const WARN: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
pub const ALERT: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
pub const GOOD: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
pub const CODE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

/// The widest text we print, even on a wide terminal.
pub const MAX_WIDTH: usize = 100;
/// The narrowest width we wrap to, even when the terminal or `COLUMNS` says less.
pub const MIN_WIDTH: usize = 40;
/// Width used when stdout is not a terminal and `COLUMNS` is not set.
pub const PIPE_WIDTH: usize = 80;

/// `--color`: when to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Make this the choice for every stream, stderr included (warnings,
    /// errors), not only the writer's stdout.
    pub fn apply_globally(self) {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
        .write_global();
    }
}

/// The width to wrap to: `COLUMNS` when it holds a number, else the
/// terminal's width, else [`PIPE_WIDTH`]; kept within
/// [`MIN_WIDTH`]..=[`MAX_WIDTH`].
pub fn pick_width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal)
        .unwrap_or(PIPE_WIDTH)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// Where the writer's bytes go.
enum Sink {
    /// Colour on: styles go through (or are translated for an old Windows
    /// console).
    Stdout(BufWriter<AutoStream<StdoutLock<'static>>>),
    /// Colour off: text goes straight to stdout, since cleaned text holds
    /// nothing a stripping stream would remove; [`Out::raw`] bytes are
    /// stripped of escape sequences here, as the colour stream would.
    Plain(
        BufWriter<StdoutLock<'static>>,
        anstream::adapter::StripBytes,
    ),
    /// Standard output was closed when we started (`backfix list >&-`):
    /// every write fails, as writing to a closed descriptor does.
    Closed,
    /// For tests: everything written, kept in memory.
    Memory(Vec<u8>),
}

impl Sink {
    fn inner(&mut self) -> io::Result<&mut dyn Write> {
        match self {
            Sink::Stdout(w) => Ok(w),
            Sink::Plain(w, _) => Ok(w),
            Sink::Memory(v) => Ok(v),
            Sink::Closed => Err(stdout_error(io::Error::from_raw_os_error(EBADF))),
        }
    }
}

#[cfg(unix)]
const EBADF: i32 = libc::EBADF;
#[cfg(not(unix))]
const EBADF: i32 = 9;

/// A write error on standard output, saying so; the kind is kept, so a
/// closed pipe is still recognised.
fn stdout_error(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write to standard output: {e}"))
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner()?.write(buf).map_err(stdout_error)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner()?.write_all(buf).map_err(stdout_error)
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Closed => Ok(()),
            _ => self.inner()?.flush().map_err(stdout_error),
        }
    }
}

static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Record that standard output was closed at start-up (checked by `main`
/// before anything else opens a file that could take its descriptor).
pub fn mark_stdout_closed() {
    STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether standard output was closed at start-up.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// The one writer for standard output. Every text it is given is cleaned
/// ([`clean`]) before it is written and measured, so data from the user's
/// files can never move the cursor, retitle the window or write the
/// clipboard. Styles are added by the writer itself, and only when colour is
/// on. The only way to write bytes unchanged is [`Out::raw`], for output we
/// generate ourselves (JSON, completion scripts).
pub struct Out {
    sink: Sink,
    color: bool,
    pub width: usize,
    pub is_terminal: bool,
}

impl Out {
    pub fn new(color: ColorWhen) -> Out {
        color.apply_globally();
        let stdout = io::stdout();
        let is_terminal = stdout.is_terminal();
        let terminal = if is_terminal {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
        } else {
            None
        };
        let columns = std::env::var("COLUMNS").ok();
        let width = pick_width(columns.as_deref(), terminal);
        if stdout_closed() {
            return Out {
                sink: Sink::Closed,
                color: false,
                width,
                is_terminal: false,
            };
        }
        let stream = AutoStream::new(stdout.lock(), anstream::ColorChoice::global());
        let color = stream.current_choice() != anstream::ColorChoice::Never;
        let sink = if color {
            Sink::Stdout(BufWriter::new(stream))
        } else {
            Sink::Plain(BufWriter::new(stream.into_inner()), Default::default())
        };
        Out {
            sink,
            color,
            width,
            is_terminal,
        }
    }

    /// A writer that keeps what it is given in memory (see [`Out::captured`]),
    /// for tests.
    pub fn memory(width: usize, color: bool) -> Out {
        Out {
            sink: Sink::Memory(Vec::new()),
            color,
            width,
            is_terminal: false,
        }
    }

    /// What a [`Out::memory`] writer was given; empty for the others.
    pub fn captured(&self) -> &[u8] {
        match &self.sink {
            Sink::Memory(v) => v,
            _ => &[],
        }
    }

    /// Whether styles are written.
    pub fn color(&self) -> bool {
        self.color
    }

    fn style_on(&mut self, style: Style) -> io::Result<()> {
        if self.color {
            write!(self.sink, "{style}")?;
        }
        Ok(())
    }

    fn style_off(&mut self, style: Style) -> io::Result<()> {
        if self.color {
            write!(self.sink, "{style:#}")?;
        }
        Ok(())
    }

    /// Bytes we generated ourselves (JSON, a completion script), unchanged.
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Sink::Plain(w, strip) = &mut self.sink {
            for part in strip.strip_next(bytes) {
                w.write_all(part).map_err(stdout_error)?;
            }
            return Ok(());
        }
        self.sink.write_all(bytes)
    }

    /// The terminal bell. It is ours, not data, and is written past the
    /// colour stream, which would strip it from piped output like any other
    /// control character; what was written before goes out first.
    pub fn bell(&mut self) -> io::Result<()> {
        if matches!(self.sink, Sink::Closed) {
            return Ok(());
        }
        let mut screen = self.screen()?;
        screen.write_all(b"\x07")?;
        screen.flush()
    }

    /// The screen itself, for full-screen drawing (guided mode): bytes go
    /// out unchanged, past the colour stream, which would strip cursor
    /// movement. What was written before goes out first. The caller writes
    /// only sequences it made and text it has cleaned.
    pub fn screen(&mut self) -> io::Result<Box<dyn Write + '_>> {
        self.sink.flush()?;
        match &mut self.sink {
            Sink::Memory(v) => Ok(Box::new(v)),
            Sink::Closed => Err(stdout_error(io::Error::from_raw_os_error(EBADF))),
            Sink::Stdout(_) | Sink::Plain(..) => Ok(Box::new(io::stdout())),
        }
    }

    /// Text, cleaned, without a newline.
    pub fn text(&mut self, s: &str) -> io::Result<()> {
        self.sink.write_all(clean(s).as_bytes())
    }

    /// Text, cleaned, and a newline.
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        self.text(s)?;
        self.blank()
    }

    pub fn blank(&mut self) -> io::Result<()> {
        self.sink.write_all(b"\n")
    }

    /// Text in a style, without a newline.
    pub fn styled(&mut self, style: Style, s: &str) -> io::Result<()> {
        self.style_on(style)?;
        self.text(s)?;
        self.style_off(style)
    }

    pub fn styled_line(&mut self, style: Style, s: &str) -> io::Result<()> {
        self.styled(style, s)?;
        self.blank()
    }

    /// A paragraph wrapped to the width, every line indented by `indent`.
    pub fn para(&mut self, indent: usize, s: &str) -> io::Result<()> {
        self.hanging(indent, "", s, Style::new())
    }

    /// A paragraph in a style, wrapped to the width at `indent`.
    pub fn styled_para(&mut self, style: Style, indent: usize, s: &str) -> io::Result<()> {
        let s = clean(s);
        let width = self.width.saturating_sub(indent).max(MIN_TEXT);
        for l in wrap_clean(&s, width) {
            self.pad(indent)?;
            self.style_on(style)?;
            self.sink.write_all(l.as_bytes())?;
            self.style_off(style)?;
            self.blank()?;
        }
        Ok(())
    }

    /// `marker` (for example "1." or "-") at `indent`, then the text wrapped
    /// so that continuation lines line up after the marker.
    pub fn hanging(
        &mut self,
        indent: usize,
        marker: &str,
        s: &str,
        marker_style: Style,
    ) -> io::Result<()> {
        let marker = clean_line(marker);
        let s = clean(s);
        let lead = if marker.is_empty() {
            indent
        } else {
            indent + display_width(&marker) + 1
        };
        let width = self.width.saturating_sub(lead).max(MIN_TEXT);
        for (i, l) in wrap_clean(&s, width).into_iter().enumerate() {
            if i == 0 && !marker.is_empty() {
                self.pad(indent)?;
                self.style_on(marker_style)?;
                self.sink.write_all(marker.as_bytes())?;
                self.style_off(marker_style)?;
                self.sink.write_all(b" ")?;
            } else {
                self.pad(lead)?;
            }
            self.sink.write_all(l.as_bytes())?;
            self.blank()?;
        }
        Ok(())
    }

    /// `n` spaces.
    fn pad(&mut self, mut n: usize) -> io::Result<()> {
        const SPACES: &[u8] = b"                                ";
        while n > 0 {
            let k = n.min(SPACES.len());
            self.sink.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }
}

/// The narrowest a wrapped paragraph gets, however deep its indent.
const MIN_TEXT: usize = 20;

/// How many columns `s` takes once cleaned for one line.
pub fn display_width(s: &str) -> usize {
    textwrap::core::display_width(&clean_line(s))
}

/// `s` cleaned for one line and cut to at most `width` columns, marking a
/// cut with "…". Cutting after cleaning never splits an escape sequence.
pub fn fit(s: &str, width: usize) -> String {
    let s = clean_line(s);
    if textwrap::core::display_width(&s) <= width {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` fitted to `width` columns ([`fit`]) and padded with spaces to exactly
/// `width`: a table cell.
pub fn cell(s: &str, width: usize) -> String {
    let mut s = fit(s, width);
    let w = textwrap::core::display_width(&s);
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    s
}

fn unicode_width(c: char) -> usize {
    let mut buf = [0u8; 4];
    textwrap::core::display_width(c.encode_utf8(&mut buf))
}

/// Standard error, in colour as `--color` (or the terminal and `NO_COLOR`) says.
fn stderr() -> AutoStream<io::Stderr> {
    AutoStream::new(io::stderr(), anstream::ColorChoice::global())
}

/// Print `backfix: warning: <message>` to stderr, the message cleaned.
pub fn warning(message: &str) {
    let style = WARN;
    let _ = writeln!(
        stderr(),
        "backfix: {style}warning:{style:#} {}",
        clean(message)
    );
}

/// Print `backfix: error: <message>` and the hint, if any, to stderr, cleaned.
pub fn error(message: &str, hint: Option<&str>) {
    let style = ALERT;
    let mut err = stderr();
    let _ = writeln!(err, "backfix: {style}error:{style:#} {}", clean(message));
    if let Some(hint) = hint {
        let _ = writeln!(err, "  hint: {}", clean(hint));
    }
}

/// Print text that already carries its styles as SGR sequences (clap's
/// rendered errors), with every other control character removed.
pub fn eprint_styled(s: &str) {
    let _ = write!(stderr(), "{}", clean_keep_sgr(s));
}

/// Whether `c` must never reach a terminal or a notification from data:
/// C0 controls, DEL and C1 controls (which start escape sequences, move the
/// cursor or ring the bell), and the bidirectional overrides and isolates
/// that can make text display in another order than it reads.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from data made safe to print: every unsafe character removed, except
/// newlines; a tab becomes a space. Borrowed when there was nothing to remove.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    clean_with(s, true)
}

/// Like [`clean`], for a single line: newlines become spaces too.
pub fn clean_line(s: &str) -> std::borrow::Cow<'_, str> {
    clean_with(s, false)
}

fn clean_with(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    // Most text is printable ASCII, which a byte test finds without decoding.
    if printable_ascii(s.as_bytes(), keep_newlines) {
        return std::borrow::Cow::Borrowed(s);
    }
    let bad = |c: char| (is_unsafe(c) && !(keep_newlines && c == '\n')) || c == '\t';
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' | '\r' if !keep_newlines => Some(' '),
            '\n' => Some('\n'),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect::<String>()
        .into()
}

/// Whether every byte is printable ASCII (space to `~`), or a newline where
/// newlines are kept. Eight bytes at a time: a word with no byte below 0x20
/// and none at 0x7f or above is printable as a whole; any other word is
/// checked byte by byte.
fn printable_ascii(bytes: &[u8], keep_newlines: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ok = |b: &u8| (b' '..=b'~').contains(b) || (keep_newlines && *b == b'\n');
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        // Bit 7 of a byte ends up set when the byte is 0x7f or above (adding
        // one reaches 0x80), or below 0x20 (subtracting 0x20 borrows). A
        // carry or borrow only crosses into the next byte from a byte that
        // is itself flagged, so a clean word is never flagged.
        let flagged = (v.wrapping_add(ONES) | v | (v.wrapping_sub(0x20 * ONES) & !v)) & HIGH;
        if flagged != 0 && !chunk.iter().all(ok) {
            return false;
        }
    }
    chunks.remainder().iter().all(ok)
}

/// Like [`clean`], but SGR sequences (`ESC [ digits ; ... m`, colours and
/// bold) are kept: for text rendered with styles by a library (clap).
pub fn clean_keep_sgr(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\u{1b}') {
        return clean(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&clean(&rest[..i]));
        let after = &rest[i + 1..];
        let params = after.strip_prefix('[').map(|p| {
            p.len()
                - p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';' || c == ':')
                    .len()
        });
        match params {
            Some(n) if after[1 + n..].starts_with('m') => {
                out.push_str(&rest[i..=(i + 1 + 1 + n)]);
                rest = &after[1 + n + 1..];
            }
            _ => rest = after,
        }
    }
    out.push_str(&clean(rest));
    out.into()
}

/// `s` cleaned ([`clean`]) and wrapped at spaces only, so ids and words like
/// "side-lying" stay whole; a word longer than the width is broken. Widths
/// are measured on the cleaned text.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let s = clean(s);
    wrap_clean(&s, width)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// [`wrap`] for text already cleaned, the lines borrowed from it.
///
/// First fit, as `textwrap::wrap` does it with no hyphenation and words
/// split at ASCII spaces (the property test `wrap_matches_textwrap` holds
/// the two equal), without its per-word allocations: each line of `s` is
/// cut into words (a run of non-spaces and the spaces after it); a word
/// wider than the width is broken into pieces that fit; words go onto the
/// line while they fit, and a line ends before the word that does not. The
/// spaces after a line's last word are dropped. A line shorter in bytes
/// than the width is kept whole, less its trailing spaces.
fn wrap_clean(s: &str, width: usize) -> Vec<&str> {
    // Room for the lines a paragraph usually takes, so the list rarely grows.
    let mut lines = Vec::with_capacity(s.len() / width.max(1) + 2);
    for line in s.split('\n') {
        if line.len() < width {
            lines.push(line.trim_end_matches(' '));
            continue;
        }
        if width > 0 && line.is_ascii() {
            wrap_ascii_line(line, width, &mut lines);
            continue;
        }
        let bytes = line.as_bytes();
        // The current output line: where it starts, where its last word
        // ends, and the columns taken by its words and the spaces after them.
        let (mut start, mut end, mut used) = (0, 0, 0);
        let mut empty = true;
        let mut fragment = |from: usize, to: usize, spaces: usize, w: usize| {
            if used + w > width && !empty {
                lines.push(&line[start..end]);
                (start, used) = (from, 0);
            }
            used += w + spaces;
            end = to;
            empty = false;
        };
        let mut i = 0;
        while i < bytes.len() {
            let from = i;
            let mut ascii = true;
            while i < bytes.len() && bytes[i] != b' ' {
                ascii &= bytes[i].is_ascii();
                i += 1;
            }
            let to = i;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            let spaces = i - to;
            let word = &line[from..to];
            // Cleaned ASCII text is printable: one column a byte.
            let w = if ascii {
                word.len()
            } else {
                textwrap::core::display_width(word)
            };
            if w <= width {
                fragment(from, to, spaces, w);
                continue;
            }
            // Too wide for any line: pieces of at most `width` columns, the
            // spaces going with the last.
            let (mut piece, mut piece_w) = (from, 0);
            for (at, c) in word.char_indices() {
                let cw = if ascii { 1 } else { unicode_width(c) };
                if piece_w > 0 && piece_w + cw > width {
                    fragment(piece, from + at, 0, piece_w);
                    (piece, piece_w) = (from + at, 0);
                }
                piece_w += cw;
            }
            fragment(piece, to, spaces, piece_w);
        }
        lines.push(&line[start..end]);
    }
    lines
}

/// [`wrap_clean`] for one line of ASCII text (a column a byte) and a width
/// of at least 1: the same first fit, found by looking back from the column
/// where each output line must end, not by measuring every word. A line
/// takes every word that ends within `width` columns of its start.
fn wrap_ascii_line<'a>(line: &'a str, width: usize, lines: &mut Vec<&'a str>) {
    let b = line.as_bytes();
    // Where the last word ends; the spaces after it are dropped.
    let rest_end = line.trim_end_matches(' ').len();
    let mut start = 0;
    while rest_end.saturating_sub(start) > width {
        // Some word ends after `limit`, so `b[limit]` exists.
        let limit = start + width;
        // The last word ending by `limit`: a non-space with a space after it.
        let fits = (1..=width)
            .rev()
            .find(|&k| b[start + k] == b' ' && b[start + k - 1] != b' ');
        match fits {
            Some(k) => {
                lines.push(&line[start..start + k]);
                start += k;
                while b[start] == b' ' {
                    start += 1;
                }
            }
            // Spaces open the line (only its first one can start with
            // them), then a word too long to share it: the spaces make an
            // empty line.
            None if b[start] == b' ' => {
                lines.push(&line[start..start]);
                while b[start] == b' ' {
                    start += 1;
                }
            }
            // A word wider than the width: a piece that fills the line.
            None => {
                lines.push(&line[start..limit]);
                start = limit;
            }
        }
    }
    lines.push(&line[start..rest_end.max(start)]);
}

/// Print `value` as pretty JSON followed by a newline.
pub fn json<T: serde::Serialize>(out: &mut Out, value: &T) -> crate::error::Result<()> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| crate::error::Error::failure(e.to_string()))?;
    out.raw(json_safe(&s).as_bytes())?;
    out.blank()?;
    Ok(())
}

/// JSON text with the characters serde leaves raw inside strings (DEL, C1
/// controls, bidirectional overrides) written as `\uXXXX` escapes: the same
/// value once parsed, and safe to print on a terminal. Newlines outside
/// strings are kept (serde escapes those inside strings).
pub fn json_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && c != '\n') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.into()
}

#[cfg(test)]
mod clean_tests {
    use super::*;

    #[test]
    fn clean_removes_escapes_and_controls() {
        assert_eq!(clean("a\u{1b}]0;T\u{7}b"), "a]0;Tb");
        assert_eq!(clean("x\u{1b}[2Jy\rz"), "x[2Jyz");
        assert_eq!(clean("c1\u{9b}31m"), "c131m");
        assert_eq!(clean("del\u{7f}"), "del");
        assert_eq!(clean("bidi\u{202e}txt"), "biditxt");
        assert_eq!(clean("two\nlines\tand tab"), "two\nlines and tab");
        assert_eq!(clean_line("two\nlines"), "two lines");
        assert!(matches!(clean("plain text"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn width_follows_columns_then_the_terminal_within_bounds() {
        assert_eq!(pick_width(None, None), PIPE_WIDTH);
        assert_eq!(pick_width(Some("60"), None), 60);
        assert_eq!(pick_width(Some("60"), Some(90)), 60, "COLUMNS wins");
        assert_eq!(pick_width(None, Some(90)), 90);
        assert_eq!(pick_width(Some("10"), None), MIN_WIDTH);
        assert_eq!(pick_width(Some("500"), Some(90)), MAX_WIDTH);
        assert_eq!(pick_width(Some("wide"), Some(70)), 70, "not a number");
        assert_eq!(pick_width(Some("0"), None), PIPE_WIDTH);
    }

    #[test]
    fn sgr_is_kept_and_other_escapes_go() {
        assert_eq!(
            clean_keep_sgr("\u{1b}[1;31merror:\u{1b}[0m x\u{1b}]0;T\u{7}\u{1b}[2J"),
            "\u{1b}[1;31merror:\u{1b}[0m x]0;T[2J"
        );
        assert_eq!(clean_keep_sgr("tail\u{1b}"), "tail");
        assert_eq!(clean_keep_sgr("\u{1b}[31"), "[31");
    }

    #[test]
    fn json_safe_escapes_what_serde_leaves_raw() {
        let s = serde_json::to_string("a\u{1b}b\u{7f}c\u{9b}d\u{202e}e\n").unwrap();
        let safe = json_safe(&s);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{1b}b\u{7f}c\u{9b}d\u{202e}e\n");
    }

    #[test]
    fn fit_and_cell_measure_cleaned_text() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("a\u{1b}[2Jb", 10), "a[2Jb");
        assert_eq!(fit("界界界", 4), "界…");
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(display_width("x\u{1b}]0;T\u{7}"), 5);
    }

    /// What `wrap` replaced: textwrap's first fit, no hyphenation, words at
    /// ASCII spaces.
    fn textwrap_lines(s: &str, width: usize) -> Vec<String> {
        let options =
            textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation);
        textwrap::wrap(&clean(s), options)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect()
    }

    #[test]
    fn wrap_breaks_at_spaces_and_breaks_long_words() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("side-lying  clam   ", 12), ["side-lying", "clam"]);
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("  lead\n\nx", 4), ["", "lead", "", "x"]);
        assert_eq!(wrap("  lead\n\nx", 7), ["  lead", "", "x"]);
        assert_eq!(wrap("界界界 a", 4), ["界界", "界 a"]);
        assert_eq!(wrap("", 10), [""]);
        for (s, width) in [("  lead\n\nx", 4), ("界界界 a", 4), ("abcdefgh ij", 3)] {
            assert_eq!(wrap(s, width), textwrap_lines(s, width));
        }
    }

    proptest::proptest! {
        #[test]
        fn printable_ascii_is_the_byte_test(
            // Mostly printable, so that whole words pass; now and then a
            // byte at an edge of the range, a newline or any byte.
            bytes in proptest::collection::vec(proptest::prop_oneof![
                40 => 0x20u8..0x7f,
                1 => proptest::sample::select(vec![0u8, b'\n', 0x1f, 0x7f, 0x80, 0xff]),
                1 => proptest::prelude::any::<u8>(),
            ], 0..40),
            keep in proptest::prelude::any::<bool>(),
        ) {
            let slow = bytes.iter().all(|&b| (0x20..0x7f).contains(&b) || (keep && b == b'\n'));
            proptest::prop_assert_eq!(printable_ascii(&bytes, keep), slow);
        }

        #[test]
        fn wrap_of_ascii_matches_textwrap(
            s in "([a-z]{0,12}|[ ]{1,3}|-|\n|[A-Z]{20,30}){0,40}",
            width in 0usize..30,
        ) {
            proptest::prop_assert_eq!(wrap(&s, width), textwrap_lines(&s, width));
        }

        #[test]
        fn wrap_matches_textwrap(
            s in "([a-z]{0,12}|[ ]{1,3}|-|\n|é|界|\u{301}|\t|\u{1b}\\[1m|[A-Z]{20,30}){0,40}",
            width in 0usize..30,
        ) {
            proptest::prop_assert_eq!(wrap(&s, width), textwrap_lines(&s, width));
        }
    }

    #[test]
    fn the_writer_cleans_and_styles_only_with_colour() {
        let mut out = Out::memory(40, false);
        out.styled_line(TITLE, "a\u{1b}]0;T\u{7}b\r").unwrap();
        assert_eq!(out.captured(), b"a]0;Tb\n");
        let mut out = Out::memory(40, true);
        out.styled(TITLE, "x\u{9b}").unwrap();
        assert_eq!(out.captured(), format!("{TITLE}x{TITLE:#}").as_bytes());
    }
}

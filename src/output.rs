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
/// Width used when stdout is not a terminal.
pub const PIPE_WIDTH: usize = 80;

/// `--color`: when to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

pub struct Out {
    w: BufWriter<AutoStream<StdoutLock<'static>>>,
    pub width: usize,
    pub is_terminal: bool,
}

impl Out {
    pub fn new(color: ColorWhen) -> Out {
        let stdout = io::stdout();
        let is_terminal = stdout.is_terminal();
        let choice = match color {
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
            ColorWhen::Auto => AutoStream::choice(&stdout),
        };
        let width = if is_terminal {
            terminal_size::terminal_size()
                .map_or(PIPE_WIDTH, |(w, _)| w.0 as usize)
                .clamp(40, MAX_WIDTH)
        } else {
            PIPE_WIDTH
        };
        Out {
            w: BufWriter::new(AutoStream::new(stdout.lock(), choice)),
            width,
            is_terminal,
        }
    }

    /// Plain text, as is.
    pub fn text(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())
    }

    pub fn line(&mut self, s: &str) -> io::Result<()> {
        writeln!(self.w, "{s}")
    }

    pub fn blank(&mut self) -> io::Result<()> {
        writeln!(self.w)
    }

    /// Text in a style, without a newline.
    pub fn styled(&mut self, style: Style, s: &str) -> io::Result<()> {
        write!(self.w, "{style}{s}{style:#}")
    }

    pub fn styled_line(&mut self, style: Style, s: &str) -> io::Result<()> {
        writeln!(self.w, "{style}{s}{style:#}")
    }

    /// A paragraph wrapped to the width, every line indented by `indent`.
    pub fn para(&mut self, indent: usize, s: &str) -> io::Result<()> {
        self.hanging(indent, "", s, Style::new())
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
        let lead = if marker.is_empty() {
            indent
        } else {
            indent + textwrap::core::display_width(marker) + 1
        };
        let width = self.width.saturating_sub(lead).max(20);
        for (i, l) in wrap(s, width).iter().enumerate() {
            if i == 0 && !marker.is_empty() {
                write!(self.w, "{:indent$}", "")?;
                self.styled(marker_style, marker)?;
                writeln!(self.w, " {l}")?;
            } else {
                writeln!(self.w, "{:lead$}{l}", "")?;
            }
        }
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
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

/// Wrap at spaces only: ids and words like "side-lying" stay whole.
pub fn wrap(s: &str, width: usize) -> Vec<std::borrow::Cow<'_, str>> {
    textwrap::wrap(
        s,
        textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation),
    )
}

/// Print `value` as pretty JSON followed by a newline.
pub fn json<T: serde::Serialize>(out: &mut Out, value: &T) -> crate::error::Result<()> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| crate::error::Error::failure(e.to_string()))?;
    out.line(&s)?;
    Ok(())
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
}

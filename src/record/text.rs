//! `progress` on the terminal: sparklines, a calendar heatmap and a table,
//! in Unicode blocks where the locale is UTF-8 and plain ASCII otherwise.
//! Fits 80 columns.

use super::stats::{Change, Day, Progress, Verdict, Week};
use crate::output::{self, Out};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::io;

/// Whether the locale says UTF-8: the first of LC_ALL, LC_CTYPE and LANG
/// that is set and not empty decides.
pub fn utf8_locale(get: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// The screen fits this many columns.
pub const WIDTH: usize = 80;

/// The glyphs to draw with.
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    pub unicode: bool,
}

impl Glyphs {
    /// One character for a 0-10 value; a space for a week without one.
    pub fn spark(self, v: Option<f64>) -> char {
        let Some(v) = v else { return ' ' };
        let v = v.clamp(0.0, 10.0);
        if self.unicode {
            const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
            BARS[((v / 10.0) * 7.0).round() as usize]
        } else {
            match v.round() as u8 {
                10 => 'X',
                n => char::from(b'0' + n),
            }
        }
    }

    /// One character for a heatmap level 0-3.
    pub fn heat(self, level: u8) -> char {
        let set: [char; 4] = if self.unicode {
            ['·', '░', '▒', '█']
        } else {
            ['.', '-', '+', '#']
        };
        set[usize::from(level.min(3))]
    }

    fn arrow(self) -> &'static str {
        if self.unicode { "→" } else { "->" }
    }
}

pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "45 min", "1 h 30 min".
pub fn minutes(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn num(v: f64) -> String {
    format!("{v:.1}")
}

/// "6.5 -> 3.0, down 3.5: a meaningful improvement".
pub fn describe_change(c: &Change, g: Glyphs) -> (String, Verdict) {
    let dir = if c.change < 0.0 { "down" } else { "up" };
    let what = match c.verdict {
        Verdict::Better => "a meaningful improvement",
        Verdict::Worse => "a meaningful worsening",
        Verdict::NoClearChange => "within the usual ups and downs",
        Verdict::TooEarly => "one week so far",
    };
    let s = if c.verdict == Verdict::TooEarly {
        format!("{}, {what}", num(c.latest))
    } else if c.change.abs() < 0.05 {
        format!(
            "{} {} {}, no change",
            num(c.first),
            g.arrow(),
            num(c.latest)
        )
    } else {
        format!(
            "{} {} {}, {dir} {}: {what}",
            num(c.first),
            g.arrow(),
            num(c.latest),
            num(c.change.abs())
        )
    };
    (s, c.verdict)
}

fn verdict_style(v: Verdict) -> anstyle::Style {
    match v {
        Verdict::Better => output::GOOD,
        Verdict::Worse => output::WARN,
        _ => anstyle::Style::new(),
    }
}

fn spark_line(
    out: &mut Out,
    g: Glyphs,
    weeks: &[Week],
    pick: impl Fn(&Week) -> Option<f64>,
    change: Option<&Change>,
) -> io::Result<()> {
    let spark: String = weeks.iter().map(|w| g.spark(pick(w))).collect();
    out.text("  ")?;
    let bar = if g.unicode { '│' } else { '|' };
    out.text(&format!("{bar}{spark}{bar}"))?;
    let (s, v) = match change {
        Some(c) => describe_change(c, g),
        None => ("no ratings yet".to_string(), Verdict::TooEarly),
    };
    // Beside the chart when it fits in 80 columns, else under it.
    if 2 + weeks.len() + 2 + 1 + s.chars().count() <= WIDTH {
        out.text(" ")?;
    } else {
        out.line("")?;
        out.text("   ")?;
    }
    out.styled_line(verdict_style(v), &s)
}

/// The first-run message, for an empty record.
/// One line (under 80 columns) about the latest warning-sign check up to
/// `now`, and whether it reached an emergency or same-day sign.
pub fn latest_check(records: &[super::Record], now: NaiveDateTime) -> Option<(bool, String)> {
    use super::{CheckTier, Entry};
    let (time, c) = records
        .iter()
        .filter(|r| r.time <= now)
        .filter_map(|r| match &r.entry {
            Entry::Check(c) => Some((r.time, c)),
            _ => None,
        })
        .max_by_key(|(t, _)| *t)?;
    let what = match c.tier {
        CheckTier::Emergency => "yes to a sign needing emergency help",
        CheckTier::Urgent => "yes to a sign needing help the same day",
        _ if c.under_16 => "under 16, see a doctor",
        _ if c.pregnant => "no warning sign; ask your midwife or GP",
        _ => "no warning sign reported",
    };
    let alert = matches!(c.tier, CheckTier::Emergency | CheckTier::Urgent);
    Some((
        alert,
        format!("Last warning-sign check, {}: {what}.", date(time.date())),
    ))
}

pub fn first_run(out: &mut Out) -> io::Result<()> {
    out.styled_line(output::TITLE, "Nothing recorded yet.")?;
    out.blank()?;
    out.line("Your record keeps how your back is doing and what you do for it, on this")?;
    out.line("computer only. Start with a check-in (under a minute):")?;
    out.blank()?;
    for (cmd, what) in [
        ("backfix log", "pain now, and a few things pain makes hard"),
        (
            "backfix done sciatica",
            "after a routine or an exercise you did",
        ),
        (
            "backfix remind --every 45m",
            "sitting breaks, counted here too",
        ),
    ] {
        out.styled(output::CODE, &format!("  {cmd:<28}"))?;
        out.line(what)?;
    }
    out.blank()?;
    out.line("Check in once or twice a week; your progress shows here from the first one.")
}

/// The whole `progress` screen.
pub fn render(out: &mut Out, p: &Progress, g: Glyphs) -> io::Result<()> {
    if p.is_empty() {
        return first_run(out);
    }
    let start = p.start.map(date).unwrap_or_default();
    out.styled(output::TITLE, "Your record")?;
    out.line(&format!(
        " since {start}: {} check-in{}, {} session{}",
        p.checkins,
        super::plural(p.checkins),
        p.sessions,
        super::plural(p.sessions)
    ))?;
    out.blank()?;
    let n = p.weeks.len();
    let first = p.weeks.first().map(|w| date(w.start)).unwrap_or_default();
    out.styled_line(
        output::HEADING,
        &format!("Pain now, 0-10, weekly average ({n} weeks from {first})"),
    )?;
    spark_line(out, g, &p.weeks, |w| w.pain, p.pain.as_ref())?;
    out.styled_line(
        output::HEADING,
        "How much pain got in the way of daily life, 0-10",
    )?;
    spark_line(
        out,
        g,
        &p.weeks,
        |w| w.interference,
        p.interference.as_ref(),
    )?;
    if !p.activities.is_empty() {
        out.styled_line(
            output::HEADING,
            "Your activities, 0 cannot do to 10 as before (first and latest)",
        )?;
        for a in &p.activities {
            let name = output::fit(&output::clean_line(&a.name), 40);
            out.line(&format!(
                "  {} {:>2} {} {:<2}  ({} {} {})",
                output::cell(&name, 40),
                a.first,
                g.arrow(),
                a.latest,
                a.first_date.format("%-d %b"),
                g.arrow(),
                a.latest_date.format("%-d %b")
            ))?;
        }
        if let Some(c) = &p.activity_average {
            out.text("  average: ")?;
            let (s, v) = describe_change(c, g);
            out.styled_line(verdict_style(v), &s)?;
        }
    }
    out.blank()?;
    heatmap(out, &p.heatmap, g)?;
    out.blank()?;
    table(out, p)?;
    out.blank()?;
    let s = &p.streak;
    out.line(&format!(
        "Streak: {} week{} in a row with {}+ sessions (this week {} of {}).",
        s.weeks,
        super::plural(s.weeks as usize),
        s.target,
        s.this_week.min(99),
        s.target
    ))?;
    out.blank()?;
    out.styled_line(
        output::DIM,
        "Meaningful: 2 points or 30% in pain or interference (Ostelo 2008); 2 points in",
    )?;
    out.styled_line(
        output::DIM,
        "your activities' average, the usual threshold for scales of your own activities.",
    )?;
    out.styled_line(output::DIM, "Self-reported; not a diagnosis.")
}

fn heatmap(out: &mut Out, days: &[Day], g: Glyphs) -> io::Result<()> {
    let weeks = days.len() / 7;
    out.styled_line(
        output::HEADING,
        &format!("Sessions and breaks, last {weeks} weeks"),
    )?;
    // Month names above the week where a month starts, when there is room.
    let mut header = vec![' '; weeks * 2 + 1];
    let mut free_from = 0;
    for w in 0..weeks {
        let monday = days[w * 7].date;
        let new_month = w == 0 || days[(w - 1) * 7].date.month() != monday.month();
        let col = w * 2;
        if new_month && col >= free_from {
            let name = monday.format("%b").to_string();
            for (i, ch) in name.chars().enumerate() {
                if col + i < header.len() {
                    header[col + i] = ch;
                }
            }
            free_from = col + name.len() + 1;
        }
    }
    out.line(&format!(
        "      {}",
        header.iter().collect::<String>().trim_end()
    ))?;
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        out.text(&format!("  {name} "))?;
        for w in 0..weeks {
            let d = &days[w * 7 + row];
            let ch = g.heat(d.level()).to_string();
            if d.level() > 0 {
                out.styled(output::GOOD, &ch)?;
            } else {
                out.text(&ch)?;
            }
            if w + 1 < weeks {
                out.text(" ")?;
            }
        }
        out.line("")?;
    }
    out.styled_line(
        output::DIM,
        &format!(
            "  {} nothing  {} breaks  {} a session or 4+ breaks  {} a session and breaks",
            g.heat(0),
            g.heat(1),
            g.heat(2),
            g.heat(3)
        ),
    )
}

fn table(out: &mut Out, p: &Progress) -> io::Result<()> {
    let (t, l) = (&p.this_week, &p.last_week);
    out.styled_line(
        output::HEADING,
        &format!(
            "{:<38}{:>14}{:>14}",
            "This week against last", "this week", "last week"
        ),
    )?;
    let sit = |w: &Week| w.longest_sitting_minutes.map_or("-".to_string(), minutes);
    let rows: [(&str, String, String); 6] = [
        ("sessions", t.sessions.to_string(), l.sessions.to_string()),
        (
            "exercise minutes",
            t.minutes.to_string(),
            l.minutes.to_string(),
        ),
        (
            "breaks taken",
            t.breaks_taken.to_string(),
            l.breaks_taken.to_string(),
        ),
        (
            "breaks snoozed",
            t.snoozed.to_string(),
            l.snoozed.to_string(),
        ),
        (
            "breaks skipped",
            t.skipped.to_string(),
            l.skipped.to_string(),
        ),
        ("longest sitting without a break", sit(t), sit(l)),
    ];
    for (name, a, b) in rows {
        out.line(&format!("  {name:<36}{a:>14}{b:>14}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(utf8_locale(env(&[("LANG", "en_GB.UTF-8")])));
        assert!(utf8_locale(env(&[("LC_CTYPE", "C.utf8"), ("LANG", "C")])));
        assert!(!utf8_locale(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_GB.UTF-8")
        ])));
        assert!(utf8_locale(env(&[("LC_ALL", ""), ("LANG", "en_GB.UTF-8")])));
        assert!(!utf8_locale(env(&[])));
    }

    #[test]
    fn sparks() {
        let u = Glyphs { unicode: true };
        let a = Glyphs { unicode: false };
        assert_eq!(u.spark(Some(0.0)), '▁');
        assert_eq!(u.spark(Some(10.0)), '█');
        assert_eq!(a.spark(Some(10.0)), 'X');
        assert_eq!(a.spark(Some(4.4)), '4');
        assert_eq!(a.spark(None), ' ');
        assert_eq!(minutes(90), "1 h 30 min");
    }

    #[test]
    fn latest_check_fits_and_is_the_latest() {
        use super::super::{CheckDone, CheckTier, Entry, Record};
        let t = |s: &str| NaiveDateTime::parse_from_str(s, super::super::TIME_FORMAT).unwrap();
        let now = t("2026-09-30T12:00:00");
        assert_eq!(latest_check(&[], now), None);
        let rec = |time: &str, tier, under_16, pregnant| Record {
            time: t(time),
            entry: Entry::Check(CheckDone {
                tier,
                yes: vec!["x".into()],
                pregnant,
                under_16,
            }),
        };
        let tiers = [
            (CheckTier::Emergency, false, false, true),
            (CheckTier::Urgent, false, true, true),
            (CheckTier::NotForYou, true, false, false),
            (CheckTier::NotForYou, false, true, false),
            (CheckTier::None, false, false, false),
        ];
        for (tier, under_16, pregnant, alert) in tiers {
            let r = rec("2026-09-28T09:00:00", tier, under_16, pregnant);
            let (a, line) = latest_check(&[r], now).unwrap();
            assert_eq!(a, alert, "{line}");
            assert!(line.chars().count() < 80, "{line}");
            assert!(line.contains("28 Sep 2026"), "{line}");
        }
        let records = [
            rec("2026-09-01T09:00:00", CheckTier::Emergency, false, false),
            rec("2026-09-20T09:00:00", CheckTier::None, false, false),
            rec("2026-10-20T09:00:00", CheckTier::Urgent, false, false),
        ];
        let (alert, line) = latest_check(&records, now).unwrap();
        assert!(!alert, "{line}");
        assert!(
            line.contains("20 Sep 2026: no warning sign reported."),
            "{line}"
        );
    }
}

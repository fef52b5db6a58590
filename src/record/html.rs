//! `report --html`: one self-contained page for a GP or physiotherapist:
//! inline SVG charts, no scripts, nothing fetched, printable on A4 or
//! Letter. Every text from the record is escaped.

use super::stats::{self, Change, Progress, Verdict, Week};
use super::{CheckDone, CheckTier, Entry, Record};
use crate::remind::Event;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::fmt::Write;

/// The longest span charted, in weeks.
pub const MAX_WEEKS: usize = 104;

/// Escape text for HTML (element content and quoted attributes), with
/// control characters dropped.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in crate::output::clean_line(s).chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = "
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2329;background:#fff;margin:0 auto;padding:24px;max-width:760px}
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.4em 0 .4em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
p,li{overflow-wrap:break-word}.muted{color:#57606a}.note{background:#f6f8fa;border-left:4px solid #8c959f;padding:.5em .8em}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #eaeef2;overflow-wrap:break-word;vertical-align:top}
th{font-weight:600}td.n,th.n{text-align:right}
svg{width:100%;height:auto;display:block}
.better{color:#1a7f37;font-weight:600}.worse{color:#bc4c00;font-weight:600}
section{break-inside:avoid}
.alert{border:2px solid #cf222e;border-left-width:8px;background:#fff5f5;padding:.5em .8em;margin:.6em 0}
.alert strong{color:#a40e26}tr.alert td{font-weight:600;color:#a40e26}
@page{margin:14mm}
@media (max-width:520px){body{padding:14px;font-size:13px}th,td{padding:.2em .3em}}
@media print{body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid}}
";

fn verdict_html(c: &Change) -> String {
    let (class, what) = match c.verdict {
        Verdict::Better => ("better", "meaningful improvement"),
        Verdict::Worse => ("worse", "meaningful worsening"),
        Verdict::NoClearChange => ("", "below the minimal important change"),
        Verdict::TooEarly => ("", "one week of ratings so far"),
    };
    format!("<span class=\"{class}\">{what}</span>")
}

fn change_row(name: &str, c: Option<&Change>) -> String {
    match c {
        None => format!("<tr><td>{name}</td><td colspan=\"3\" class=\"muted\">not rated</td></tr>"),
        Some(c) => format!(
            "<tr><td>{name}</td><td class=\"n\">{:.1} <span class=\"muted\">(week of {})</span></td><td class=\"n\">{:.1} <span class=\"muted\">(week of {})</span></td><td>{:+.1}, {}</td></tr>",
            c.first,
            c.first_week.format("%-d %b %Y"),
            c.latest,
            c.latest_week.format("%-d %b %Y"),
            c.change,
            verdict_html(c)
        ),
    }
}

/// Chart geometry.
const W: f64 = 700.0;
const H: f64 = 210.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;

fn x_of(i: usize, n: usize) -> f64 {
    let span = W - LEFT - RIGHT;
    if n <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * i as f64 / (n - 1) as f64
    }
}

fn y_of(v: f64, max: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - v.clamp(0.0, max) / max)
}

fn axes(s: &mut String, weeks: &[Week], max: f64, step: f64) {
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let y = y_of(v, max);
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#eaeef2\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">{v}</text>",
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
        v += step;
    }
    // Month names under the first week of each month, where there is room.
    let mut last_x = -100.0;
    for (i, w) in weeks.iter().enumerate() {
        let new_month = i == 0 || weeks[i - 1].start.month() != w.start.month();
        let x = x_of(i, weeks.len());
        if new_month && x - last_x > 44.0 && x < W - RIGHT - 40.0 {
            let label = if i == 0 || w.start.month() == 1 {
                w.start.format("%b %Y").to_string()
            } else {
                w.start.format("%b").to_string()
            };
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#57606a\">{label}</text>",
                H - 10.0
            );
            last_x = x + if i == 0 { 30.0 } else { 0.0 };
        }
    }
}

/// A line: its name, colour, and the week's value.
type Series<'a> = (&'a str, &'a str, fn(&Week) -> Option<f64>);

/// A line chart of 0-10 weekly values; gaps where a week has none.
fn line_chart(title: &str, weeks: &[Week], series: &[Series]) -> String {
    let n = weeks.len();
    let mut s = format!(
        "<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title)
    );
    axes(&mut s, weeks, 10.0, 2.0);
    for (_, color, pick) in series {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, w) in weeks.iter().enumerate() {
            match pick(w) {
                Some(v) => {
                    let _ = write!(
                        d,
                        "{}{:.1},{:.1} ",
                        if pen_down { "L" } else { "M" },
                        x_of(i, n),
                        y_of(v, 10.0)
                    );
                    let _ = write!(
                        s,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.6\" fill=\"{color}\"/>",
                        x_of(i, n),
                        y_of(v, 10.0)
                    );
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !d.is_empty() {
            let _ = write!(
                s,
                "<path d=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
                d.trim_end()
            );
        }
    }
    // Flare-ups: a small triangle at the top of the week.
    for (i, w) in weeks.iter().enumerate() {
        if w.flares > 0 {
            let x = x_of(i, n);
            let _ = write!(
                s,
                "<path d=\"M{:.1},{:.1} l5,-8 l5,8 z\" fill=\"#bc4c00\"><title>flare-up</title></path>",
                x - 5.0,
                TOP + 8.0
            );
        }
    }
    s.push_str("</svg>");
    let legend: Vec<String> = series
        .iter()
        .map(|(name, color, _)| format!("<span style=\"color:{color}\">&#9679;</span> {name}"))
        .collect();
    let flares = if weeks.iter().any(|w| w.flares > 0) {
        " &nbsp; <span style=\"color:#bc4c00\">&#9650;</span> a week with a flare-up"
    } else {
        ""
    };
    format!(
        "{s}<p class=\"muted\">{}{flares}</p>",
        legend.join(" &nbsp; ")
    )
}

/// Sessions per week as bars, with the weekly target as a dashed line.
fn bar_chart(weeks: &[Week], target: u32) -> String {
    let n = weeks.len().max(1);
    let max = f64::from(
        weeks
            .iter()
            .map(|w| w.sessions)
            .max()
            .unwrap_or(0)
            .max(target + 1),
    );
    let step = if max > 12.0 { (max / 6.0).ceil() } else { 1.0 };
    let mut s = format!(
        "<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"sessions each week\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    axes(&mut s, weeks, max, step);
    let slot = (W - LEFT - RIGHT) / n as f64;
    let bar = (slot * 0.7).max(1.0);
    for (i, w) in weeks.iter().enumerate() {
        if w.sessions == 0 {
            continue;
        }
        let x = if n <= 1 { x_of(0, 1) } else { x_of(i, n) } - bar / 2.0;
        let x = x.clamp(LEFT, W - RIGHT - bar);
        let y = y_of(f64::from(w.sessions), max);
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            H - BOTTOM - y,
            if w.sessions >= target {
                "#1a7f37"
            } else {
                "#8c959f"
            }
        );
    }
    let ty = y_of(f64::from(target), max);
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"#0969da\" stroke-dasharray=\"5 4\"/></svg>",
        W - RIGHT
    );
    s
}

/// The most warning-sign checks listed, newest first.
pub const MAX_CHECKS: usize = 20;

/// What a check's outcome means, in a few words.
fn check_result(c: &CheckDone) -> String {
    let mut s = match c.tier {
        CheckTier::Emergency => "Warning sign needing emergency help".to_string(),
        CheckTier::Urgent => "Warning sign needing medical help the same day".to_string(),
        CheckTier::None | CheckTier::NotForYou if c.under_16 => {
            "Said they are under 16; the check stopped there (backfix is for adults)".to_string()
        }
        CheckTier::None | CheckTier::NotForYou => "No warning sign reported".to_string(),
    };
    if c.pregnant {
        s.push_str("; pregnant or gave birth in the last 6 months");
    }
    s
}

fn yes_list(c: &CheckDone) -> String {
    if c.yes.is_empty() {
        return String::new();
    }
    let mut s = String::from(" Answered yes to:<ul>");
    for y in &c.yes {
        let _ = write!(s, "<li>{}</li>", esc(y));
    }
    s.push_str("</ul>");
    s
}

/// The "Warning-sign checks" section, or nothing when no check was kept in
/// the period. An emergency or same-day result stands out, saying it was
/// self-reported and when.
fn checks_section(records: &[Record], since: Option<NaiveDate>, now: NaiveDateTime) -> String {
    let checks: Vec<(NaiveDateTime, &CheckDone)> = records
        .iter()
        .filter(|r| since.is_none_or(|s| r.date() >= s) && r.time <= now)
        .filter_map(|r| match &r.entry {
            Entry::Check(c) => Some((r.time, c)),
            _ => None,
        })
        .collect();
    if checks.is_empty() {
        return String::new();
    }
    let mut h = String::from("<section><h2>Warning-sign checks</h2>");
    h.push_str("<p class=\"muted\">Answers the person gave to backfix's yes/no questions about warning signs (<code>backfix check</code>): self-reported, not an examination.</p>");
    for (t, c) in checks
        .iter()
        .rev()
        .filter(|(_, c)| matches!(c.tier, CheckTier::Emergency | CheckTier::Urgent))
        .take(3)
    {
        let told = if c.tier == CheckTier::Emergency {
            "backfix told them to get emergency help now"
        } else {
            "backfix told them to get medical help the same day"
        };
        let _ = write!(
            h,
            "<div class=\"alert\"><strong>Self-reported on {} at {}: {}.</strong>{} {told}. Please ask about it.</div>",
            t.format("%-d %B %Y"),
            t.format("%H:%M"),
            esc(&check_result(c)).to_lowercase(),
            yes_list(c),
        );
    }
    h.push_str("<table><colgroup><col style=\"width:26%\"><col></colgroup><tr><th>When</th><th>Result</th></tr>");
    for (t, c) in checks.iter().rev().take(MAX_CHECKS) {
        let alert = matches!(c.tier, CheckTier::Emergency | CheckTier::Urgent);
        let _ = write!(
            h,
            "<tr{}><td>{}</td><td>{}.{}</td></tr>",
            if alert { " class=\"alert\"" } else { "" },
            t.format("%-d %b %Y %H:%M"),
            esc(&check_result(c)),
            yes_list(c)
        );
    }
    h.push_str("</table>");
    if checks.len() > MAX_CHECKS {
        let _ = write!(
            h,
            "<p class=\"muted\">And {} earlier check{}.</p>",
            checks.len() - MAX_CHECKS,
            super::plural(checks.len() - MAX_CHECKS)
        );
    }
    h.push_str("</section>");
    h
}

/// The whole page. `name_of` turns an exercise or routine id into its name.
pub fn report(
    records: &[Record],
    events: &[Event],
    now: NaiveDateTime,
    since: Option<NaiveDate>,
    target: u32,
    name_of: &dyn Fn(&str) -> String,
) -> String {
    let today = now.date();
    let first = records
        .iter()
        .map(|r| r.date())
        .chain(stats::timed_events(events).first().map(|(t, _)| t.date()))
        .filter(|d| since.is_none_or(|s| *d >= s))
        .min()
        .unwrap_or(today);
    let span_weeks = ((stats::week_start(today) - stats::week_start(first)).num_weeks() + 1)
        .clamp(1, MAX_WEEKS as i64) as usize;
    let opt = stats::Options {
        now,
        weeks: span_weeks,
        since,
        target,
    };
    let p: Progress = stats::progress(records, events, &opt);
    let mut h = String::with_capacity(32 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = write!(
        h,
        "<title>Back pain record, {}</title><style>{CSS}</style></head><body>",
        today.format("%-d %b %Y")
    );
    let _ = write!(
        h,
        "<h1>Back pain record</h1><p class=\"muted\">From {} to {} &middot; {} check-in{}, {} exercise session{} &middot; made by backfix {} on {}</p>",
        p.start.unwrap_or(today).format("%-d %B %Y"),
        today.format("%-d %B %Y"),
        p.checkins,
        super::plural(p.checkins),
        p.sessions,
        super::plural(p.sessions),
        env!("CARGO_PKG_VERSION"),
        today.format("%Y-%m-%d"),
    );
    h.push_str("<p class=\"note\"><strong>Self-reported.</strong> Everything here was entered by the person themselves in backfix, a self-help program; it is not a clinical assessment or a diagnosis. The ratings are backfix's own simple 0&ndash;10 questions, not a validated questionnaire.</p>");
    let checks = checks_section(records, since, now);
    if p.is_empty() {
        if checks.is_empty() {
            h.push_str("<p>Nothing has been recorded yet.</p></body></html>\n");
        } else {
            h.push_str("<p>No check-ins or sessions have been recorded yet.</p>");
            h.push_str(&checks);
            h.push_str("</body></html>\n");
        }
        return h;
    }

    h.push_str("<section><h2>Scores</h2><table><colgroup><col style=\"width:34%\"><col style=\"width:19%\"><col style=\"width:19%\"><col></colgroup><tr><th>Rating (0&ndash;10)</th><th class=\"n\">First</th><th class=\"n\">Latest</th><th>Change</th></tr>");
    h.push_str(&change_row(
        "Pain at the time of the check-in (0 none, 10 worst imaginable)",
        p.pain.as_ref(),
    ));
    h.push_str(&change_row("How much pain got in the way of daily life over the past week (0 not at all, 10 completely)", p.interference.as_ref()));
    h.push_str(&change_row(
        "Average of the person's own activities (0 cannot do, 10 as before the pain)",
        p.activity_average.as_ref(),
    ));
    h.push_str("</table><p class=\"muted\">Weekly averages. A change counts as meaningful from 2 points or 30% for pain and interference (minimal important change, Ostelo et al., Spine 2008), and from 2 points for the activities' average (the usual threshold for scales of a person's own activities).</p>");
    h.push_str(&line_chart(
        "pain and interference each week",
        &p.weeks,
        &[
            ("pain", "#cf222e", |w: &Week| w.pain),
            ("got in the way of daily life", "#0969da", |w: &Week| {
                w.interference
            }),
            ("activities' average", "#1a7f37", |w: &Week| w.activities),
        ],
    ));
    h.push_str("</section>");

    if !p.activities.is_empty() {
        h.push_str("<section><h2>The person's own activities</h2><table><tr><th>Activity they find hard</th><th class=\"n\">First</th><th class=\"n\">Latest</th></tr>");
        for a in &p.activities {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"n\">{} <span class=\"muted\">({})</span></td><td class=\"n\">{} <span class=\"muted\">({})</span></td></tr>",
                esc(&a.name),
                a.first,
                a.first_date.format("%-d %b %Y"),
                a.latest,
                a.latest_date.format("%-d %b %Y")
            );
        }
        h.push_str("</table></section>");
    }

    let total = |f: fn(&Week) -> u32| -> u32 { p.weeks.iter().map(f).sum() };
    let met = p.weeks.iter().filter(|w| w.sessions >= target).count();
    let _ = write!(
        h,
        "<section><h2>Exercise and breaks</h2><p>{} session{} ({} minutes) over {} week{}; {} of those weeks reached {} or more sessions. Sitting-break reminders: {} breaks taken, {} snoozed, {} skipped.</p>",
        total(|w| w.sessions),
        super::plural(total(|w| w.sessions) as usize),
        total(|w| w.minutes),
        p.weeks.len(),
        super::plural(p.weeks.len()),
        met,
        target,
        total(|w| w.breaks_taken),
        total(|w| w.snoozed),
        total(|w| w.skipped)
    );
    h.push_str(&bar_chart(&p.weeks, target));
    let _ = write!(
        h,
        "<p class=\"muted\">Sessions each week; green bars reach the target of {target} a week (dashed line).</p></section>"
    );

    if !p.routines.is_empty() {
        h.push_str("<section><h2>Routines and exercises used</h2><table><tr><th>What</th><th class=\"n\">Times</th></tr>");
        for (id, n) in p.routines.iter().take(15) {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"n\">{n}</td></tr>",
                esc(&name_of(id))
            );
        }
        h.push_str("</table>");
        let (mut easy, mut right, mut hard, mut during) = (0, 0, 0, Vec::new());
        for r in records
            .iter()
            .filter(|r| since.is_none_or(|s| r.date() >= s) && r.time <= now)
        {
            if let Entry::Session(s) = &r.entry {
                match s.feel {
                    Some(super::Feel::TooEasy) => easy += 1,
                    Some(super::Feel::AboutRight) => right += 1,
                    Some(super::Feel::TooHard) => hard += 1,
                    None => {}
                }
                if let Some(p) = s.pain_during {
                    during.push(p.get());
                }
            }
        }
        if easy + right + hard > 0 {
            let _ = write!(
                h,
                "<p>How sessions felt: {easy} too easy, {right} about right, {hard} too hard.</p>"
            );
        }
        if !during.is_empty() {
            let max = during.iter().max().copied().unwrap_or(0);
            let avg = during.iter().map(|&v| f64::from(v)).sum::<f64>() / during.len() as f64;
            let _ = write!(
                h,
                "<p>Pain during sessions (0&ndash;10): average {avg:.1}, highest {max}, over {} session{}.</p>",
                during.len(),
                super::plural(during.len())
            );
        }
        h.push_str("</section>");
    }

    let notes: Vec<&Record> = records
        .iter()
        .filter(|r| since.is_none_or(|s| r.date() >= s) && r.time <= now)
        .filter(|r| matches!(&r.entry, Entry::Checkin(c) if c.note.is_some() || c.flare))
        .collect();
    if !notes.is_empty() {
        h.push_str("<section><h2>Notes and flare-ups</h2><table><colgroup><col style=\"width:22%\"><col></colgroup>");
        for r in notes.iter().rev().take(12) {
            if let Entry::Checkin(c) = &r.entry {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}{}</td></tr>",
                    r.time.format("%-d %b %Y"),
                    if c.flare {
                        "<strong>Flare-up.</strong> "
                    } else {
                        ""
                    },
                    esc(c.note.as_deref().unwrap_or(""))
                );
            }
        }
        h.push_str("</table></section>");
    }
    if checks.is_empty() {
        h.push_str("<section><h2>Warning-sign checks</h2><p>No warning-sign check (<code>backfix check</code>) was recorded in this period. Please ask about warning signs directly.</p></section>");
    } else {
        h.push_str(&checks);
    }
    let _ = writeln!(
        h,
        "<p class=\"muted\">Weeks run Monday to Sunday. Period shown: {} weeks from {}.</p></body></html>",
        p.weeks.len(),
        p.weeks
            .first()
            .map_or(today, |w| w.start)
            .format("%-d %b %Y")
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn escaping() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert!(!esc("a\x1b]0;x\x07b").contains('\x1b'));
    }

    #[test]
    fn empty_and_hostile() {
        let now = NaiveDateTime::parse_from_str("2026-03-04T12:00:00", super::super::TIME_FORMAT)
            .unwrap();
        let page = report(&[], &[], now, None, 3, &|s| s.to_string());
        assert!(page.contains("Nothing has been recorded yet"));
        let r = Record {
            time: now - Duration::days(1),
            entry: Entry::Checkin(super::super::CheckIn {
                pain: super::super::Score::new(3),
                note: Some("<script>alert(1)</script>".into()),
                ..Default::default()
            }),
        };
        let page = report(&[r], &[], now, None, 3, &|s| s.to_string());
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("&lt;script&gt;"));
    }

    #[test]
    fn checks_are_shown_and_alerts_stand_out() {
        let now = NaiveDateTime::parse_from_str("2026-03-04T12:00:00", super::super::TIME_FORMAT)
            .unwrap();
        let page = report(&[], &[], now, None, 3, &|s| s.to_string());
        assert!(!page.contains("class=\"alert\""));
        let check = |days, tier, yes: &[&str]| Record {
            time: now - Duration::days(days),
            entry: Entry::Check(CheckDone {
                tier,
                yes: yes.iter().map(|s| s.to_string()).collect(),
                pregnant: false,
                under_16: false,
            }),
        };
        let records = [
            check(9, CheckTier::None, &[]),
            check(2, CheckTier::Urgent, &["<b>numb</b>"]),
        ];
        let page = report(&records, &[], now, None, 3, &|s| s.to_string());
        assert!(page.contains("<h2>Warning-sign checks</h2>"), "{page}");
        assert!(page.contains("No warning sign reported"), "{page}");
        assert!(
            page.contains("<div class=\"alert\"><strong>Self-reported on 2 March 2026 at 12:00: warning sign needing medical help the same day.</strong>"),
            "{page}"
        );
        assert!(page.contains("<li>&lt;b&gt;numb&lt;/b&gt;</li>"), "{page}");
        assert!(!page.contains("<b>numb"), "{page}");
        // Only checks: the page still shows them.
        let page = report(&records[..1], &[], now, None, 3, &|s| s.to_string());
        assert!(page.contains("<h2>Warning-sign checks</h2>"), "{page}");
        assert!(!page.contains("class=\"alert\""), "{page}");
        // Outside --since: not shown.
        let page = report(
            &records,
            &[],
            now,
            now.date().checked_sub_days(chrono::Days::new(1)),
            3,
            &|s| s.to_string(),
        );
        assert!(!page.contains("numb"), "{page}");
    }
}

//! `backfix` with no arguments: a short overview of the three jobs.

use crate::output::{self, Out};

/// The overview printed when backfix runs with no arguments.
pub fn run(out: &mut Out) -> std::io::Result<()> {
    out.styled(output::TITLE, "backfix")?;
    out.line(&format!(
        " {}: lower back and glute pain, in the terminal",
        env!("CARGO_PKG_VERSION")
    ))?;
    out.blank()?;
    let jobs = [
        (
            "Reference",
            "backfix show glute bridge",
            "how to do an exercise",
        ),
        (
            "Routines",
            "backfix routine --sciatica",
            "a routine for a complaint",
        ),
        (
            "Reminders",
            "backfix remind --every 45m",
            "breaks from long sitting",
        ),
        ("Warning signs", "backfix redflags", "when to see a doctor"),
    ];
    for (job, cmd, what) in jobs {
        out.styled(output::HEADING, &format!("  {job:<14}"))?;
        out.styled(output::CODE, &format!("{cmd:<29}"))?;
        out.line(what)?;
    }
    out.blank()?;
    out.line("All exercises: backfix list. All complaints: backfix routine --list.")?;
    out.line("General information, not a diagnosis. More: backfix --help, man backfix.")?;
    Ok(())
}

//! backfix: exercises, routines and sitting-break reminders for lower back
//! and glute pain. The binary (`main.rs`) only parses and dispatches; the
//! behaviour lives here so tests can drive it.

pub mod builtin;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod dose;
pub mod error;
pub mod generate;
pub mod guided;
pub mod matching;
pub mod model;
pub mod output;
pub mod paths;
pub mod region;
pub mod remind;
pub mod routine;
pub mod schedule;
pub mod search;
pub mod validate;

use cli::{Cli, Command};
use error::Result;
use output::Out;

/// Print a warning to stderr in the program's voice.
pub fn warn(message: &str) {
    let style = output::WARN;
    let mut err = anstream::stderr();
    let _ = std::io::Write::write_fmt(
        &mut err,
        format_args!("backfix: {style}warning:{style:#} {message}\n"),
    );
}

/// The overview printed when backfix runs with no arguments.
pub fn overview(out: &mut Out) -> std::io::Result<()> {
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

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    let mut out = Out::new(cli.color);
    let code = match &cli.command {
        None => {
            overview(&mut out)?;
            0
        }
        Some(Command::List(a)) => commands::list::run(&mut out, a)?,
        Some(Command::Show(a)) => commands::show::run(&mut out, a)?,
        Some(Command::Search(a)) => commands::search::run(&mut out, a)?,
        Some(Command::Sources(a)) => commands::sources::run(&mut out, a)?,
        Some(Command::Routine(a)) => commands::routine::run(&mut out, a)?,
        Some(Command::Redflags(a)) => commands::redflags::run(&mut out, a)?,
        Some(Command::Check) => commands::check::run(&mut out)?,
        Some(Command::Remind(a)) => commands::remind::run(&mut out, a)?,
        Some(Command::Paths(a)) => commands::paths::run(&mut out, a)?,
        Some(Command::Completions { shell }) => commands::generate::completions(&mut out, *shell)?,
    };
    out.flush()?;
    Ok(code)
}

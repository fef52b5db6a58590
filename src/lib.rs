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
pub mod programme;
pub mod record;
pub mod region;
pub mod remind;
pub mod routine;
pub mod schedule;
pub mod search;
pub mod validate;

use cli::{Cli, Command};
use error::Result;
use output::Out;

/// Print a warning to stderr in the program's voice (cleaned, in colour as
/// `--color` says).
pub fn warn(message: &str) {
    output::warning(message);
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

/// A hint for an unknown subcommand that names an exercise or a complaint:
/// `backfix clam` suggests `backfix show clam`, `backfix sciatica`
/// suggests `backfix routine sciatica`. When clap already suggests a
/// subcommand (a near miss such as `lst`), only an exact name counts.
pub fn unknown_command_hint(
    words: &[String],
    catalog: &catalog::Catalog,
    clap_suggests: bool,
) -> Option<String> {
    use matching::{Resolution, normalize, resolve};
    let query = words.join(" ");
    let key = normalize(&query);
    if key.is_empty() {
        return None;
    }
    fn exact<T: catalog::Named>(key: &str, items: &[T]) -> bool {
        items.iter().any(|i| {
            std::iter::once(i.id())
                .chain(std::iter::once(i.display_name()))
                .chain(i.aliases().iter().map(|a| &**a))
                .any(|n| matching::normalize(n) == key)
        })
    }
    let shown = output::clean_line(&query);
    let show = format!("'{shown}' is an exercise: try `backfix show {shown}`");
    let routine = format!("'{shown}' is a complaint: try `backfix routine {shown}`");
    if exact(&key, &catalog.exercises) {
        return Some(show);
    }
    if exact(&key, &catalog.complaints) {
        return Some(routine);
    }
    if clap_suggests {
        return None;
    }
    if matches!(resolve(&query, &catalog.exercises), Resolution::Found(_)) {
        return Some(show);
    }
    if matches!(resolve(&query, &catalog.complaints), Resolution::Found(_)) {
        return Some(routine);
    }
    None
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
        Some(Command::Learn(a)) => commands::learn::run(&mut out, a)?,
        Some(Command::Flare(a)) => commands::flare::run(&mut out, a)?,
        Some(Command::Log(a)) => commands::log::run(&mut out, a)?,
        Some(Command::Done(a)) => commands::done::run(&mut out, a)?,
        Some(Command::Progress(a)) => commands::progress::run(&mut out, a)?,
        Some(Command::Export(a)) => commands::export::run(&mut out, a)?,
        Some(Command::Report(a)) => commands::report::run(&mut out, a)?,
        Some(Command::Forget(a)) => commands::forget::run(&mut out, a)?,
    };
    out.flush()?;
    Ok(code)
}

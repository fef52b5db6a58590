//! backfix: exercises, routines and sitting-break reminders for lower back
//! and glute pain. The binary (`main.rs`) only parses and dispatches; the
//! behaviour lives here so tests can drive it. See ARCHITECTURE.md.

pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod generate;
pub mod jsonl;
pub mod model;
pub mod output;
pub mod paths;
pub mod programme;
pub mod record;
pub mod region;
pub mod remind;
pub mod routine;

use cli::{Cli, Command};
use error::Result;
use output::Out;

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    let mut out = Out::new(cli.color);
    let code = match &cli.command {
        None => {
            commands::overview::run(&mut out)?;
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
        Some(Command::Config(a)) => commands::config::run(&mut out, a)?,
        Some(Command::Completions { shell }) => commands::generate::completions(&mut out, *shell)?,
        Some(Command::Learn(a)) => commands::learn::run(&mut out, a)?,
        Some(Command::Flare(a)) => commands::flare::run(&mut out, a)?,
        Some(Command::Plan(a)) => commands::plan::run(&mut out, a)?,
        Some(Command::Today(a)) => commands::today::run(&mut out, a)?,
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

//! The backfix binary: parse, dispatch, report one error, exit.

use backfix::error::{EXIT_FAILURE, EXIT_USAGE};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match backfix::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    // A closed pipe while printing help is not an error.
                    let _ = e.print();
                    ExitCode::SUCCESS
                }
                _ => {
                    let mut err = anstream::stderr();
                    let _ = write!(err, "backfix: {}", e.render().ansi());
                    ExitCode::from(EXIT_USAGE)
                }
            };
        }
    };
    match backfix::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let style = backfix::output::ALERT;
            let mut err = anstream::stderr();
            let _ = writeln!(err, "backfix: {style}error:{style:#} {}", e.message);
            if let Some(hint) = &e.hint {
                let _ = writeln!(err, "  hint: {hint}");
            }
            ExitCode::from(if e.code == 0 { EXIT_FAILURE } else { e.code })
        }
    }
}

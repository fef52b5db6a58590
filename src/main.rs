//! The backfix binary: parse, dispatch, report one error, exit.
//!
//! On Unix the binary provides the C `main` itself (`no_main`) and skips the
//! Rust runtime's start-up, which reads /proc/self/maps to find the main
//! thread's stack guard and was about a third of the time `backfix show`
//! took (see scripts/bench.sh). The only part of that start-up the program
//! needs, ignoring SIGPIPE so a closed pipe is an error and not a kill, is
//! done here.

#![cfg_attr(unix, no_main)]

use backfix::error::{EXIT_FAILURE, EXIT_USAGE};
use clap::Parser;
use std::io::Write;
#[cfg(not(unix))]
use std::process::ExitCode;

#[cfg(unix)]
#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    // SAFETY: setting a signal disposition to SIG_IGN at start-up, before any
    // other thread exists, is what the Rust runtime itself does.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    let code = run();
    let _ = std::io::stdout().flush();
    code.into()
}

#[cfg(not(unix))]
fn main() -> ExitCode {
    ExitCode::from(run())
}

fn run() -> u8 {
    let cli = match backfix::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    // A closed pipe while printing help is not an error.
                    let _ = e.print();
                    0
                }
                _ => {
                    let mut err = anstream::stderr();
                    let _ = write!(err, "backfix: {}", e.render().ansi());
                    EXIT_USAGE
                }
            };
        }
    };
    match backfix::run(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            let style = backfix::output::ALERT;
            let mut err = anstream::stderr();
            let _ = writeln!(err, "backfix: {style}error:{style:#} {}", e.message);
            if let Some(hint) = &e.hint {
                let _ = writeln!(err, "  hint: {hint}");
            }
            if e.code == 0 { EXIT_FAILURE } else { e.code }
        }
    }
}

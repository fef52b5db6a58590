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
use backfix::output::{self, ColorWhen};
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
    #[cfg(unix)]
    guard_standard_fds();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    color_in_args(&args).apply_globally();
    let cli = match backfix::cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e, &args),
    };
    match backfix::run(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            output::error(&e.message, e.hint.as_deref());
            if e.code == 0 { EXIT_FAILURE } else { e.code }
        }
    }
}

/// Help, version, or a usage error from clap.
fn parse_error(e: &clap::Error, args: &[std::ffi::OsString]) -> u8 {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A closed pipe is not an error; a full disk or a closed stdout is.
            match print_stdout(&e.render().ansi().to_string()) {
                Ok(()) => 0,
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(err) => {
                    output::error(&format!("cannot write to standard output: {err}"), None);
                    EXIT_FAILURE
                }
            }
        }
        kind => {
            output::eprint_styled(&format!("backfix: {}", e.render().ansi()));
            if kind == ErrorKind::InvalidSubcommand
                && let Some(ContextValue::String(word)) = e.get(ContextKind::InvalidSubcommand)
            {
                let clap_suggests = e.get(ContextKind::SuggestedSubcommand).is_some();
                let words = words_from(word, args);
                let catalog = backfix::catalog::Catalog::load(
                    &mut Vec::new(),
                    backfix::cli::reserved_complaint_ids,
                );
                if let Some(hint) =
                    backfix::commands::unknown_command_hint(&words, &catalog, clap_suggests)
                {
                    output::eprint_styled(&format!("  hint: {hint}\n"));
                }
            }
            EXIT_USAGE
        }
    }
}

/// The unknown subcommand and the plain words after it (`backfix glute
/// bridge` gives "glute", "bridge").
fn words_from(word: &str, args: &[std::ffi::OsString]) -> Vec<String> {
    let rest = args
        .iter()
        .skip(1)
        .skip_while(|a| a.to_str() != Some(word))
        .skip(1)
        .map_while(|a| a.to_str().filter(|s| !s.starts_with('-')));
    std::iter::once(word.to_string())
        .chain(rest.map(str::to_string))
        .collect()
}

/// `--color` as given on the command line, before parsing has finished, so
/// that even a usage error is printed as asked.
fn color_in_args(args: &[std::ffi::OsString]) -> ColorWhen {
    let mut when = ColorWhen::Auto;
    let mut iter = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(a) = iter.next() {
        let value = match a {
            "--" => break,
            "--color" => iter.next().unwrap_or(""),
            _ => match a.strip_prefix("--color=") {
                Some(v) => v,
                None => continue,
            },
        };
        when = match value {
            "always" => ColorWhen::Always,
            "never" => ColorWhen::Never,
            _ => ColorWhen::Auto,
        };
    }
    when
}

/// Write clap's help or version to stdout, styled only where colour is on.
fn print_stdout(s: &str) -> std::io::Result<()> {
    if output::stdout_closed() {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    let mut out = anstream::AutoStream::new(std::io::stdout(), anstream::ColorChoice::global());
    out.write_all(output::clean_keep_sgr(s).as_bytes())?;
    out.flush()
}

/// A standard descriptor that is closed at start (`backfix list >&-`) gets
/// /dev/null in its place, so no file we open later takes its number; a
/// closed stdout is remembered, and writing to it is an error.
#[cfg(unix)]
fn guard_standard_fds() {
    for fd in 0..=2 {
        // SAFETY: F_GETFD only asks whether the descriptor is open.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } != -1 {
            continue;
        }
        let mode = if fd == 0 {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        // SAFETY: opening /dev/null with a NUL-terminated path; the lowest
        // free descriptor, which is `fd`, is the one returned.
        unsafe { libc::open(c"/dev/null".as_ptr(), mode | libc::O_CLOEXEC) };
        if fd == 1 {
            output::mark_stdout_closed();
        }
    }
}

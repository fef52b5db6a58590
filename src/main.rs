//! The backfix binary: parse, dispatch, report one error, exit.
//!
//! The Rust runtime starts it as usual (it fills `env::args()` on every
//! platform and ignores SIGPIPE, so a closed pipe is an error and not a
//! kill). The one thing done before the runtime is noting whether stdout was
//! closed at start (`backfix list >&-`): the runtime puts /dev/null in its
//! place, after which a closed stdout could not be told apart.

use backfix::error::{EXIT_FAILURE, EXIT_USAGE};
use backfix::output::{self, ColorWhen};
use clap::{CommandFactory, FromArgMatches};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let code = run();
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

fn run() -> u8 {
    #[cfg(unix)]
    if STDOUT_CLOSED_AT_START.load(std::sync::atomic::Ordering::Relaxed) {
        output::mark_stdout_closed();
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    color_in_args(&args).apply_globally();
    let cli = match parse(&args) {
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

/// `Cli::try_parse_from`, with two savings. The command tree is not
/// dropped: it is read once, and freeing its many small allocations one by
/// one would cost more (about a tenth of `backfix show clam`) than leaving
/// them to the end of the process. And the global `--color` and the help
/// width are given only to the subcommand being parsed (see [`only_into`]).
fn parse(args: &[std::ffi::OsString]) -> Result<backfix::cli::Cli, clap::Error> {
    use backfix::cli::{self, Cli};
    let cmd = Cli::command();
    let cmd = match subcommand_in(args, &cmd) {
        Some(name) => only_into(cmd, name),
        None => cmd.max_term_width(cli::HELP_WIDTH),
    };
    let mut cmd = std::mem::ManuallyDrop::new(cmd);
    let mut matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cli::parser()))
}

/// The subcommand `args` run, by its exact name, when nothing but `--color`
/// comes before it (`backfix --color never show clam`); `None` for anything
/// else (help, a typo, a prefix), which clap then parses as usual.
fn subcommand_in<'a>(args: &'a [std::ffi::OsString], cmd: &clap::Command) -> Option<&'a str> {
    let mut iter = args.iter().skip(1).map(|a| a.to_str());
    loop {
        match iter.next()?? {
            "--color" => {
                iter.next()??;
            }
            a if a.starts_with("--color=") => {}
            a => {
                return cmd
                    .get_subcommands()
                    .any(|s| s.get_name() == a)
                    .then_some(a);
            }
        }
    }
}

/// The command tree ([`backfix::cli::parser`]) with what clap would copy
/// into every subcommand given only to the subcommand `name`, which is all a
/// command line naming it needs: the global `--color` and the help width.
/// Clap copies both into every subcommand when the root is built, all 21 of
/// them, though only one is parsed (about 8% of `backfix show clam`'s
/// instructions, and 60 KB of heap). Here the root keeps `--color` as a plain
/// argument, and the subcommand gets the same global one, copied before its
/// own arguments as clap would: its help, its own subcommands (which it
/// passes both on to) and the value (clap hands the value of a global
/// argument up to the root's matches) are as before.
fn only_into(cmd: clap::Command, name: &str) -> clap::Command {
    let width = backfix::cli::HELP_WIDTH;
    let Some(color) = cmd.get_arguments().find(|a| a.get_id() == "color").cloned() else {
        return cmd.max_term_width(width);
    };
    // Adding an option moves the subcommand's count for the order of its
    // options on by one, which propagation does not; it is set back, which
    // is exact while the subcommand has no options of its own yet (each
    // subcommand's are deferred). Otherwise clap copies as usual.
    let fresh = cmd
        .find_subcommand(name)
        .is_some_and(|sc| sc.get_arguments().all(|a| a.is_positional()));
    if !fresh {
        return cmd.max_term_width(width);
    }
    let mut color = Some(color);
    cmd.mut_arg("color", |a| a.global(false))
        .mut_subcommands(|sc| match color.take_if(|_| sc.get_name() == name) {
            Some(color) => sc.arg(color).next_display_order(0).max_term_width(width),
            None => sc,
        })
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

/// Whether stdout was closed when the process started, as seen by
/// [`note_closed_stdout`] before the runtime replaced it with /dev/null.
#[cfg(unix)]
static STDOUT_CLOSED_AT_START: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Runs from the executable's initialiser list, before `main` and before the
/// Rust runtime fills closed standard descriptors with /dev/null (which
/// keeps later files off descriptors 0 to 2).
#[cfg(unix)]
#[allow(unsafe_code)] // fcntl(2): std cannot ask whether a descriptor is open.
extern "C" fn note_closed_stdout() {
    // SAFETY: F_GETFD only asks whether descriptor 1 is open; it touches no
    // memory and is safe to call before the runtime starts.
    if unsafe { libc::fcntl(1, libc::F_GETFD) } == -1 {
        STDOUT_CLOSED_AT_START.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

#[cfg(all(unix, not(target_vendor = "apple")))]
#[allow(unsafe_code)] // a link section: there is no safe way to run before main.
#[used]
// SAFETY: `.init_array` holds plain `extern "C" fn()` pointers that the
// loader calls once before `main`; the function is sound to run then.
#[unsafe(link_section = ".init_array")]
static NOTE_CLOSED_STDOUT: extern "C" fn() = note_closed_stdout;

#[cfg(target_vendor = "apple")]
#[allow(unsafe_code)]
#[used]
// SAFETY: as above, the Mach-O list of initialisers run before `main`.
#[unsafe(link_section = "__DATA,__mod_init_func")]
static NOTE_CLOSED_STDOUT: extern "C" fn() = note_closed_stdout;

//! Completion scripts and man pages, generated from the clap definition.
//! `cargo run --example generate` writes them into `completions/` and `man/`;
//! a test fails when the committed files differ from what this produces.

use crate::cli::{Shell, command_for_completions};
use clap_complete::Generator;
use std::path::PathBuf;

/// The date printed in the man pages' title line (the release date).
pub const MAN_DATE: &str = "2026-11-24";

/// A completion script for one shell.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = command_for_completions();
    let mut buf = Vec::new();
    let bin = "backfix";
    match shell {
        Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, bin, &mut buf),
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, bin, &mut buf),
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, bin, &mut buf);
            buf.extend_from_slice(fish_names().as_bytes());
        }
        Shell::PowerShell => {
            clap_complete::generate(clap_complete::Shell::PowerShell, &mut cmd, bin, &mut buf);
        }
        Shell::Elvish => {
            clap_complete::generate(clap_complete::Shell::Elvish, &mut cmd, bin, &mut buf);
        }
    }
    buf
}

/// clap_complete's fish script offers no values for positionals: add the
/// exercise ids for `show` and the complaint ids for `routine`.
fn fish_names() -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut out =
        String::from("# Names for `backfix show`, `routine` and `sources` (added by backfix).\n");
    let entries = crate::catalog::builtin::EXERCISES
        .iter()
        .map(|e| ("show", &e.id, &e.name))
        .chain(
            crate::catalog::builtin::COMPLAINTS
                .iter()
                .map(|c| ("routine", &c.id, &c.name)),
        )
        .chain(
            crate::catalog::builtin::SOURCES
                .iter()
                .map(|s| ("sources", &s.id, &s.short)),
        );
    for (sub, id, name) in entries {
        out.push_str(&format!(
            "complete -c backfix -n \"__fish_backfix_using_subcommand {sub}\" -f -a {} -d {}\n",
            quote(id),
            quote(name)
        ));
    }
    out
}

/// File name of the completion script for a shell, as installed.
pub fn completion_file(shell: Shell) -> String {
    let s = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::PowerShell => clap_complete::Shell::PowerShell,
        Shell::Elvish => clap_complete::Shell::Elvish,
    };
    s.file_name("backfix")
}

/// Escape text for roff.
fn esc(s: &str) -> String {
    let mut out = s.replace('\\', "\\e").replace('-', "\\-");
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}

fn section(out: &mut String, title: &str) {
    out.push_str(&format!(".SH {title}\n"));
}

/// `.TP` list entries: a bold tag and its text.
fn tagged(out: &mut String, entries: &[(&str, &str)]) {
    for (tag, text) in entries {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", esc(tag), esc(text)));
    }
}

/// The EXAMPLES block of an after_help text ("Examples:" then indented lines).
fn examples(after_help: &str) -> Option<String> {
    let (intro, block) = match after_help.split_once("Examples:\n") {
        Some((i, b)) => (i.trim(), b),
        None => return None,
    };
    let mut out = String::new();
    section(&mut out, "EXAMPLES");
    if !intro.is_empty() {
        out.push_str(&format!(
            "{}\n.PP\n",
            esc(&intro.split_whitespace().collect::<Vec<_>>().join(" "))
        ));
    }
    out.push_str(".nf\n.RS 4\n");
    for line in block
        .lines()
        .take_while(|l| l.starts_with("  ") || l.is_empty())
    {
        if !line.trim().is_empty() {
            out.push_str(&format!("{}\n", esc(line.trim())));
        }
    }
    out.push_str(".RE\n.fi\n");
    Some(out)
}

const DISCLAIMER: &str = "backfix gives general information about exercise for lower back and glute pain, \
based on published guidelines and studies that it cites. It does not diagnose anything and does not replace \
a health professional. Stop any exercise that sends pain further down a leg or brings on numbness, tingling or \
weakness. Run backfix redflags to see the warning signs that need emergency or same-day help. For adults \
(16 and over).";

fn files_and_env(out: &mut String) {
    section(out, "FILES");
    tagged(
        out,
        &[
            (
                "$XDG_CONFIG_HOME/backfix/exercises.json",
                "Your own exercises, a JSON array in the same format as the built-in data; a record with a built-in id replaces it. Usually ~/.config/backfix/exercises.json.",
            ),
            (
                "$XDG_CONFIG_HOME/backfix/routines.json",
                "Your own routines (complaints), a JSON array.",
            ),
            (
                "$XDG_DATA_HOME/backfix/history.jsonl",
                "One JSON line for each reminder and its outcome. Usually ~/.local/share/backfix/history.jsonl.",
            ),
            (
                "$XDG_STATE_HOME/backfix/remind.lock",
                "Lock and status of the running reminder (remind.json beside it).",
            ),
            (
                "~/.config/systemd/user/backfix-remind.service",
                "The unit written by backfix remind install.",
            ),
        ],
    );
    out.push_str(".PP\nbackfix paths prints the paths in use on this machine.\n");
    section(out, "ENVIRONMENT");
    tagged(
        out,
        &[
            (
                "NO_COLOR",
                "When set to a non-empty value, no colour is used (unless --color always).",
            ),
            (
                "CLICOLOR_FORCE",
                "When set, colour is used even when output is not a terminal.",
            ),
            (
                "BACKFIX_CONFIG_DIR",
                "Directory for exercises.json and routines.json, instead of the config directory.",
            ),
            (
                "BACKFIX_DATA_DIR",
                "Directory for history.jsonl, instead of the data directory.",
            ),
            (
                "BACKFIX_STATE_DIR",
                "Directory for the reminder lock and status files.",
            ),
            (
                "BACKFIX_SYSTEMD_DIR",
                "Directory backfix remind install writes its unit to.",
            ),
        ],
    );
}

fn exit_status(out: &mut String, check: bool) {
    section(out, "EXIT STATUS");
    let mut entries = vec![
        ("0", "Success."),
        (
            "1",
            "Nothing found (an exercise, source or search that matches nothing, a list filter \
             with no results), or a failure while running (for example a file that cannot be \
             written).",
        ),
        (
            "2",
            "A usage error: a bad option or value, an empty or ambiguous name.",
        ),
    ];
    if check {
        entries.push(("3", "backfix check: a sign that needs a doctor today."));
        entries.push(("4", "backfix check: a sign that needs emergency help now."));
    }
    tagged(out, &entries);
}

fn render_page(mut cmd: clap::Command, title: &str, top: bool) -> Vec<u8> {
    // Built as clap_mangen builds it, so the subcommand's deferred
    // arguments are in place; `help` and `version` come with the build.
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone())
        .title(title)
        .date(MAN_DATE)
        .manual("backfix manual");
    let mut buf = Vec::new();
    let _ = man.render_title(&mut buf);
    let _ = man.render_name_section(&mut buf);
    let _ = man.render_synopsis_section(&mut buf);
    let _ = man.render_description_section(&mut buf);
    if cmd
        .get_arguments()
        .any(|a| !a.is_hide_set() && !matches!(a.get_id().as_str(), "help" | "version"))
    {
        let _ = man.render_options_section(&mut buf);
    }
    if top {
        let _ = man.render_subcommands_section(&mut buf);
    } else if cmd.has_subcommands() {
        // Nested modes (`backfix remind status`) have no pages of their own.
        let mut modes = String::new();
        section(&mut modes, "SUBCOMMANDS");
        let bin = cmd.get_bin_name().unwrap_or("backfix").to_string();
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            let args: Vec<String> = sub
                .get_arguments()
                .filter(|a| !a.is_hide_set() && a.get_long().is_some())
                .filter(|a| !matches!(a.get_id().as_str(), "help" | "version" | "color"))
                .map(|a| format!("--{}", a.get_long().unwrap_or_default()))
                .collect();
            let tag = format!("{bin} {}", sub.get_name());
            let text = if args.is_empty() {
                format!("{about}.")
            } else {
                format!("{about}. Options: {}.", args.join(", "))
            };
            tagged(&mut modes, &[(tag.as_str(), text.as_str())]);
        }
        buf.extend_from_slice(modes.as_bytes());
    }
    let mut extra = String::new();
    if let Some(ex) = cmd.get_after_help().and_then(|h| examples(&h.to_string())) {
        extra.push_str(&ex);
    }
    if top {
        files_and_env(&mut extra);
    }
    exit_status(&mut extra, top || cmd.get_name() == "check");
    section(&mut extra, "HEALTH NOTICE");
    extra.push_str(&esc(DISCLAIMER));
    extra.push('\n');
    section(&mut extra, "SEE ALSO");
    let mut see: Vec<String> = Vec::new();
    if top {
        see.extend(
            crate::cli::subcommand_names()
                .iter()
                .map(|s| format!("\\fBbackfix\\-{s}\\fR(1)")),
        );
    } else {
        see.push("\\fBbackfix\\fR(1)".into());
    }
    extra.push_str(&see.join(",\n"));
    extra.push('\n');
    buf.extend_from_slice(extra.as_bytes());
    let _ = man.render_version_section(&mut buf);
    tidy_roff(&String::from_utf8_lossy(&buf)).into_bytes()
}

/// Make clap_mangen's output pass `mandoc -Tlint` cleanly: no trailing
/// blanks, no `.br` around blank lines, text lines of at most 80 bytes
/// (roff fills text, so breaking at a space changes nothing on the page).
fn tidy_roff(page: &str) -> String {
    let page = page.replace(".br\n\n.br\n", ".sp\n");
    let mut out = String::with_capacity(page.len());
    let mut no_fill = false;
    for line in page.lines() {
        let line = line.trim_end();
        if line.starts_with(".nf") {
            no_fill = true;
        } else if line.starts_with(".fi") {
            no_fill = false;
        }
        if line.starts_with('.') || no_fill || line.len() <= 80 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty()
                && current.len() + 1 + word.len() > 80
                && !current.ends_with('\\')
            {
                out.push_str(current.trim_end());
                out.push('\n');
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            if current.is_empty() && (word.starts_with('.') || word.starts_with('\'')) {
                current.push_str("\\&");
            }
            current.push_str(word);
        }
        out.push_str(current.trim_end());
        out.push('\n');
    }
    out
}

/// Every generated file, by path relative to the project root.
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        out.push((
            PathBuf::from("completions").join(completion_file(shell)),
            completion(shell),
        ));
    }
    let cmd = crate::cli::parser();
    out.push((
        PathBuf::from("man/backfix.1"),
        render_page(cmd.clone(), "BACKFIX", true),
    ));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("backfix-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name.clone())
            .bin_name(format!("backfix {}", sub.get_name()))
            .version(env!("CARGO_PKG_VERSION"));
        out.push((
            PathBuf::from(format!("man/{name}.1")),
            render_page(sub, &name.to_uppercase(), false),
        ));
    }
    out
}

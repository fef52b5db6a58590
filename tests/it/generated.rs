//! Generated files: fresh, clean under mandoc, and working in real shells.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_files_match_the_code() {
    let mut stale = Vec::new();
    for (rel, content) in backfix::generate::files() {
        let on_disk = std::fs::read(root().join(&rel)).unwrap_or_default();
        if on_disk != content {
            stale.push(rel.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `cargo run --example generate` and commit"
    );
}

// The Debian package's copyright file lists every crate linked into the Linux
// binary; it is generated from `cargo metadata`, which needs cargo (not there
// when the Windows build runs under Wine) and concerns the Linux package only.
#[cfg(target_os = "linux")]
#[path = "../../examples/generate/deb_copyright.rs"]
mod deb_copyright;

#[cfg(target_os = "linux")]
#[test]
fn the_debian_copyright_file_lists_the_linked_crates_of_cargo_lock() {
    let fresh = deb_copyright::generate(root()).unwrap();
    let on_disk = std::fs::read_to_string(root().join(deb_copyright::PATH)).unwrap_or_default();
    assert!(
        on_disk == fresh,
        "{} is stale: run `cargo run --example generate` and commit",
        deb_copyright::PATH
    );
    // What it must hold: backfix's own paragraph, one per linked crate, and
    // the text of each licence named.
    assert!(fresh.contains("Files: *\nCopyright: 2026 The backfix contributors\n"));
    assert!(fresh.contains("Files: rust-crates/clap_builder-"));
    assert!(
        !fresh.contains("Files: rust-crates/assert_cmd-"),
        "dev-dependencies are not linked"
    );
    assert!(fresh.contains("\nLicense: MIT\n Permission is hereby granted"));
}

#[test]
fn the_debian_changelog_names_the_crate_version() {
    let changelog = std::fs::read_to_string(root().join("data/debian/changelog")).unwrap();
    let first = changelog.lines().next().unwrap_or_default();
    let want = format!("backfix ({}-1) ", env!("CARGO_PKG_VERSION"));
    assert!(
        first.starts_with(&want),
        "data/debian/changelog starts {first:?}, not {want:?}: add an entry for this version"
    );
}

#[test]
fn completions_command_prints_the_committed_scripts() {
    let env = common::Env::new();
    for (shell, file) in [
        ("bash", "backfix.bash"),
        ("zsh", "_backfix"),
        ("fish", "backfix.fish"),
        ("powershell", "_backfix.ps1"),
        ("elvish", "backfix.elv"),
    ] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert_eq!(
            out.stdout,
            std::fs::read(root().join("completions").join(file)).unwrap(),
            "{shell}"
        );
    }
}

fn man_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("man"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    pages
}

#[test]
fn man_pages_have_the_extra_sections() {
    let top = std::fs::read_to_string(root().join("man/backfix.1")).unwrap();
    for section in [
        "EXAMPLES",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "HEALTH NOTICE",
        "SEE ALSO",
    ] {
        assert!(
            top.contains(&format!(".SH {section}")),
            "backfix.1 lacks {section}"
        );
    }
    for var in [
        "NO_COLOR",
        "BACKFIX_CONFIG_DIR",
        "BACKFIX_DATA_DIR",
        "BACKFIX_STATE_DIR",
    ] {
        assert!(top.contains(var), "backfix.1 lacks {var}");
    }
    let pages = man_pages();
    assert!(pages.len() >= 8, "{pages:?}");
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap();
        for section in ["EXAMPLES", "EXIT STATUS", "HEALTH NOTICE", "SEE ALSO"] {
            assert!(
                text.contains(&format!(".SH {section}")),
                "{} lacks {section}",
                page.display()
            );
        }
    }
}

#[test]
fn mandoc_lint_is_clean() {
    if !common::require(&["mandoc"], "mandoc_lint_is_clean") {
        return;
    }
    for page in man_pages() {
        let (ok, report) =
            common::report(Command::new("mandoc").args(["-Tlint", "-Wall"]).arg(&page));
        assert!(
            ok && report.trim().is_empty(),
            "{}:\n{report}",
            page.display()
        );
    }
}

fn bash_complete(line: &str) -> Vec<String> {
    let script = format!(
        r#"source /usr/share/bash-completion/bash_completion 2>/dev/null
source {}
COMP_LINE="{line}"
read -r -a COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_POINT=${{#COMP_LINE}}
_backfix backfix "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        root().join("completions/backfix.bash").display()
    );
    common::shell_lines("bash", &["--norc"], &script)
}

#[test]
fn bash_completes_subcommands_and_names() {
    if !common::require(&["bash"], "bash completion") {
        return;
    }
    assert_eq!(bash_complete("backfix sh"), ["show"]);
    assert_eq!(bash_complete("backfix show cl"), ["clamshell"]);
    let routine = bash_complete("backfix routine sc");
    assert_eq!(routine, ["sciatica"]);
    assert!(bash_complete("backfix routine --mo").contains(&"--morning-stiffness".to_string()));
}

fn fish_complete(line: &str) -> Vec<String> {
    let script = format!(
        "source {}; complete -C '{line}'",
        root().join("completions/backfix.fish").display()
    );
    common::shell_lines("fish", &["--no-config"], &script)
        .iter()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn fish_completes_subcommands_and_names() {
    if !common::require(&["fish"], "fish completion") {
        return;
    }
    assert!(fish_complete("backfix sh").contains(&"show".to_string()));
    assert!(fish_complete("backfix show cl").contains(&"clamshell".to_string()));
    assert!(fish_complete("backfix routine ").contains(&"outer-hip".to_string()));
}

/// zsh completion needs an interactive shell: run one in tmux and press Tab.
#[test]
fn zsh_completes_subcommands_and_names() {
    if !common::require(&["zsh", "tmux"], "zsh completion") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let rc = dir.path().join(".zshrc");
    std::fs::write(
        &rc,
        format!(
            "fpath=({} $fpath)\nautoload -U compinit\ncompinit -u -d {}/zcompdump\nPS1='zsh-ready%% '\n",
            root().join("completions").display(),
            dir.path().display()
        ),
    )
    .unwrap();
    let zdotdir = format!("ZDOTDIR={}", dir.path().display());
    let tmux = common::Tmux::start(120, 20, &["env", &zdotdir, "TERM=xterm", "zsh", "-i"]);
    let wait = |needle: &str| {
        tmux.wait_for(needle);
    };
    wait("zsh-ready%");
    tmux.send(&["backfix sh", "Tab"]);
    wait("backfix show");
    tmux.send(&["cl", "Tab"]);
    wait("backfix show clamshell");
    tmux.send(&["C-u", "backfix routine outer", "Tab"]);
    wait("backfix routine outer-hip");
}

/// `remind --for <TAB>` offers complaints, never file names (the project
/// root, where the shells run, has `scripts/` and `src/` to tempt them).
#[test]
fn remind_for_completes_complaints_in_bash_and_fish() {
    if common::require(&["bash"], "bash completion of remind --for") {
        assert_eq!(bash_complete("backfix remind --for s"), ["sciatica"]);
        assert_eq!(
            bash_complete("backfix remind install --for s"),
            ["sciatica"]
        );
        let all = bash_complete("backfix remind --for ");
        assert!(all.contains(&"outer-hip".to_string()), "{all:?}");
        assert!(
            !all.iter().any(|c| c == "src" || c == "Cargo.toml"),
            "{all:?}"
        );
    }
    if common::require(&["fish"], "fish completion of remind --for") {
        assert_eq!(fish_complete("backfix remind --for s"), ["sciatica"]);
        assert_eq!(
            fish_complete("backfix remind install --for s"),
            ["sciatica"]
        );
    }
}

#[test]
fn remind_for_completes_complaints_in_zsh() {
    if !common::require(&["zsh", "tmux"], "zsh completion of remind --for") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".zshrc"),
        format!(
            "fpath=({} $fpath)\nautoload -U compinit\ncompinit -u -d {}/zcompdump\nPS1='zsh-ready%% '\n",
            root().join("completions").display(),
            dir.path().display()
        ),
    )
    .unwrap();
    // Files beginning like a complaint, in the directory the shell starts in.
    std::fs::write(dir.path().join("sciatica-notes.txt"), "").unwrap();
    std::fs::write(dir.path().join("outer-notes.txt"), "").unwrap();
    let zdotdir = format!("ZDOTDIR={}", dir.path().display());
    let cd = format!("cd {} && exec zsh -i", dir.path().display());
    let tmux = common::Tmux::start(120, 20, &["env", &zdotdir, "TERM=xterm", "sh", "-c", &cd]);
    tmux.wait_for("zsh-ready%");
    tmux.send(&["backfix remind --for outer", "Tab"]);
    let screen = tmux.wait_for("backfix remind --for outer-hip");
    assert!(!screen.contains("outer-notes"), "{screen}");
    tmux.send(&["C-u", "backfix remind install --for sci", "Tab"]);
    let screen = tmux.wait_for("backfix remind install --for sciatica");
    assert!(!screen.contains("sciatica-notes"), "{screen}");
}

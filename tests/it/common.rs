//! Helpers shared by the integration tests: the real binary in a clean
//! environment (temporary HOME and XDG dirs, no colour variables).

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub struct Env {
    pub home: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.home.path().join("config/backfix")
    }

    pub fn data(&self) -> PathBuf {
        self.home.path().join("data/backfix")
    }

    pub fn state(&self) -> PathBuf {
        self.home.path().join("state/backfix")
    }

    /// The binary with a clean environment rooted in this temp HOME.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("backfix").expect("binary");
        c.env_clear();
        apply(&mut c, self.home.path());
        c
    }

    /// The same environment, as `(name, value)` pairs for other launchers.
    pub fn vars(&self) -> Vec<(String, String)> {
        vars(self.home.path())
    }

    /// The clean environment as shell assignments (`K='v' ...`), for a
    /// command line run through `sh -c` (in tmux, or with `env -i`).
    pub fn shell_vars(&self) -> String {
        self.vars()
            .iter()
            .map(|(k, v)| format!("{k}='{v}' "))
            .collect()
    }
}

pub fn vars(home: &Path) -> Vec<(String, String)> {
    let h = home.display().to_string();
    #[allow(unused_mut)]
    let mut v = vec![
        ("HOME".into(), h.clone()),
        ("PATH".into(), std::env::var("PATH").unwrap_or_default()),
        ("XDG_CONFIG_HOME".into(), format!("{h}/config")),
        ("XDG_DATA_HOME".into(), format!("{h}/data")),
        ("XDG_STATE_HOME".into(), format!("{h}/state")),
        ("LANG".into(), "C.UTF-8".into()),
        // Windows has no XDG variables: its folders come from the system, so
        // the backfix variables keep each test in its own temp HOME.
        #[cfg(windows)]
        ("BACKFIX_CONFIG_DIR".into(), shown(home, "config/backfix")),
        #[cfg(windows)]
        ("BACKFIX_DATA_DIR".into(), shown(home, "data/backfix")),
        #[cfg(windows)]
        ("BACKFIX_STATE_DIR".into(), shown(home, "state/backfix")),
        #[cfg(windows)]
        ("BACKFIX_AUTOSTART_DIR".into(), shown(home, "autostart")),
    ];
    // A Windows process started without SystemRoot cannot load some system
    // libraries.
    #[cfg(windows)]
    for k in ["SystemRoot", "windir", "TEMP", "TMP"] {
        if let Ok(val) = std::env::var(k) {
            v.push((k.into(), val));
        }
    }
    v
}

/// `home` joined with `rest`, as the tests' own paths print.
#[cfg(windows)]
fn shown(home: &Path, rest: &str) -> String {
    home.join(rest).display().to_string()
}

fn apply(c: &mut Command, home: &Path) {
    for (k, v) in vars(home) {
        c.env(k, v);
    }
}

/// Compare `actual` with `tests/golden/<name>`; `BACKFIX_BLESS=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BACKFIX_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with BACKFIX_BLESS=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "output differs from {}; if the change is intended, rerun with BACKFIX_BLESS=1\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

/// Whether a program is on PATH.
pub fn have(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// Skip (with a visible note) when a tool is missing, unless CI demands it.
/// On Windows (the suite runs under Wine in CI) every such test is skipped
/// with its reason, CI or not: the tools are Unix desktop and shell programs
/// (shells, mandoc, tmux, D-Bus, dunst, Xvfb, Chromium) that the Linux run
/// of the same tests drives.
pub fn require(programs: &[&str], test: &str) -> bool {
    if cfg!(windows) {
        eprintln!(
            "SKIPPED {test}: needs {programs:?}, Unix desktop or shell programs; on Windows these tests do not run (the Linux run covers them)"
        );
        return false;
    }
    let missing: Vec<&&str> = programs.iter().filter(|p| !have(p)).collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var_os("BACKFIX_REQUIRE_ALL").is_some() {
        panic!("{test}: {missing:?} not installed, and BACKFIX_REQUIRE_ALL is set");
    }
    eprintln!(
        "SKIPPED {test}: {missing:?} not installed (set BACKFIX_REQUIRE_ALL=1 to make this a failure)"
    );
    false
}

/// Poll `ok` every 100 ms until it holds; panic after `limit`.
pub fn wait_until(limit: std::time::Duration, what: &str, mut ok: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Run a shell with a script; its stdout lines, trimmed, empty ones dropped.
pub fn shell_lines(shell: &str, flags: &[&str], script: &str) -> Vec<String> {
    let out = std::process::Command::new(shell)
        .args(flags)
        .arg("-c")
        .arg(script)
        .output()
        .expect(shell);
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A tmux server of the test's own, running one command in a real terminal.
pub struct Tmux {
    sock: PathBuf,
    _dir: TempDir,
}

impl Tmux {
    pub fn start(cols: u16, rows: u16, command: &[&str]) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Tmux {
            sock: dir.path().join("tmux.sock"),
            _dir: dir,
        };
        let mut args = vec!["-f", "/dev/null", "new-session", "-d"];
        let (c, r) = (cols.to_string(), rows.to_string());
        args.extend(["-x", &c, "-y", &r]);
        args.extend(command);
        let out = t.run(&args);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.sock)
            .args(args)
            .output()
            .expect("tmux")
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        self.run(&args);
    }

    /// Make the window `cols` x `rows`, as a user dragging its edge would.
    pub fn resize(&self, cols: u16, rows: u16) {
        let (c, r) = (cols.to_string(), rows.to_string());
        self.run(&["resize-window", "-x", &c, "-y", &r]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).to_string()
    }

    /// The screen once it shows `needle`; panics with the screen after 15 s.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = std::time::Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(15),
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Run a checker; whether it succeeded, and everything it printed.
pub fn report(cmd: &mut std::process::Command) -> (bool, String) {
    let out = cmd.output().expect("run checker");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

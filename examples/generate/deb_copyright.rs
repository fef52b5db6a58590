//! `data/debian/copyright`, the Debian package's machine-readable copyright
//! file (DEP-5): backfix itself, and every crate statically linked into the
//! Linux binary, with the copyright lines from the crate's own licence files
//! and the text of each licence. Built from `cargo metadata` (Cargo.lock) and
//! the crates' sources in Cargo's registry, so it follows every dependency
//! change; `tests/it/generated.rs` fails when the committed file is stale.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the committed file lives (cargo-deb installs it as
/// /usr/share/doc/backfix/copyright).
pub const PATH: &str = "data/debian/copyright";

/// The target the Debian package is built for; only crates linked there count.
const TARGET: &str = "x86_64-unknown-linux-gnu";

const MIT: &str = "Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the \"Software\"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.";

struct Crate {
    name: String,
    version: String,
    license: String,
    dir: PathBuf,
    authors: Vec<String>,
}

/// An SPDX expression in DEP-5's words: "or"/"and", and the one "WITH"
/// exception used by these crates as its own short name.
fn dep5_license(spdx: &str) -> String {
    spdx.replace(
        "Apache-2.0 WITH LLVM-exception",
        "Apache-2.0-with-LLVM-exception",
    )
    .replace('/', " OR ")
    .replace(" OR ", " or ")
    .replace(" AND ", " and ")
}

/// The short names an expression uses.
fn names(expr: &str) -> impl Iterator<Item = &str> {
    expr.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty() && *w != "or" && *w != "and")
}

/// The crates linked into the binary: backfix's normal (not build or dev)
/// dependencies, followed transitively, for the Linux target.
fn linked_crates(root: &Path) -> Result<Vec<Crate>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            TARGET,
        ])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let m: Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    let packages: HashMap<&str, &Value> = m["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: HashMap<&str, &Value> = m["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let root_id = m["resolve"]["root"].as_str().ok_or("no root package")?;
    let mut seen = BTreeSet::new();
    let mut stack = vec![root_id];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes
            .get(id)
            .and_then(|n| n["deps"].as_array())
            .into_iter()
            .flatten()
        {
            let normal = dep["dep_kinds"]
                .as_array()
                .is_some_and(|ks| ks.iter().any(|k| k["kind"].is_null()));
            if normal && let Some(pkg) = dep["pkg"].as_str() {
                stack.push(pkg);
            }
        }
    }
    let mut crates = Vec::new();
    for id in seen.into_iter().filter(|id| *id != root_id) {
        let p = packages.get(id).ok_or_else(|| format!("no package {id}"))?;
        let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
        let manifest = PathBuf::from(s("manifest_path"));
        crates.push(Crate {
            name: s("name"),
            version: s("version"),
            license: s("license"),
            dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
            authors: p["authors"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str())
                .map(|a| a.split(" <").next().unwrap_or(a).to_string())
                .collect(),
        });
    }
    crates.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    Ok(crates)
}

/// The crate's licence and copyright files.
fn licence_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().to_uppercase())
                .unwrap_or_default();
            p.is_file()
                && (n.starts_with("LICEN")
                    || n.starts_with("COPYING")
                    || n.starts_with("COPYRIGHT")
                    || n.starts_with("UNLICENSE"))
        })
        .collect();
    files.sort();
    files
}

/// Copyright lines from the crate's licence files (not the Apache licence's
/// "Copyright [yyyy] [name of copyright owner]" template), else its authors,
/// else "the NAME authors".
fn copyright(c: &Crate) -> Vec<String> {
    let mut lines = BTreeSet::new();
    for f in licence_files(&c.dir) {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        for (i, line) in all.iter().enumerate() {
            let t = line.trim();
            let lower = t.to_lowercase();
            if !lower.starts_with("copyright") || t.contains('[') || t.contains('{') {
                continue;
            }
            let rest = t["copyright".len()..].trim_start_matches([' ', ':']);
            let rest = rest
                .trim_start_matches("(c)")
                .trim_start_matches("(C)")
                .trim_start_matches('©')
                .trim();
            // "Copyright notice", "copyright owner" and the like are prose.
            if rest.is_empty()
                || !rest
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_digit() || ch.is_uppercase())
                || rest.starts_with("License")
                || rest.starts_with("Notice")
                || rest.starts_with("AND ")
            {
                continue;
            }
            // "Copyright 2016--2023" with the holder on the next line.
            if rest
                .chars()
                .all(|ch| ch.is_ascii_digit() || "-, ".contains(ch))
            {
                let next = all.get(i + 1).map_or("", |l| l.trim());
                let holder = match (next.is_empty(), c.authors.is_empty()) {
                    (false, _) => next.to_string(),
                    (true, false) => c.authors.join(", "),
                    (true, true) => format!("the {} authors", c.name),
                };
                lines.insert(format!("{rest} {holder}"));
                continue;
            }
            lines.insert(rest.to_string());
        }
    }
    if lines.is_empty() {
        if c.authors.is_empty() {
            return vec![format!("the {} authors", c.name)];
        }
        return c.authors.clone();
    }
    lines.into_iter().collect()
}

/// A licence's text, from the first crate (in name order) that ships it.
fn text_from_crates(crates: &[Crate], file_has: &str, licence: &str) -> Result<String, String> {
    for c in crates {
        for f in licence_files(&c.dir) {
            let n = f
                .file_name()
                .map(|n| n.to_string_lossy().to_uppercase())
                .unwrap_or_default();
            if n.contains(file_has) {
                return std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()));
            }
        }
    }
    Err(format!(
        "no crate ships the {licence} text (a file named *{file_has}*)"
    ))
}

fn indent(text: &str) -> String {
    let mut out = String::new();
    for line in text.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push_str(" .\n");
        } else {
            out.push(' ');
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The file's content.
pub fn generate(root: &Path) -> Result<String, String> {
    let crates = linked_crates(root)?;
    let mut out = String::from(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\
         Upstream-Name: backfix\n\
         Upstream-Contact: The backfix contributors\n\
         Comment: Generated by `cargo run --example generate` from Cargo.lock and the\n \
         crates' own licence files. /usr/bin/backfix is statically linked with the\n \
         Rust crates listed below; each one's source is at\n \
         https://crates.io/crates/NAME/VERSION.\n\
         \n\
         Files: *\n\
         Copyright: 2026 The backfix contributors\n\
         License: MIT or Apache-2.0\n",
    );
    let mut used: BTreeMap<String, ()> = BTreeMap::new();
    used.insert("MIT".into(), ());
    used.insert("Apache-2.0".into(), ());
    for c in &crates {
        let licence = dep5_license(&c.license);
        if licence.is_empty() {
            return Err(format!("{} {} declares no licence", c.name, c.version));
        }
        for n in names(&licence) {
            used.insert(n.to_string(), ());
        }
        out.push_str(&format!(
            "\nFiles: rust-crates/{}-{}/*\nCopyright:",
            c.name, c.version
        ));
        for (i, line) in copyright(c).iter().enumerate() {
            out.push_str(if i == 0 { " " } else { "\n " });
            out.push_str(line);
        }
        out.push_str(&format!("\nLicense: {licence}\n"));
    }
    for name in used.keys() {
        let body = match name.as_str() {
            "MIT" => indent(MIT),
            "Apache-2.0" => indent(
                "On Debian systems, the full text of the Apache License, Version 2.0,\n\
                 is in /usr/share/common-licenses/Apache-2.0.",
            ),
            "MPL-2.0" => indent(
                "On Debian systems, the full text of the Mozilla Public License,\n\
                 Version 2.0, is in /usr/share/common-licenses/MPL-2.0.",
            ),
            "Apache-2.0-with-LLVM-exception" => {
                let t = text_from_crates(&crates, "LLVM-EXCEPTION", name)?;
                let exception = t
                    .find("--- LLVM Exceptions")
                    .map_or(t.as_str(), |i| &t[i..]);
                indent(&format!(
                    "The Apache License, Version 2.0 (on Debian systems in\n\
                     /usr/share/common-licenses/Apache-2.0), with this exception:\n\n{exception}"
                ))
            }
            "Unlicense" => indent(&text_from_crates(&crates, "UNLICENSE", name)?),
            "Unicode-3.0" => indent(&text_from_crates(&crates, "UNICODE", name)?),
            other => {
                return Err(format!(
                    "no licence text for {other}: add it to {}",
                    file!()
                ));
            }
        };
        out.push_str(&format!("\nLicense: {name}\n{body}"));
    }
    Ok(out)
}

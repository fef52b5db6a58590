//! `backfix list`

use crate::catalog::filter::{Filter, select};
use crate::catalog::matching::simplify;
use crate::cli::ListArgs;
use crate::error::{EXIT_FAILURE, Error, Result};
use crate::model::Exercise;
use crate::output::{self, Out, clean_line, fit};

pub fn run(out: &mut Out, args: &ListArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    if args
        .target
        .as_deref()
        .is_some_and(|t| simplify(t).is_empty())
    {
        return Err(Error::usage(
            "--target needs a word, such as glute or hamstring",
        ));
    }
    let filter = Filter {
        category: args.category.map(Into::into),
        desk: args.desk,
        target: args.target.as_deref(),
    };
    let rows = select(&catalog, &filter);
    if args.json {
        // Like grep and ripgrep: an empty result is still valid JSON, and exit 1.
        output::json(out, &rows)?;
        return Ok(if rows.is_empty() { EXIT_FAILURE } else { 0 });
    }
    if rows.is_empty() {
        return Err(Error::failure("no exercises match those filters")
            .with_hint("try fewer filters, or `backfix search <word>` to look in every field"));
    }
    let table = Table::new(&rows, out.width);
    out.styled_line(output::TITLE, &table.header())?;
    for e in rows {
        let (id, rest) = table.row(e);
        out.styled(output::CODE, &id)?;
        out.line(&rest)?;
    }
    Ok(0)
}

/// Column widths for the list, fitted to the output width: the targets
/// column shrinks first, then goes; then the name shrinks, then the
/// category goes; ids are cut last. Every cell is cleaned before it is
/// measured or cut, so a cut never splits an escape sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub width: usize,
    pub id_w: usize,
    pub name_w: usize,
    pub cat_w: Option<usize>,
    pub targets_w: Option<usize>,
}

const GAP: usize = 2;
/// The narrowest targets column worth showing.
const MIN_TARGETS: usize = 12;
const MIN_NAME: usize = 10;
/// Longer names are cut even on a wide terminal.
const MAX_NAME: usize = 34;

impl Table {
    pub fn new(rows: &[&Exercise], width: usize) -> Table {
        let widest = |f: &dyn Fn(&Exercise) -> usize, header: &str| {
            rows.iter()
                .map(|e| f(e))
                .max()
                .unwrap_or(0)
                .max(display_width(header))
        };
        let id_w = widest(&|e| display_width(&clean_line(&e.id)), "ID");
        let name_w = widest(&|e| display_width(&clean_line(&e.name)), "NAME").min(MAX_NAME);
        let cat_w = widest(&|e| e.category.label().len(), "CATEGORY");
        let targets = widest(
            &|e| display_width(&clean_line(&e.targets.join(", "))),
            "TARGETS",
        );
        let fixed = id_w + GAP + name_w + GAP + cat_w;
        let mut t = Table {
            width,
            id_w: id_w.min(width),
            name_w,
            cat_w: Some(cat_w),
            targets_w: None,
        };
        if fixed + GAP + MIN_TARGETS.min(targets) <= width {
            t.targets_w = Some(targets.min(width - fixed - GAP));
            return t;
        }
        if fixed <= width {
            return t;
        }
        // Shrink the name, then drop the category, then shrink the name again.
        let room = width.saturating_sub(id_w + GAP + cat_w + GAP);
        if room >= MIN_NAME {
            t.name_w = room.min(name_w);
            return t;
        }
        t.cat_w = None;
        t.name_w = width.saturating_sub(t.id_w + GAP).min(name_w);
        t
    }

    fn cells(&self, id: &str, name: &str, cat: &str, targets: &str) -> (String, String) {
        let mut rest = String::new();
        let mut push = |cell: &str, w: usize, last: bool| {
            rest.push_str(&" ".repeat(GAP));
            let cell = fit(cell, w);
            rest.push_str(&cell);
            if !last {
                rest.push_str(&" ".repeat(w.saturating_sub(display_width(&cell))));
            }
        };
        let id_cell = fit(id, self.id_w);
        let mut id_cell_padded = id_cell.clone();
        id_cell_padded.push_str(&" ".repeat(self.id_w.saturating_sub(display_width(&id_cell))));
        if self.name_w > 0 {
            push(
                name,
                self.name_w,
                self.cat_w.is_none() && self.targets_w.is_none(),
            );
        }
        if let Some(w) = self.cat_w {
            push(cat, w, self.targets_w.is_none());
        }
        if let Some(w) = self.targets_w {
            push(targets, w, true);
        }
        let rest = rest.trim_end().to_string();
        if rest.trim().is_empty() {
            return (id_cell, String::new());
        }
        (id_cell_padded, rest)
    }

    pub fn header(&self) -> String {
        let (id, rest) = self.cells("ID", "NAME", "CATEGORY", "TARGETS");
        format!("{id}{rest}")
    }

    /// The id cell (styled apart) and the rest of the row.
    pub fn row(&self, e: &Exercise) -> (String, String) {
        self.cells(
            &clean_line(&e.id),
            &clean_line(&e.name),
            e.category.label(),
            &clean_line(&e.targets.join(", ")),
        )
    }
}

fn display_width(s: &str) -> usize {
    textwrap::core::display_width(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn rows(c: &Catalog) -> Vec<&Exercise> {
        c.exercises.iter().collect()
    }

    #[test]
    fn every_row_fits_every_width() {
        let c = Catalog::builtin();
        let mut hostile = c.exercises[0].clone();
        hostile.id = "x\u{1b}]0;TITLE\u{7}-very-long-identifier-for-a-user-record".into();
        hostile.name = "名前\u{1b}[2J with wide characters and an escape".into();
        let mut all = rows(&c);
        all.push(&hostile);
        for width in [20, 30, 40, 60, 80, 100, 160] {
            let t = Table::new(&all, width);
            let header = t.header();
            assert!(display_width(&header) <= width, "{width}: {header:?}");
            for e in &all {
                let (id, rest) = t.row(e);
                let line = format!("{id}{rest}");
                assert!(display_width(&line) <= width, "{width}: {line:?}");
                assert!(!line.chars().any(char::is_control), "{line:?}");
            }
        }
    }

    #[test]
    fn targets_go_first_then_category() {
        let c = Catalog::builtin();
        let all = rows(&c);
        assert!(Table::new(&all, 100).targets_w.is_some());
        let t = Table::new(&all, 60);
        assert!(t.targets_w.is_none() && t.cat_w.is_some());
        let t = Table::new(&all, 40);
        assert!(t.targets_w.is_none());
        assert!(t.name_w >= MIN_NAME || t.cat_w.is_none());
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("名前名前", 5), "名前…");
        assert_eq!(fit("abc", 0), "");
    }
}

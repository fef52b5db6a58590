//! `backfix list`

use crate::catalog::Catalog;
use crate::cli::ListArgs;
use crate::error::{Error, Result};
use crate::model::{Category, Exercise};
use crate::output::{self, Out};

/// The exercises that pass the filters, ordered by category then name.
pub fn select<'a>(catalog: &'a Catalog, args: &ListArgs) -> Vec<&'a Exercise> {
    let category: Option<Category> = args.category.map(Into::into);
    let target = args.target.as_deref().map(crate::matching::normalize);
    let mut rows: Vec<&Exercise> = catalog
        .exercises
        .iter()
        .filter(|e| category.is_none_or(|c| e.category == c))
        .filter(|e| !args.desk || e.desk)
        .filter(|e| {
            target.as_deref().is_none_or(|t| {
                e.targets
                    .iter()
                    .any(|x| crate::matching::normalize(x).contains(t))
                    || crate::matching::normalize(&e.name).contains(t)
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        a.category
            .cmp(&b.category)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    rows
}

pub fn run(out: &mut Out, args: &ListArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let rows = select(&catalog, args);
    if rows.is_empty() {
        return Err(Error::usage("no exercises match those filters")
            .with_hint("try fewer filters, or `backfix search <word>` to look in every field"));
    }
    if args.json {
        output::json(out, &rows)?;
        return Ok(0);
    }
    let id_w = rows
        .iter()
        .map(|e| e.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let name_w = rows
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    let cat_w = rows
        .iter()
        .map(|e| e.category.label().len())
        .max()
        .unwrap_or(8)
        .max(8);
    let fixed = id_w + name_w + cat_w + 6;
    out.styled_line(
        output::TITLE,
        &format!(
            "{:id_w$}  {:name_w$}  {:cat_w$}  TARGETS",
            "ID", "NAME", "CATEGORY"
        ),
    )?;
    for e in rows {
        let targets = e.targets.join(", ");
        let targets = if out.is_terminal {
            fit(&targets, out.width.saturating_sub(fixed).max(10))
        } else {
            targets
        };
        out.styled(output::CODE, &format!("{:id_w$}", e.id))?;
        out.line(&format!(
            "  {:name_w$}  {:cat_w$}  {targets}",
            fit(&e.name, name_w),
            e.category.label()
        ))?;
    }
    Ok(0)
}

/// Cut `s` to `width` characters, marking the cut.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        format!(
            "{}…",
            s.chars().take(width.saturating_sub(1)).collect::<String>()
        )
    }
}

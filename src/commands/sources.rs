//! `backfix sources`: the references the catalogue cites, in full.

use crate::catalog::Catalog;
use crate::catalog::matching::{Resolution, resolve};
use crate::cli::SourcesArgs;
use crate::error::{Error, Result};
use crate::model::Named;
use crate::model::{Source, SourceKind, Str};
use crate::output::{self, Out, clean, clean_line};
use serde::Serialize;

impl Named for Source {
    fn id(&self) -> &str {
        &self.id
    }
    fn display_name(&self) -> &str {
        &self.short
    }
    fn aliases(&self) -> &[Str] {
        &[]
    }
}

/// A source as printed and as `--json` (also in `show --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation<'a> {
    pub id: &'a str,
    /// The short form used on cards.
    pub short: &'a str,
    /// Authors, title, journal or publisher, volume and pages.
    pub citation: &'a str,
    /// Year of publication; absent when the data does not give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The kind of evidence, as in the data (`systematic-review`).
    pub kind: SourceKind,
    /// The kind of evidence in words (`systematic review`).
    pub evidence: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<&'a str>,
    /// Where to read it: `https://doi.org/<doi>` when there is a DOI, else the URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl<'a> From<&'a Source> for Citation<'a> {
    fn from(s: &'a Source) -> Self {
        let doi = s.doi.as_deref().map(str::trim).filter(|d| !d.is_empty());
        Citation {
            id: &s.id,
            short: &s.short,
            citation: &s.citation,
            year: (s.year != 0).then_some(s.year),
            kind: s.kind,
            evidence: s.kind.label(),
            doi,
            link: doi
                .map(doi_link)
                .or_else(|| s.url.as_deref().map(String::from)),
        }
    }
}

/// A DOI as a link; one already written as a link is kept.
pub fn doi_link(doi: &str) -> String {
    if doi.starts_with("https://") || doi.starts_with("http://") {
        doi.to_string()
    } else {
        format!("https://doi.org/{}", doi.trim_start_matches("doi:"))
    }
}

/// The sources to print: all, or those the id names (an exact or unique id,
/// or every source a partial id fits, such as `leap`).
pub fn select<'a>(catalog: &'a Catalog, id: Option<&str>) -> Result<Vec<&'a Source>> {
    let sources = catalog.sources;
    let Some(query) = id else {
        return Ok(sources.iter().collect());
    };
    if crate::catalog::matching::normalize(query).is_empty() {
        return Err(super::no_name("source", "backfix sources"));
    }
    match resolve(query, sources) {
        Resolution::Found(i) => Ok(vec![&sources[i]]),
        Resolution::Ambiguous(hits) => Ok(hits.iter().map(|&i| &sources[i]).collect()),
        Resolution::NotFound { suggestions } => {
            Err(
                Error::failure(format!("no source called '{}'", super::shown(query))).with_hint(
                    super::suggestion_hint(sources, &suggestions, "backfix sources"),
                ),
            )
        }
    }
}

pub fn run(out: &mut Out, args: &SourcesArgs) -> Result<u8> {
    let catalog = super::load_catalog();
    let chosen = select(&catalog, args.id.as_deref())?;
    let citations: Vec<Citation> = chosen.into_iter().map(Citation::from).collect();
    if args.json {
        output::json(out, &citations)?;
        return Ok(0);
    }
    for (i, c) in citations.iter().enumerate() {
        if i > 0 {
            out.blank()?;
        }
        entry(out, c)?;
    }
    Ok(0)
}

/// One reference: id, kind and year; the citation; the link.
fn entry(out: &mut Out, c: &Citation) -> std::io::Result<()> {
    let year = c
        .year
        .map_or_else(|| "no date".to_string(), |y| y.to_string());
    out.styled(output::CODE, &clean_line(c.id))?;
    out.styled_line(output::DIM, &format!("  {} · {year}", c.evidence))?;
    out.para(2, &clean(c.citation))?;
    match &c.link {
        Some(link) => out.para(2, &clean_line(link))?,
        None => out.styled_line(output::DIM, "  (no DOI or link given)")?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(doi: Option<&'static str>, url: Option<&'static str>, year: u16) -> Source {
        Source {
            id: "x-2020".into(),
            short: "X 2020".into(),
            citation: "X A. A title. J 2020;1:1-2.".into(),
            year,
            kind: SourceKind::Trial,
            doi: doi.map(Into::into),
            url: url.map(Into::into),
        }
    }

    #[test]
    fn a_doi_becomes_a_link_and_wins_over_a_url() {
        let s = source(Some("10.1/abc"), Some("https://example.org"), 2020);
        let c = Citation::from(&s);
        assert_eq!(c.link.as_deref(), Some("https://doi.org/10.1/abc"));
        assert_eq!(c.evidence, "trial");
        assert_eq!(c.year, Some(2020));
        let s = source(None, Some("https://example.org"), 0);
        let c = Citation::from(&s);
        assert_eq!(c.link.as_deref(), Some("https://example.org"));
        assert_eq!(c.year, None, "a year of 0 means no date");
        assert_eq!(doi_link("doi:10.2/x"), "https://doi.org/10.2/x");
    }

    #[test]
    fn select_finds_one_many_or_none() {
        let c = Catalog::builtin();
        assert_eq!(select(&c, None).unwrap().len(), c.sources.len());
        let first = &c.sources[0].id;
        assert_eq!(select(&c, Some(first)).unwrap()[0].id, *first);
        let err = select(&c, Some("zzzz-no-such")).unwrap_err();
        assert_eq!(err.code, crate::error::EXIT_FAILURE);
        assert_eq!(
            select(&c, Some("  ")).unwrap_err().code,
            crate::error::EXIT_USAGE
        );
    }
}

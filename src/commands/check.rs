//! `backfix check`: yes/no questions over the emergency and urgent signs.

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::TierId;
use crate::output::{self, Out};
use std::io::BufRead;

pub const EXIT_URGENT: u8 = 3;
pub const EXIT_EMERGENCY: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

/// Read "y"/"yes"/"n"/"no" (any case); anything else is `None`.
pub fn parse_answer(s: &str) -> Option<Answer> {
    match s.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Some(Answer::Yes),
        "n" | "no" => Some(Answer::No),
        _ => None,
    }
}

pub fn run(out: &mut Out) -> Result<u8> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    check(out, &mut input)
}

/// The check itself, over any input (tests feed it a byte slice).
pub fn check(out: &mut Out, input: &mut dyn BufRead) -> Result<u8> {
    let catalog = Catalog::builtin();
    out.styled_line(output::TITLE, "Back pain warning-sign check")?;
    out.para(0, super::redflags::AGE_NOTE)?;
    out.para(0, "Answer y or n to each question. This does not diagnose anything; it tells you how soon to get help.")?;
    let mut line = String::new();
    for tier in catalog
        .tiers
        .iter()
        .filter(|t| matches!(t.id, TierId::Emergency | TierId::Urgent))
    {
        let mut yes = Vec::new();
        for sign in tier.signs.iter() {
            let Some(q) = &sign.question else { continue };
            loop {
                out.blank()?;
                out.para(0, q)?;
                out.styled(output::DIM, "[y/n] ")?;
                out.flush()?;
                line.clear();
                if input.read_line(&mut line)? == 0 {
                    out.blank()?;
                    return Err(Error::usage("the answers ran out before the last question")
                        .with_hint("answer every question with y or n, one per line"));
                }
                match parse_answer(&line) {
                    Some(Answer::Yes) => {
                        yes.push(sign.text.clone());
                        break;
                    }
                    Some(Answer::No) => break,
                    None => out.styled_line(output::WARN, "Please answer y or n.")?,
                }
            }
            // One sign is enough to say how soon to get help.
            if !yes.is_empty() {
                break;
            }
        }
        if !yes.is_empty() {
            out.blank()?;
            out.styled_line(super::redflags::tier_style(tier.id), &tier.title)?;
            out.para(0, "You said yes to:")?;
            for s in &yes {
                out.hanging(2, "!", s, super::redflags::tier_style(tier.id))?;
            }
            out.hanging(0, "->", &tier.action, output::TITLE)?;
            return Ok(if tier.id == TierId::Emergency {
                EXIT_EMERGENCY
            } else {
                EXIT_URGENT
            });
        }
    }
    out.blank()?;
    out.styled_line(output::GOOD, "No warning signs reported.")?;
    out.para(
        0,
        "That is reassuring, but it is not a diagnosis. If anything changes, check again.",
    )?;
    if let Some(review) = catalog.tiers.iter().find(|t| t.id == TierId::Review) {
        out.para(0, "Book a GP or physiotherapist appointment if:")?;
        for s in review.signs.iter() {
            out.hanging(2, "-", &s.text, output::DIM)?;
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert_eq!(parse_answer(" Y\n"), Some(Answer::Yes));
        assert_eq!(parse_answer("no"), Some(Answer::No));
        assert_eq!(parse_answer("maybe"), None);
        assert_eq!(parse_answer(""), None);
    }
}

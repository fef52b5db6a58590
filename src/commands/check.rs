//! `backfix check`: who it is for (age, pregnancy), then yes/no questions
//! over the emergency and urgent signs. A check that reaches an outcome is
//! kept in the record (kind `check`, see `crate::record`); one that stops on
//! unusable or missing answers is not.

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::TierId;
use crate::output::{self, Out};
use crate::record::{CheckDone, CheckTier};
use crate::region::Setting;
use std::io::{BufRead, IsTerminal, Read};

pub const EXIT_URGENT: u8 = 3;
pub const EXIT_EMERGENCY: u8 = 4;
/// Under 16, or pregnant or recently given birth: the routines are not
/// designed for you; see a doctor or midwife.
pub const EXIT_NOT_FOR_YOU: u8 = 5;
/// Unusable answers in a row that end a check reading from a file or pipe.
pub const MAX_BAD_ANSWERS: usize = 3;
/// The longest answer line read; the rest of a longer one is unusable.
const MAX_LINE: u64 = 1024;

pub const AGE_QUESTION: &str = "Are you 16 or older?";
pub const PREGNANCY_QUESTION: &str =
    "Are you pregnant, or have you given birth in the last 6 months?";
pub const UNDER_16: &str = "backfix is for adults (16 and over). Back pain in a child or teenager should be checked by a doctor: please see a GP or your family doctor, and do not use these routines.";
pub const PREGNANCY_ADVICE: &str = "Tell your midwife or GP about back pain in pregnancy or after giving birth. backfix's routines are not designed for pregnancy; ask them which exercises suit you. Heavy bleeding or collapse in pregnancy is an emergency: call your emergency number now. Severe or unusual back pain, feeling faint, a change in your baby's movements, a fever, or a bad headache, problems with your vision or sudden swelling need your midwife or maternity unit the same day.";

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
    let interactive = stdin.is_terminal();
    let region = crate::region::load();
    let mut input = stdin.lock();
    let (code, done) = check(out, &mut input, interactive, &region)?;
    keep(done);
    Ok(code)
}

/// Keep a finished check in the record; a failure is a warning, never
/// changes the check's output or exit status.
fn keep(done: CheckDone) {
    let rec = crate::record::Record {
        time: crate::record::store::now(),
        entry: crate::record::Entry::Check(done),
    };
    if let Err(e) = crate::record::store::append_here(&rec) {
        output::warning(&format!(
            "cannot keep this check in the record: {e} (the answers above still stand)"
        ));
    }
}

/// Asks questions one at a time, counting them, and reads the answers.
struct Asker<'a> {
    input: &'a mut dyn BufRead,
    interactive: bool,
    n: usize,
    total: usize,
}

impl Asker<'_> {
    fn ask(&mut self, out: &mut Out, question: &str) -> Result<Answer> {
        self.n += 1;
        let mut bad = 0;
        loop {
            out.blank()?;
            out.styled_line(
                output::DIM,
                &format!("Question {} of {}", self.n, self.total),
            )?;
            out.para(0, &output::clean(question))?;
            out.styled(output::DIM, "[y/n] ")?;
            out.flush()?;
            let mut bytes = Vec::new();
            let read = Read::take(&mut *self.input, MAX_LINE).read_until(b'\n', &mut bytes)?;
            if read == 0 {
                out.blank()?;
                return Err(Error::usage(format!(
                    "the answers ran out at question {} of {}",
                    self.n, self.total
                ))
                .with_hint("answer every question with y or n, one per line"));
            }
            let answer = match std::str::from_utf8(&bytes) {
                Ok(text) => parse_answer(text),
                Err(_) if !self.interactive => {
                    out.blank()?;
                    return Err(Error::usage(format!(
                        "the answer to question {} of {} is not UTF-8 text",
                        self.n, self.total
                    ))
                    .with_hint("answer each question with y or n, one per line"));
                }
                Err(_) => None,
            };
            if let Some(a) = answer {
                return Ok(a);
            }
            bad += 1;
            if !self.interactive && bad >= MAX_BAD_ANSWERS {
                out.blank()?;
                let shown = String::from_utf8_lossy(&bytes);
                return Err(Error::usage(format!(
                    "{bad} answers in a row to question {} of {} were not y or n (the last was '{}')",
                    self.n,
                    self.total,
                    super::truncate(&output::clean_line(shown.trim()), 40)
                ))
                .with_hint("answer each question with y or n, one per line"));
            }
            out.styled_line(output::WARN, "Please answer y or n.")?;
        }
    }
}

/// The check itself, over any input (tests feed it a byte slice).
/// `interactive`: a person at a terminal, who may retry bad answers freely.
/// Returns the exit code and what to keep in the record.
pub fn check(
    out: &mut Out,
    input: &mut dyn BufRead,
    interactive: bool,
    region: &Setting,
) -> Result<(u8, CheckDone)> {
    let catalog = Catalog::builtin();
    let tiers: Vec<_> = catalog
        .tiers
        .iter()
        .filter(|t| matches!(t.id, TierId::Emergency | TierId::Urgent))
        .collect();
    let questions = tiers
        .iter()
        .flat_map(|t| t.signs.iter())
        .filter(|s| s.question.is_some())
        .count();
    out.styled_line(output::TITLE, "Back pain warning-sign check")?;
    out.para(0, "Answer y or n to each question. This does not diagnose anything; it tells you how soon to get help.")?;
    let mut ask = Asker {
        input,
        interactive,
        n: 0,
        total: questions + 2,
    };
    if ask.ask(out, AGE_QUESTION)? == Answer::No {
        out.blank()?;
        out.styled_line(output::WARN, "Not for under-16s")?;
        out.para(0, UNDER_16)?;
        out.para(
            0,
            &format!(
                "If the pain came with any warning sign in `backfix redflags`, {}.",
                region.emergency_action()
            ),
        )?;
        return Ok((
            EXIT_NOT_FOR_YOU,
            CheckDone {
                tier: CheckTier::NotForYou,
                yes: Vec::new(),
                pregnant: false,
                under_16: true,
            },
        ));
    }
    let pregnant = ask.ask(out, PREGNANCY_QUESTION)? == Answer::Yes;
    if pregnant {
        out.blank()?;
        out.hanging(0, "->", PREGNANCY_ADVICE, output::WARN)?;
        out.para(0, "The warning-sign questions still matter; they follow.")?;
    }
    for tier in tiers {
        let mut yes = Vec::new();
        for sign in tier.signs.iter() {
            let Some(q) = &sign.question else { continue };
            if ask.ask(out, q)? == Answer::Yes {
                yes.push(sign.text.clone());
                // One sign is enough to say how soon to get help.
                break;
            }
        }
        if !yes.is_empty() {
            out.blank()?;
            out.styled_line(
                super::redflags::tier_style(tier.id),
                &output::clean_line(&tier.title),
            )?;
            out.para(0, "You said yes to:")?;
            for s in &yes {
                out.hanging(
                    2,
                    "!",
                    &output::clean(s),
                    super::redflags::tier_style(tier.id),
                )?;
            }
            super::redflags::print_action(out, 0, tier, region)?;
            if pregnant {
                out.para(0, "Say that you are pregnant or have recently given birth.")?;
            }
            let (code, reached) = if tier.id == TierId::Emergency {
                (EXIT_EMERGENCY, CheckTier::Emergency)
            } else {
                (EXIT_URGENT, CheckTier::Urgent)
            };
            let yes = yes.iter().map(|s| s.to_string()).collect();
            return Ok((
                code,
                CheckDone {
                    tier: reached,
                    yes,
                    pregnant,
                    under_16: false,
                },
            ));
        }
    }
    out.blank()?;
    out.styled_line(output::GOOD, "No warning signs reported.")?;
    out.para(
        0,
        "That is reassuring, but it is not a diagnosis. If anything changes, check again.",
    )?;
    if pregnant {
        out.hanging(0, "->", PREGNANCY_ADVICE, output::WARN)?;
    }
    if let Some(review) = catalog.tiers.iter().find(|t| t.id == TierId::Review) {
        out.para(0, "Book a GP or physiotherapist appointment if:")?;
        for s in review.signs.iter() {
            out.hanging(2, "-", &output::clean(&s.text), output::DIM)?;
        }
    }
    let (code, reached) = if pregnant {
        (EXIT_NOT_FOR_YOU, CheckTier::NotForYou)
    } else {
        (0, CheckTier::None)
    };
    Ok((
        code,
        CheckDone {
            tier: reached,
            yes: Vec::new(),
            pregnant,
            under_16: false,
        },
    ))
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

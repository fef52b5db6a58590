//! `backfix redflags`

use crate::catalog::Catalog;
use crate::cli::JsonArgs;
use crate::error::Result;
use crate::model::{Tier, TierId};
use crate::output::{self, Out};
use anstyle::Style;

pub const AGE_NOTE: &str =
    "For adults (16 and over). For a child or teenager under 16 with back pain, ask a doctor.";

pub fn tier_style(id: TierId) -> Style {
    match id {
        TierId::Emergency => output::ALERT,
        TierId::Urgent => output::WARN,
        TierId::Review => output::HEADING,
    }
}

pub fn run(out: &mut Out, args: &JsonArgs) -> Result<u8> {
    let catalog = Catalog::builtin();
    if args.json {
        output::json(
            out,
            &serde_json::json!({ "applies_to": "adults aged 16 and over", "tiers": catalog.tiers }),
        )?;
        return Ok(0);
    }
    out.styled_line(output::TITLE, "Warning signs with back pain")?;
    out.para(0, "Most back pain is not serious and gets better. These signs are rare, but they need help quickly. This list does not diagnose anything; if in doubt, get checked.")?;
    out.para(0, AGE_NOTE)?;
    for tier in catalog.tiers {
        print_tier(out, tier)?;
    }
    out.blank()?;
    out.para(0, "Answer the questions one by one with `backfix check`.")?;
    let mut ids: Vec<&str> = Vec::new();
    for id in catalog.tiers.iter().flat_map(|t| t.sources.iter()) {
        if !ids.contains(&&**id) {
            ids.push(id);
        }
    }
    let names: Vec<String> = ids
        .iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| s.short.to_string())
        .collect();
    out.hanging(0, "Sources:", &names.join("; "), output::DIM)?;
    Ok(0)
}

pub fn print_tier(out: &mut Out, tier: &Tier) -> std::io::Result<()> {
    out.blank()?;
    out.styled_line(tier_style(tier.id), &tier.title)?;
    for sign in tier.signs.iter() {
        out.hanging(2, "!", &sign.text, tier_style(tier.id))?;
    }
    out.hanging(2, "->", &tier.action, output::TITLE)?;
    Ok(())
}

//! `backfix redflags`

use crate::catalog::Catalog;
use crate::cli::JsonArgs;
use crate::error::Result;
use crate::model::{Tier, TierId};
use crate::output::{self, Out};
use crate::region::Setting;
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
    let region = crate::region::load();
    if args.json {
        let tiers: Vec<serde_json::Value> = catalog
            .tiers
            .iter()
            .map(|t| {
                let mut v = serde_json::to_value(t).unwrap_or_default();
                if let (Some(map), Some(contact)) = (v.as_object_mut(), contact(t.id, &region)) {
                    map.insert("contact".into(), contact.into());
                }
                v
            })
            .collect();
        output::json(
            out,
            &serde_json::json!({
                "applies_to": "adults aged 16 and over",
                "region": region.json(),
                "tiers": tiers,
            }),
        )?;
        return Ok(0);
    }
    out.styled_line(output::TITLE, "Warning signs with back pain")?;
    out.para(0, "Most back pain is not serious and gets better. These signs are rare, but they need help quickly. This list does not diagnose anything; if in doubt, get checked.")?;
    out.para(0, AGE_NOTE)?;
    for tier in catalog.tiers {
        print_tier(out, tier, &region)?;
    }
    out.blank()?;
    out.hanging(
        0,
        "Numbers for:",
        &output::clean_line(&region.describe()),
        output::DIM,
    )?;
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

/// Whom to contact for a tier, in the region's numbers (none for a review).
pub fn contact(tier: TierId, region: &Setting) -> Option<String> {
    match tier {
        TierId::Emergency => Some(region.emergency_line()),
        TierId::Urgent => Some(region.urgent_line()),
        TierId::Review => None,
    }
}

/// What to do for a tier: whom to contact, then the tier's own advice.
pub fn print_action(
    out: &mut Out,
    indent: usize,
    tier: &Tier,
    region: &Setting,
) -> std::io::Result<()> {
    if let Some(c) = contact(tier.id, region) {
        out.hanging(indent, "->", &c, tier_style(tier.id))?;
    }
    out.hanging(indent, "->", &output::clean(&tier.action), output::TITLE)
}

pub fn print_tier(out: &mut Out, tier: &Tier, region: &Setting) -> std::io::Result<()> {
    out.blank()?;
    out.styled_line(tier_style(tier.id), &output::clean_line(&tier.title))?;
    for sign in tier.signs.iter() {
        out.hanging(2, "!", &output::clean(&sign.text), tier_style(tier.id))?;
    }
    print_action(out, 2, tier, region)
}

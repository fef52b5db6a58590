//! Building a routine for a complaint: level swaps and fitting it into a
//! time budget (pure: no I/O).

use crate::catalog::Catalog;
use crate::cli::Level;
use crate::dose::estimate_seconds;
use crate::model::{Complaint, Dose, Exercise, Str};
use serde::Serialize;

/// One exercise as planned.
#[derive(Debug, Clone, Serialize)]
pub struct Planned {
    pub id: String,
    pub name: String,
    pub priority: u8,
    pub dose: Dose,
    pub seconds: u32,
    pub note: Option<Str>,
    /// The exercise it replaced, when `--level` swapped in a variant.
    pub swapped_from: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub complaint: String,
    pub level: Level,
    pub budget_seconds: Option<u32>,
    pub total_seconds: u32,
    pub items: Vec<Planned>,
    /// Ids left out to fit the time.
    pub dropped: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TooShort {
    /// The shortest routine still worth doing.
    pub shortest: Plan,
}

/// The exercise to use at this level: the first easier (or harder) variant
/// that is allowed in this complaint's routine and not already part of it,
/// else the exercise itself.
fn at_level<'a>(
    catalog: &'a Catalog,
    complaint: &Complaint,
    e: &'a Exercise,
    level: Level,
    taken: &[String],
) -> &'a Exercise {
    let variants = match level {
        Level::Standard => return e,
        Level::Gentle => &e.easier,
        Level::Harder => &e.harder,
    };
    variants
        .iter()
        .filter_map(|id| catalog.exercise(id))
        .filter(|v| {
            !taken.iter().any(|t| t == &*v.id)
                && !complaint.items.iter().any(|i| i.exercise == v.id)
        })
        .find(|v| !v.avoid_in.iter().any(|c| c == &complaint.id))
        .unwrap_or(e)
}

/// Shortest sensible dose: flexible activities shrink to one minute.
fn minimum(dose: &Dose) -> Dose {
    match dose.minutes {
        Some(_) => Dose {
            minutes: Some(1),
            ..dose.clone()
        },
        None => dose.clone(),
    }
}

/// Every exercise of the routine at the level, in routine order.
pub fn full(catalog: &Catalog, complaint: &Complaint, level: Level) -> Vec<Planned> {
    let mut seen: Vec<String> = Vec::new();
    complaint
        .items
        .iter()
        .filter_map(|item| {
            let base = catalog.exercise(&item.exercise)?;
            let e = at_level(catalog, complaint, base, level, &seen);
            // Two items may swap to the same variant; keep the first.
            if seen.iter().any(|s| s == &*e.id) {
                return None;
            }
            seen.push(e.id.to_string());
            let swapped = e.id != base.id;
            let dose = if swapped {
                e.dose.clone()
            } else {
                item.dose.clone().unwrap_or_else(|| e.dose.clone())
            };
            Some(Planned {
                id: e.id.to_string(),
                name: e.name.to_string(),
                priority: item.priority,
                seconds: estimate_seconds(&dose),
                dose,
                note: if swapped { None } else { item.note.clone() },
                swapped_from: swapped.then(|| base.id.to_string()),
            })
        })
        .collect()
}

/// Build the routine, fitted into `minutes` when given. Never exceeds the budget.
pub fn build(
    catalog: &Catalog,
    complaint: &Complaint,
    level: Level,
    minutes: Option<u16>,
) -> Result<Plan, TooShort> {
    let all = full(catalog, complaint, level);
    let Some(minutes) = minutes else {
        let total = all.iter().map(|p| p.seconds).sum();
        return Ok(Plan {
            complaint: complaint.id.to_string(),
            level,
            budget_seconds: None,
            total_seconds: total,
            items: all,
            dropped: Vec::new(),
        });
    };
    let budget = u32::from(minutes) * 60;

    // The core (priority 1) at its minimum is the shortest useful routine.
    let core: Vec<Planned> = all
        .iter()
        .filter(|p| p.priority == 1)
        .map(|p| {
            let dose = minimum(&p.dose);
            Planned {
                seconds: estimate_seconds(&dose),
                dose,
                ..p.clone()
            }
        })
        .collect();
    let core_total: u32 = core.iter().map(|p| p.seconds).sum();
    if core_total > budget {
        return Err(TooShort {
            shortest: Plan {
                complaint: complaint.id.to_string(),
                level,
                budget_seconds: Some(core_total.div_ceil(60) * 60),
                total_seconds: core_total,
                items: core,
                dropped: Vec::new(),
            },
        });
    }

    // Pass 1: by priority (then routine order), flexible activities at their
    // minimum, fixed exercises whole, each only if it still fits.
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| (all[i].priority, i));
    let mut chosen: Vec<Option<Planned>> = vec![None; all.len()];
    let mut total = 0;
    for &i in &order {
        let dose = minimum(&all[i].dose);
        let secs = estimate_seconds(&dose);
        if total + secs <= budget {
            total += secs;
            chosen[i] = Some(Planned {
                seconds: secs,
                dose,
                ..all[i].clone()
            });
        }
    }
    // Pass 2: give time left back to flexible activities, up to their dose.
    for &i in &order {
        let (Some(p), Some(full_minutes)) = (chosen[i].as_mut(), all[i].dose.minutes) else {
            continue;
        };
        let extra_minutes = ((budget - total) / 60).min(u32::from(full_minutes).saturating_sub(1));
        if extra_minutes > 0 {
            let m = p
                .dose
                .minutes
                .unwrap_or(1)
                .saturating_add(extra_minutes as u16);
            p.dose.minutes = Some(m);
            p.seconds = estimate_seconds(&p.dose);
            total += extra_minutes * 60;
        }
    }
    let dropped = all
        .iter()
        .zip(&chosen)
        .filter(|(_, c)| c.is_none())
        .map(|(p, _)| p.id.clone())
        .collect();
    Ok(Plan {
        complaint: complaint.id.to_string(),
        level,
        budget_seconds: Some(budget),
        total_seconds: total,
        items: chosen.into_iter().flatten().collect(),
        dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(id: &str, level: Level, minutes: Option<u16>) -> Result<Plan, TooShort> {
        let c = Catalog::builtin();
        let complaint = c.complaint(id).expect("complaint").clone();
        build(&c, &complaint, level, minutes)
    }

    #[test]
    fn every_complaint_fits_every_budget_it_accepts() {
        let c = Catalog::builtin();
        for complaint in &c.complaints {
            for level in [Level::Gentle, Level::Standard, Level::Harder] {
                for minutes in 1..=60 {
                    match build(&c, complaint, level, Some(minutes)) {
                        Ok(p) => {
                            assert!(
                                p.total_seconds <= u32::from(minutes) * 60,
                                "{} {minutes}",
                                complaint.id
                            );
                            assert_eq!(
                                p.total_seconds,
                                p.items.iter().map(|i| i.seconds).sum::<u32>()
                            );
                            assert!(!p.items.is_empty());
                        }
                        Err(TooShort { shortest }) => {
                            assert!(shortest.total_seconds > u32::from(minutes) * 60);
                            assert!(!shortest.items.is_empty());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn no_budget_keeps_everything_in_order() {
        let p = plan("sciatica", Level::Standard, None).unwrap();
        let c = Catalog::builtin();
        let ids: Vec<&str> = c
            .complaint("sciatica")
            .unwrap()
            .items
            .iter()
            .map(|i| &*i.exercise)
            .collect();
        assert_eq!(
            p.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ids
        );
        assert!(p.dropped.is_empty());
    }

    #[test]
    fn tight_budget_drops_low_priority_first() {
        let p = plan("low-back", Level::Standard, Some(5)).unwrap();
        assert!(p.total_seconds <= 300);
        assert!(p.items.iter().any(|i| i.id == "glute-bridge"));
        assert!(!p.dropped.is_empty());
        let kept_max = p.items.iter().map(|i| i.priority).max().unwrap();
        let c = Catalog::builtin();
        let complaint = c.complaint("low-back").unwrap();
        // Nothing of a higher priority than every kept item was dropped while it would have fitted.
        for d in &p.dropped {
            let prio = complaint
                .items
                .iter()
                .find(|i| i.exercise == *d)
                .unwrap()
                .priority;
            assert!(prio >= 1 && (prio >= kept_max || prio > 1), "{d}");
        }
    }

    #[test]
    fn too_short_offers_the_core() {
        let err = plan("desk", Level::Standard, Some(1)).unwrap_err();
        assert!(err.shortest.items.iter().all(|i| i.priority == 1));
        assert!(err.shortest.total_seconds > 60);
    }

    #[test]
    fn levels_swap_variants_but_respect_the_complaint() {
        let gentle = plan("low-back", Level::Gentle, None).unwrap();
        assert!(
            gentle
                .items
                .iter()
                .any(|i| i.swapped_from.as_deref() == Some("glute-bridge"))
        );
        let harder = plan("low-back", Level::Harder, None).unwrap();
        assert!(harder.items.iter().any(|i| i.id == "single-leg-bridge"));
        let c = Catalog::builtin();
        for complaint in &c.complaints {
            for level in [Level::Gentle, Level::Harder] {
                for item in build(&c, complaint, level, None).unwrap().items {
                    let e = c.exercise(&item.id).unwrap();
                    assert!(
                        !e.avoid_in.iter().any(|a| a == &complaint.id),
                        "{} in {}",
                        e.id,
                        complaint.id
                    );
                }
            }
        }
    }
}

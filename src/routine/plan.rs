//! Building a routine for a complaint: the safety rules every plan keeps,
//! level swaps, one direction per plan, and fitting it into a time budget
//! (pure: no I/O).
//!
//! The rules hold wherever a plan or a suggestion is made, whatever the data
//! says (see [`barred`] and [`substitute_barred`]):
//! - nothing whose `avoid_in` names the complaint (with no complaint, nothing
//!   whose `avoid_in` names any);
//! - no nerve tensioner in a sciatica plan, and a swap never brings one in
//!   (a slider is never replaced by a tensioner);
//! - a desk routine stays doable at a desk at every level;
//! - a substitute keeps the routine item's note and direction;
//! - a plan prescribes one direction (extension or flexion), never both.

use crate::catalog::{Catalog, ExerciseRef};
use crate::model::Level;
use crate::model::{Complaint, Direction, Dose, Exercise, RoutineItem, Str};
use crate::routine::dose::estimate_seconds;
use serde::Serialize;

/// Tag of a nerve slider (gentle: the nerve glides without being stretched).
pub const NERVE_SLIDER: &str = "nerve-slider";
/// Tag of a nerve tensioner (stretches the nerve; a later progression).
pub const NERVE_TENSIONER: &str = "nerve-tensioner";
/// Tag (or id) of the "find your direction" check.
pub const DIRECTION_CHECK: &str = "direction-check";
/// The complaint whose plans never include a nerve tensioner.
pub const SCIATICA: &str = "sciatica";
/// The complaint whose plans stay doable at a desk.
pub const DESK: &str = "desk";

/// Why an exercise may not appear in a plan or a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Barred {
    /// Its `avoid_in` names the complaint (or, with no complaint, any complaint).
    AvoidIn,
    /// A nerve tensioner, in a sciatica plan or as a substitute.
    Tensioner,
    /// Not doable at a desk, in the desk routine.
    NotDesk,
    /// A movement in the other direction than the routine item's.
    OtherDirection,
}

fn has_tag(e: &Exercise, tag: &str) -> bool {
    e.tags.iter().any(|t| t == tag)
}

pub fn is_tensioner(e: &Exercise) -> bool {
    has_tag(e, NERVE_TENSIONER)
}

pub fn is_direction_check(e: &Exercise) -> bool {
    e.id == DIRECTION_CHECK || has_tag(e, DIRECTION_CHECK)
}

/// The direction an exercise moves the lower back in, from its tags.
pub fn movement_direction(e: &Exercise) -> Option<Direction> {
    match (has_tag(e, "lumbar-extension"), has_tag(e, "lumbar-flexion")) {
        (true, false) => Some(Direction::Extension),
        (false, true) => Some(Direction::Flexion),
        _ => None,
    }
}

/// Whether `e` may appear in a plan for `complaint` (a complaint id), or in a
/// reminder with no complaint (`None`): `None` when it may, else why not.
pub fn barred(e: &Exercise, complaint: Option<&str>) -> Option<Barred> {
    let Some(c) = complaint else {
        return (!e.avoid_in.is_empty()).then_some(Barred::AvoidIn);
    };
    if e.avoid_in.iter().any(|a| a == c) {
        Some(Barred::AvoidIn)
    } else if c == SCIATICA && is_tensioner(e) {
        Some(Barred::Tensioner)
    } else if c == DESK && !e.desk {
        Some(Barred::NotDesk)
    } else {
        None
    }
}

/// Whether `v` may stand in for the routine item at another level: the rules
/// of [`barred`], plus no tensioner ever (a swap never turns a slider, or
/// anything else, into a tensioner) and no movement against the item's
/// direction.
pub fn substitute_barred(v: &Exercise, item: &RoutineItem, complaint: &str) -> Option<Barred> {
    barred(v, Some(complaint))
        .or_else(|| is_tensioner(v).then_some(Barred::Tensioner))
        .or_else(|| {
            let (Some(want), Some(moves)) = (item.direction, movement_direction(v)) else {
                return None;
            };
            (want != moves).then_some(Barred::OtherDirection)
        })
}

/// One exercise as planned.
#[derive(Debug, Clone, Serialize)]
pub struct Planned {
    /// The exercise itself, in the catalogue the plan was made from.
    #[serde(skip)]
    pub exercise: ExerciseRef,
    pub id: String,
    pub name: String,
    pub priority: u8,
    pub dose: Dose,
    pub seconds: u32,
    /// The routine item's note; a substitute keeps it.
    pub note: Option<Str>,
    /// The routine item's direction; a substitute keeps it.
    pub direction: Option<Direction>,
    /// The exercise it replaced, when `--level` swapped in a variant.
    pub swapped_from: Option<String>,
}

/// Exercises for either direction, when the plan's direction is not known:
/// the person does the direction check and then one direction's exercises,
/// never both.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Where it goes: before `items[at]` (at the end when `at == items.len()`).
    pub at: usize,
    /// The exercises of each direction, in routine order.
    pub options: Vec<Planned>,
    /// Seconds counted for it: the longest direction's.
    pub seconds: u32,
}

impl Choice {
    /// The directions offered, in routine order.
    pub fn directions(&self) -> Vec<Direction> {
        directions_of(self.options.iter().filter_map(|p| p.direction))
    }

    /// The options of one direction.
    pub fn of(&self, d: Direction) -> impl Iterator<Item = &Planned> {
        self.options.iter().filter(move |p| p.direction == Some(d))
    }
}

fn directions_of(it: impl Iterator<Item = Direction>) -> Vec<Direction> {
    let mut out = Vec::new();
    for d in it {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// The seconds a choice counts for: the longest direction's total.
fn choice_seconds(options: &[Planned]) -> u32 {
    directions_of(options.iter().filter_map(|p| p.direction))
        .into_iter()
        .map(|d| {
            options
                .iter()
                .filter(|p| p.direction == Some(d))
                .map(|p| p.seconds)
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0)
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub complaint: String,
    pub level: Level,
    /// The direction prescribed (`--direction`), if any.
    pub direction: Option<Direction>,
    pub budget_seconds: Option<u32>,
    /// Items plus the choice (counted once).
    pub total_seconds: u32,
    /// What to do, in order.
    pub items: Vec<Planned>,
    /// Without a direction, in a routine that has directional items: the
    /// either/or choice that the direction check decides.
    pub choice: Option<Choice>,
    /// Ids left out to fit the time.
    pub dropped: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TooShort {
    /// The shortest routine still worth doing.
    pub shortest: Box<Plan>,
}

/// The directions a complaint's routine has items for, in routine order.
pub fn directions(complaint: &Complaint) -> Vec<Direction> {
    directions_of(complaint.items.iter().filter_map(|i| i.direction))
}

/// The exercise to use at this level: the first easier (or harder) variant
/// that may stand in for the item ([`substitute_barred`]) and is not already
/// part of the routine, else the exercise itself.
fn at_level<'a>(
    catalog: &'a Catalog,
    complaint: &Complaint,
    item: &RoutineItem,
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
        .find(|v| substitute_barred(v, item, &complaint.id).is_none())
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

/// Every exercise of the routine at the level, in routine order, with the
/// safety rules applied: an item whose exercise is barred from the complaint
/// is left out, and a substitute keeps the item's note and direction.
pub fn full(catalog: &Catalog, complaint: &Complaint, level: Level) -> Vec<Planned> {
    let mut seen: Vec<String> = Vec::new();
    complaint
        .items
        .iter()
        .filter_map(|item| {
            let base = catalog.exercise(&item.exercise)?;
            if barred(base, Some(&complaint.id)).is_some() {
                return None;
            }
            let e = at_level(catalog, complaint, item, base, level, &seen);
            // Two items may swap to the same variant; keep the first.
            if seen.iter().any(|s| s == &*e.id) {
                return None;
            }
            seen.push(e.id.to_string());
            let exercise = catalog.exercise_ref(&e.id)?;
            let swapped = e.id != base.id;
            let dose = if swapped {
                e.dose.clone()
            } else {
                item.dose.clone().unwrap_or_else(|| e.dose.clone())
            };
            Some(Planned {
                exercise,
                id: e.id.to_string(),
                name: e.name.to_string(),
                priority: item.priority,
                seconds: estimate_seconds(&dose),
                dose,
                note: item.note.clone(),
                direction: item.direction,
                swapped_from: swapped.then(|| base.id.to_string()),
            })
        })
        .collect()
}

/// A unit of time fitting: one exercise, or the either/or choice.
#[derive(Debug, Clone)]
enum Slot {
    One(Planned),
    Choice(Vec<Planned>),
}

impl Slot {
    fn priority(&self) -> u8 {
        match self {
            Slot::One(p) => p.priority,
            Slot::Choice(o) => o.iter().map(|p| p.priority).min().unwrap_or(u8::MAX),
        }
    }

    fn seconds(&self) -> u32 {
        match self {
            Slot::One(p) => p.seconds,
            Slot::Choice(o) => choice_seconds(o),
        }
    }

    /// The slot at its shortest sensible dose.
    fn at_minimum(&self) -> Slot {
        match self {
            Slot::One(p) => {
                let dose = minimum(&p.dose);
                Slot::One(Planned {
                    seconds: estimate_seconds(&dose),
                    dose,
                    ..p.clone()
                })
            }
            Slot::Choice(o) => Slot::Choice(o.clone()),
        }
    }

    fn ids(&self) -> Vec<String> {
        match self {
            Slot::One(p) => vec![p.id.clone()],
            Slot::Choice(o) => o.iter().map(|p| p.id.clone()).collect(),
        }
    }
}

/// Whether a slot is the direction check.
fn is_check_slot(catalog: &Catalog, s: &Slot) -> bool {
    matches!(s, Slot::One(p) if is_direction_check(catalog.at(p.exercise)))
}

/// The plan's slots: with a direction, only that direction's items (and no
/// direction check, which has been done); without one, the directional items
/// become one choice where the first of them was.
fn slots(catalog: &Catalog, all: Vec<Planned>, direction: Option<Direction>) -> Vec<Slot> {
    let mut out = Vec::new();
    let mut choice: Option<usize> = None;
    for p in all {
        match (direction, p.direction) {
            (Some(want), Some(d)) if d != want => {}
            (Some(_), None)
                if catalog.exercise(&p.id).is_some_and(is_direction_check)
                    || p.swapped_from
                        .as_deref()
                        .and_then(|id| catalog.exercise(id))
                        .is_some_and(is_direction_check) => {}
            (None, Some(_)) => match choice {
                Some(i) => {
                    if let Slot::Choice(o) = &mut out[i] {
                        o.push(p);
                    }
                }
                None => {
                    choice = Some(out.len());
                    out.push(Slot::Choice(vec![p]));
                }
            },
            _ => out.push(Slot::One(p)),
        }
    }
    out
}

fn assemble(
    complaint: &Complaint,
    level: Level,
    direction: Option<Direction>,
    budget_seconds: Option<u32>,
    chosen: Vec<Slot>,
    dropped: Vec<String>,
) -> Plan {
    let mut items = Vec::new();
    let mut choice = None;
    for slot in chosen {
        match slot {
            Slot::One(p) => items.push(p),
            Slot::Choice(options) => {
                choice = Some(Choice {
                    at: items.len(),
                    seconds: choice_seconds(&options),
                    options,
                });
            }
        }
    }
    let total_seconds =
        items.iter().map(|p| p.seconds).sum::<u32>() + choice.as_ref().map_or(0, |c| c.seconds);
    Plan {
        complaint: complaint.id.to_string(),
        level,
        direction,
        budget_seconds,
        total_seconds,
        items,
        choice,
        dropped,
    }
}

/// Build the routine at a level, for one direction when given, fitted into
/// `minutes` when given. Never exceeds the budget.
pub fn build(
    catalog: &Catalog,
    complaint: &Complaint,
    level: Level,
    direction: Option<Direction>,
    minutes: Option<u16>,
) -> Result<Plan, TooShort> {
    let all = slots(catalog, full(catalog, complaint, level), direction);
    let Some(minutes) = minutes else {
        return Ok(assemble(complaint, level, direction, None, all, Vec::new()));
    };
    let budget = u32::from(minutes) * 60;

    // The core (priority 1) at its minimum is the shortest useful routine.
    let core_has_choice = all
        .iter()
        .any(|s| s.priority() == 1 && matches!(s, Slot::Choice(_)));
    let core: Vec<Slot> = all
        .iter()
        .filter(|s| s.priority() == 1)
        .filter(|s| core_has_choice || !is_check_slot(catalog, s))
        .map(Slot::at_minimum)
        .collect();
    let core_total: u32 = core.iter().map(Slot::seconds).sum();
    if core_total > budget {
        let shortest = assemble(
            complaint,
            level,
            direction,
            Some(core_total.div_ceil(60) * 60),
            core,
            Vec::new(),
        );
        return Err(TooShort {
            shortest: Box::new(shortest),
        });
    }

    // Pass 1: by priority (then routine order), flexible activities at their
    // minimum, fixed exercises whole, each only if it still fits.
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| (all[i].priority(), i));
    let mut chosen: Vec<Option<Slot>> = vec![None; all.len()];
    let mut total = 0;
    for &i in &order {
        let slot = all[i].at_minimum();
        let secs = slot.seconds();
        if total + secs <= budget {
            total += secs;
            chosen[i] = Some(slot);
        }
    }
    // The direction check only serves the choice: without it, it goes too.
    if !chosen.iter().any(|c| matches!(c, Some(Slot::Choice(_)))) {
        for slot in &mut chosen {
            if slot.as_ref().is_some_and(|s| is_check_slot(catalog, s)) {
                total -= slot.as_ref().map_or(0, Slot::seconds);
                *slot = None;
            }
        }
    }
    // Pass 2: give time left back to flexible activities, up to their dose.
    for &i in &order {
        let (Some(Slot::One(p)), Slot::One(whole)) = (chosen[i].as_mut(), &all[i]) else {
            continue;
        };
        let Some(full_minutes) = whole.dose.minutes else {
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
        .flat_map(|(s, _)| s.ids())
        .collect();
    Ok(assemble(
        complaint,
        level,
        direction,
        Some(budget),
        chosen.into_iter().flatten().collect(),
        dropped,
    ))
}

/// The exercises a reminder may suggest, by id, all doable at a desk and
/// under the same rules as plans ([`barred`]): with a complaint, those of its
/// routine (without tensioners, directional items or the direction check,
/// which depend on the person's answer), or else the catalogue's desk-doable
/// ones that suit it; with no complaint, desk-doable ones that no routine
/// avoids (and no nerve glides, which suit only some people).
pub fn suggestions(catalog: &Catalog, complaint: Option<&str>) -> Vec<String> {
    let ok = |e: &Exercise| {
        e.desk && !is_tensioner(e) && !is_direction_check(e) && barred(e, complaint).is_none()
    };
    let mut from_routine: Vec<String> = Vec::new();
    if let Some(c) = complaint.and_then(|c| catalog.complaint(c)) {
        for item in c.items.iter().filter(|i| i.direction.is_none()) {
            if let Some(e) = catalog.exercise(&item.exercise)
                && ok(e)
                && !from_routine.iter().any(|id| id == &*e.id)
            {
                from_routine.push(e.id.to_string());
            }
        }
    }
    if !from_routine.is_empty() {
        return from_routine;
    }
    catalog
        .exercises
        .iter()
        .filter(|e| ok(e) && e.category != crate::model::Category::NerveGlide)
        .map(|e| e.id.to_string())
        .collect()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::fixture::{catalog as fixture, complaint, exercise as ex, item, strs};
    use crate::model::Category;

    const LEVELS: [Level; 3] = [Level::Gentle, Level::Standard, Level::Harder];

    // Small fixture catalogues, one rule at a time; the shipped catalogue's
    // plans are checked in tests/it/data.rs.

    fn ids(p: &Plan) -> Vec<&str> {
        p.items.iter().map(|i| i.id.as_str()).collect()
    }

    /// A back routine: a walk and a bridge are its core, a stretch and a
    /// twist come after; the bridge has an easier and a harder version.
    fn back() -> Catalog {
        // Fixed doses (no minutes, which a budget may shorten), so that the
        // tests can add up what fits.
        let mut walk = ex("walk");
        walk.dose = Dose {
            hold_seconds: Some(90),
            frequency: "daily".into(),
            ..Dose::default()
        };
        let mut bridge = ex("bridge");
        bridge.easier = strs(&["small-bridge"]);
        bridge.harder = strs(&["one-leg-bridge"]);
        let mut stretch = ex("stretch");
        stretch.dose = Dose {
            sets: Some(3),
            hold_seconds: Some(30),
            per_side: true,
            frequency: "daily".into(),
            ..Dose::default()
        };
        let mut twist = ex("twist");
        twist.dose = Dose {
            sets: Some(2),
            hold_seconds: Some(60),
            frequency: "daily".into(),
            ..Dose::default()
        };
        fixture(
            vec![
                walk,
                bridge,
                ex("small-bridge"),
                ex("one-leg-bridge"),
                stretch,
                twist,
            ],
            vec![complaint(
                "back",
                vec![
                    item("walk", 1),
                    item("bridge", 1),
                    item("stretch", 2),
                    item("twist", 3),
                ],
            )],
        )
    }

    fn seconds(p: &Plan, id: &str) -> u32 {
        p.items.iter().find(|i| i.id == id).map_or(0, |i| i.seconds)
    }

    #[test]
    fn no_budget_keeps_everything_in_order() {
        let c = back();
        let p = build(&c, &c.complaints[0], Level::Standard, None, None).expect("plan");
        assert_eq!(ids(&p), ["walk", "bridge", "stretch", "twist"]);
        assert!(p.dropped.is_empty());
        assert_eq!(
            p.total_seconds,
            p.items.iter().map(|i| i.seconds).sum::<u32>()
        );
    }

    #[test]
    fn tight_budget_drops_low_priority_first() {
        let c = back();
        let back = &c.complaints[0];
        let full = build(&c, back, Level::Standard, None, None).expect("plan");
        // Room for the core and the stretch, not for the twist as well.
        let fits = seconds(&full, "walk") + seconds(&full, "bridge") + seconds(&full, "stretch");
        let minutes = u16::try_from(fits.div_ceil(60)).expect("minutes");
        assert!(
            full.total_seconds > u32::from(minutes) * 60,
            "the budget is tight"
        );
        let p = build(&c, back, Level::Standard, None, Some(minutes)).expect("plan");
        assert_eq!(ids(&p), ["walk", "bridge", "stretch"]);
        assert_eq!(p.dropped, ["twist"]);
        assert!(p.total_seconds <= u32::from(minutes) * 60);
        // Tighter still: the stretch goes too, the core stays.
        let core = seconds(&full, "walk") + seconds(&full, "bridge");
        let minutes = u16::try_from(core.div_ceil(60)).expect("minutes");
        assert!(fits > u32::from(minutes) * 60, "the budget is tighter");
        let p = build(&c, back, Level::Standard, None, Some(minutes)).expect("plan");
        assert_eq!(ids(&p), ["walk", "bridge"]);
        assert_eq!(p.dropped, ["stretch", "twist"]);
    }

    #[test]
    fn too_short_offers_the_core() {
        let c = back();
        let err =
            build(&c, &c.complaints[0], Level::Standard, None, Some(1)).expect_err("too short");
        assert_eq!(ids(&err.shortest), ["walk", "bridge"]);
        assert!(err.shortest.items.iter().all(|i| i.priority == 1));
        assert!(err.shortest.total_seconds > 60);
    }

    #[test]
    fn levels_swap_variants() {
        let c = back();
        let back = &c.complaints[0];
        let gentle = build(&c, back, Level::Gentle, None, None).expect("plan");
        assert_eq!(ids(&gentle), ["walk", "small-bridge", "stretch", "twist"]);
        assert_eq!(gentle.items[1].swapped_from.as_deref(), Some("bridge"));
        let harder = build(&c, back, Level::Harder, None, None).expect("plan");
        assert_eq!(ids(&harder), ["walk", "one-leg-bridge", "stretch", "twist"]);
        assert_eq!(harder.items[1].swapped_from.as_deref(), Some("bridge"));
        assert!(
            harder
                .items
                .iter()
                .all(|i| i.id == "one-leg-bridge" || i.swapped_from.is_none())
        );
    }

    #[test]
    fn a_swap_never_picks_a_variant_the_complaint_avoids() {
        let mut base = ex("base");
        base.harder = strs(&["avoided", "fine"]);
        let mut avoided = ex("avoided");
        avoided.avoid_in = strs(&["hip"]);
        let c = fixture(
            vec![base, avoided, ex("fine")],
            vec![complaint("hip", vec![item("base", 1)])],
        );
        let p = build(&c, &c.complaints[0], Level::Harder, None, None).expect("plan");
        assert_eq!(ids(&p), ["fine"]);
        // Only avoided variants: the exercise itself stays.
        let mut c = c;
        c.exercises[0].harder = strs(&["avoided"]);
        let p = build(&c, &c.complaints[0], Level::Harder, None, None).expect("plan");
        assert_eq!(ids(&p), ["base"]);
    }

    #[test]
    fn a_slider_is_never_replaced_by_a_tensioner_and_sciatica_has_none() {
        let mut slider = ex("slider");
        slider.tags = strs(&[NERVE_SLIDER]);
        slider.harder = strs(&["tensioner"]);
        let mut tensioner = ex("tensioner");
        tensioner.tags = strs(&[NERVE_TENSIONER]);
        let c = fixture(
            vec![slider, tensioner],
            vec![
                complaint("buttock", vec![item("slider", 1)]),
                complaint(SCIATICA, vec![item("slider", 1), item("tensioner", 2)]),
            ],
        );
        for complaint in &c.complaints {
            for level in LEVELS {
                let p = build(&c, complaint, level, None, None).expect("plan");
                assert_eq!(ids(&p), ["slider"], "{} {level:?}", complaint.id);
            }
        }
    }

    #[test]
    fn a_desk_routine_stays_desk_doable_at_every_level() {
        let mut chair = ex("chair");
        chair.harder = strs(&["floor", "standing"]);
        chair.easier = strs(&["floor"]);
        let mut floor = ex("floor");
        floor.desk = false;
        let c = fixture(
            vec![chair, floor.clone(), ex("standing")],
            vec![complaint(DESK, vec![item("chair", 1), item("floor", 2)])],
        );
        let d = &c.complaints[0];
        assert_eq!(
            ids(&build(&c, d, Level::Harder, None, None).expect("plan")),
            ["standing"]
        );
        assert_eq!(
            ids(&build(&c, d, Level::Gentle, None, None).expect("plan")),
            ["chair"]
        );
        assert_eq!(
            ids(&build(&c, d, Level::Standard, None, None).expect("plan")),
            ["chair"]
        );
    }

    #[test]
    fn a_substitute_keeps_the_items_note_and_direction() {
        let mut on_elbows = ex("on-elbows");
        on_elbows.tags = strs(&["lumbar-extension"]);
        on_elbows.harder = strs(&["knees-up", "press-up"]);
        let mut knees_up = ex("knees-up");
        knees_up.tags = strs(&["lumbar-flexion"]);
        let mut press_up = ex("press-up");
        press_up.tags = strs(&["lumbar-extension"]);
        let mut limited = item("on-elbows", 1);
        limited.note = Some("only if it eases the leg pain".into());
        limited.direction = Some(Direction::Extension);
        let c = fixture(
            vec![on_elbows, knees_up, press_up],
            vec![complaint("legs", vec![limited])],
        );
        let p = build(
            &c,
            &c.complaints[0],
            Level::Harder,
            Some(Direction::Extension),
            None,
        )
        .expect("plan");
        // knees-up moves the other way, so press-up stands in.
        assert_eq!(ids(&p), ["press-up"]);
        let sub = &p.items[0];
        assert_eq!(sub.swapped_from.as_deref(), Some("on-elbows"));
        assert_eq!(sub.note.as_deref(), Some("only if it eases the leg pain"));
        assert_eq!(sub.direction, Some(Direction::Extension));
    }

    fn directional() -> Catalog {
        let mut ext = item("ext", 2);
        ext.direction = Some(Direction::Extension);
        let mut ext2 = item("ext-2", 3);
        ext2.direction = Some(Direction::Extension);
        let mut flex = item("flex", 2);
        flex.direction = Some(Direction::Flexion);
        let mut check = ex(DIRECTION_CHECK);
        check.dose = Dose {
            minutes: None,
            hold_seconds: Some(60),
            frequency: "once".into(),
            ..Dose::default()
        };
        let mut long = ex("flex");
        long.dose.reps = Some(40);
        fixture(
            vec![ex("walk"), check, ex("ext"), ex("ext-2"), long],
            vec![complaint(
                SCIATICA,
                vec![item("walk", 1), item(DIRECTION_CHECK, 1), ext, flex, ext2],
            )],
        )
    }

    #[test]
    fn one_direction_per_plan() {
        let c = directional();
        let s = &c.complaints[0];
        assert_eq!(directions(s), [Direction::Extension, Direction::Flexion]);
        let p = build(&c, s, Level::Standard, Some(Direction::Extension), None).expect("plan");
        assert_eq!(ids(&p), ["walk", "ext", "ext-2"]);
        assert!(p.choice.is_none());
        let p = build(&c, s, Level::Standard, Some(Direction::Flexion), None).expect("plan");
        assert_eq!(ids(&p), ["walk", "flex"]);
        // Without a direction: the check, then a choice where the first
        // directional item was; its time counts the longer direction only.
        let p = build(&c, s, Level::Standard, None, None).expect("plan");
        assert_eq!(ids(&p), ["walk", DIRECTION_CHECK]);
        let ch = p.choice.as_ref().expect("choice");
        assert_eq!(ch.at, 2);
        let ext: u32 = ch.of(Direction::Extension).map(|o| o.seconds).sum();
        let flex: u32 = ch.of(Direction::Flexion).map(|o| o.seconds).sum();
        assert_eq!(ch.seconds, ext.max(flex));
        assert_eq!(
            p.total_seconds,
            p.items.iter().map(|i| i.seconds).sum::<u32>() + ext.max(flex)
        );
        // A budget too small for the choice drops it whole, never one side.
        let core: u32 = p.items.iter().map(|i| i.seconds).sum();
        let minutes = (core / 60 + 1) as u16;
        if core + ch.seconds > u32::from(minutes) * 60 {
            let p = build(&c, s, Level::Standard, None, Some(minutes)).expect("plan");
            assert!(p.choice.is_none());
            assert!(
                !ids(&p).contains(&DIRECTION_CHECK),
                "a check without a choice"
            );
            assert!(p.dropped.contains(&"ext".to_string()));
            assert!(p.dropped.contains(&"flex".to_string()));
        }
    }

    #[test]
    fn suggestions_follow_the_plan_rules() {
        let mut figure4 = ex("figure-4");
        figure4.avoid_in = strs(&["hip"]);
        let mut tensioner = ex("tensioner");
        tensioner.tags = strs(&[NERVE_TENSIONER]);
        let mut floor = ex("floor");
        floor.desk = false;
        let mut glide = ex("glide");
        glide.category = Category::NerveGlide;
        let mut ext = item("ext", 1);
        ext.direction = Some(Direction::Extension);
        let c = fixture(
            vec![
                ex("walk"),
                figure4,
                tensioner,
                floor,
                glide,
                ex("ext"),
                ex(DIRECTION_CHECK),
            ],
            vec![
                complaint(
                    SCIATICA,
                    vec![
                        item("walk", 1),
                        item("tensioner", 2),
                        item("floor", 2),
                        item(DIRECTION_CHECK, 1),
                        ext,
                        item("glide", 2),
                    ],
                ),
                complaint("hip", vec![item("floor", 1)]),
            ],
        );
        // No complaint: desk-doable, nothing any routine avoids, no glides or tensioners.
        assert_eq!(suggestions(&c, None), ["walk", "ext"]);
        // Sciatica: its desk-doable items, without tensioner, direction items or check.
        assert_eq!(suggestions(&c, Some(SCIATICA)), ["walk", "glide"]);
        // A routine with nothing desk-doable: the catalogue's, minus what it avoids.
        let hip = suggestions(&c, Some("hip"));
        assert!(!hip.contains(&"figure-4".to_string()), "{hip:?}");
        assert!(hip.contains(&"walk".to_string()));
    }

    #[test]
    fn barred_rules() {
        let mut e = ex("x");
        assert_eq!(barred(&e, None), None);
        e.avoid_in = strs(&["hip"]);
        assert_eq!(barred(&e, None), Some(Barred::AvoidIn));
        assert_eq!(barred(&e, Some("hip")), Some(Barred::AvoidIn));
        assert_eq!(barred(&e, Some("back")), None);
        e.desk = false;
        assert_eq!(barred(&e, Some(DESK)), Some(Barred::NotDesk));
        e.tags = strs(&[NERVE_TENSIONER]);
        assert_eq!(barred(&e, Some(SCIATICA)), Some(Barred::Tensioner));
        assert_eq!(
            substitute_barred(&e, &item("y", 1), "back"),
            Some(Barred::Tensioner)
        );
    }
}

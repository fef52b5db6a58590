//! Describing a dose in words, its timed phases, and how long it takes: the
//! estimate is the sum of the phases guided mode times, so the two agree.

use crate::model::Dose;

/// Seconds to get into position before an exercise.
pub const SETUP_SECONDS: u32 = 10;
/// Seconds to change sides.
pub const SWITCH_SECONDS: u32 = 5;
/// Seconds a moving repetition takes when the data gives no tempo.
pub const DEFAULT_REP_SECONDS: u32 = 3;
/// Seconds to get into and out of a hold.
pub const HOLD_TRANSITION_SECONDS: u32 = 2;

fn secs(s: u16) -> String {
    if s >= 60 && s.is_multiple_of(60) {
        format!("{} min", s / 60)
    } else {
        format!("{s} s")
    }
}

/// "2 sets of 12 reps, each side, rest 30 s between sets".
pub fn amount(d: &Dose) -> String {
    let sets = d.sets.unwrap_or(1);
    let reps = d.reps.unwrap_or(1);
    let mut s = if let Some(m) = d.minutes {
        format!("{m} minute{}", if m == 1 { "" } else { "s" })
    } else if let Some(h) = d.hold_seconds {
        let holds = sets * reps;
        if holds > 1 {
            format!("{holds} × {} hold", secs(h))
        } else {
            format!("{} hold", secs(h))
        }
    } else if sets > 1 {
        format!("{sets} sets of {reps} reps")
    } else {
        format!("{reps} reps")
    };
    if d.per_side {
        s.push_str(", each side");
    }
    if let Some(r) = d.rest_seconds {
        let between = if d.hold_seconds.is_some() {
            "holds"
        } else {
            "sets"
        };
        if (d.hold_seconds.is_some() && sets * reps > 1) || sets > 1 {
            s.push_str(&format!(", rest {} between {between}", secs(r)));
        }
    }
    s
}

/// The amount and how often: "2 sets of 12 reps, each side · 2 to 3 days a week".
pub fn describe(d: &Dose) -> String {
    format!("{} · {}", amount(d), d.frequency)
}

/// One timed step of an exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub label: String,
    pub seconds: u32,
    /// A rest between efforts (shown differently).
    pub rest: bool,
    /// Untimed seconds around it (getting into and out of a hold), counted
    /// in the estimate only.
    pub transition: u32,
}

/// The timed steps of a dose: holds and rests, or sets of moving reps, on
/// each side. Guided mode times these, and [`estimate_seconds`] adds them up.
pub fn phases(d: &Dose) -> Vec<Phase> {
    if let Some(m) = d.minutes {
        return vec![Phase {
            label: format!("{m} minute{}", if m == 1 { "" } else { "s" }),
            seconds: u32::from(m) * 60,
            rest: false,
            transition: 0,
        }];
    }
    let sets = u32::from(d.sets.unwrap_or(1).max(1));
    let reps = u32::from(d.reps.unwrap_or(1).max(1));
    let rest = u32::from(d.rest_seconds.unwrap_or(0));
    let sides: &[&str] = if d.per_side {
        &["left side", "right side"]
    } else {
        &[""]
    };
    let mut out = Vec::new();
    for (si, side) in sides.iter().enumerate() {
        let on = |s: String| {
            if side.is_empty() {
                s
            } else {
                format!("{s}, {side}")
            }
        };
        match d.hold_seconds {
            Some(h) => {
                let holds = sets * reps;
                for n in 1..=holds {
                    out.push(Phase {
                        label: on(format!("Hold {n} of {holds}")),
                        seconds: u32::from(h),
                        rest: false,
                        transition: HOLD_TRANSITION_SECONDS,
                    });
                    if n < holds && rest > 0 {
                        out.push(Phase {
                            label: "Rest".into(),
                            seconds: rest,
                            rest: true,
                            transition: 0,
                        });
                    }
                }
            }
            None => {
                let tempo = d.seconds_per_rep.map_or(DEFAULT_REP_SECONDS, u32::from);
                for n in 1..=sets {
                    out.push(Phase {
                        label: on(format!("Set {n} of {sets}: {reps} reps")),
                        seconds: reps * tempo,
                        rest: false,
                        transition: 0,
                    });
                    if n < sets && rest > 0 {
                        out.push(Phase {
                            label: "Rest".into(),
                            seconds: rest,
                            rest: true,
                            transition: 0,
                        });
                    }
                }
            }
        }
        if si + 1 < sides.len() {
            out.push(Phase {
                label: "Change sides".into(),
                seconds: SWITCH_SECONDS,
                rest: true,
                transition: 0,
            });
        }
    }
    out
}

/// Estimated seconds for one go at the dose: its phases, with set-up (none
/// for a dose in minutes) and the time to get into and out of each hold.
pub fn estimate_seconds(d: &Dose) -> u32 {
    let timed: u32 = phases(d).iter().map(|p| p.seconds + p.transition).sum();
    if d.minutes.is_some() {
        timed
    } else {
        SETUP_SECONDS + timed
    }
}

/// "1 min 30 s", "45 s", "5 min".
pub fn format_duration(seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    match (m, s) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dose() -> Dose {
        Dose {
            frequency: "daily".into(),
            ..Dose::default()
        }
    }

    #[test]
    fn reps_and_sets() {
        let d = Dose {
            sets: Some(2),
            reps: Some(12),
            seconds_per_rep: Some(4),
            rest_seconds: Some(30),
            per_side: true,
            ..dose()
        };
        assert_eq!(
            amount(&d),
            "2 sets of 12 reps, each side, rest 30 s between sets"
        );
        // 10 setup + 2 sides * (2*12*4 + 30) + 5 switch
        assert_eq!(estimate_seconds(&d), 10 + 2 * (96 + 30) + 5);
    }

    #[test]
    fn holds() {
        let d = Dose {
            sets: Some(3),
            reps: Some(1),
            hold_seconds: Some(30),
            rest_seconds: Some(5),
            ..dose()
        };
        assert_eq!(amount(&d), "3 × 30 s hold, rest 5 s between holds");
        assert_eq!(estimate_seconds(&d), 10 + 3 * 32 + 2 * 5);
        let one = Dose {
            hold_seconds: Some(60),
            ..dose()
        };
        assert_eq!(amount(&one), "1 min hold");
    }

    #[test]
    fn minutes() {
        let d = Dose {
            minutes: Some(5),
            ..dose()
        };
        assert_eq!(amount(&d), "5 minutes");
        assert_eq!(estimate_seconds(&d), 300);
        assert_eq!(describe(&d), "5 minutes · daily");
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(45), "45 s");
        assert_eq!(format_duration(120), "2 min");
        assert_eq!(format_duration(95), "1 min 35 s");
    }
}

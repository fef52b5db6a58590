//! Idle time on macOS: `CGEventSourceSecondsSinceLastEventType` for any input
//! event in the combined session state (the HID idle time the login session
//! sees), from the CoreGraphics framework.

use crate::remind::IdleSource;
use chrono::TimeDelta;

/// `kCGEventSourceStateCombinedSessionState`.
const COMBINED_SESSION_STATE: i32 = 0;
/// `kCGAnyInputEventType`: the last event of any input kind.
const ANY_INPUT_EVENT: u32 = !0;

#[allow(unsafe_code)] // a foreign declaration
#[link(name = "CoreGraphics", kind = "framework")]
unsafe extern "C" {
    fn CGEventSourceSecondsSinceLastEventType(state: i32, event_type: u32) -> f64;
}

pub enum Idle {
    EventSource,
}

/// Seconds (as CoreGraphics gives them) to a time; nonsense is `None`.
pub fn from_seconds(s: f64) -> Option<TimeDelta> {
    if !s.is_finite() || s < 0.0 {
        return None;
    }
    let ms = (s * 1000.0).min(i64::MAX as f64) as i64;
    Some(TimeDelta::milliseconds(ms))
}

#[allow(unsafe_code)] // the CoreGraphics call
fn seconds_idle() -> f64 {
    // SAFETY: a pure query with two plain integer arguments; it reads no
    // memory of ours and is documented as callable from any thread.
    unsafe { CGEventSourceSecondsSinceLastEventType(COMBINED_SESSION_STATE, ANY_INPUT_EVENT) }
}

impl Idle {
    pub fn detect() -> Idle {
        Idle::EventSource
    }

    pub fn name(&self) -> &'static str {
        "macOS CGEventSource (time since the last input)"
    }
}

impl IdleSource for Idle {
    fn idle(&mut self) -> Option<TimeDelta> {
        from_seconds(seconds_idle())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_become_a_time_and_nonsense_none() {
        assert_eq!(from_seconds(1.5), Some(TimeDelta::milliseconds(1500)));
        assert_eq!(from_seconds(-1.0), None);
        assert_eq!(from_seconds(f64::NAN), None);
    }
}

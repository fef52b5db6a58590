//! Idle time on Windows: `GetLastInputInfo`, the tick of the last keyboard
//! or mouse input in this session, against `GetTickCount`.
//!
//! A last-input tick of 0 means no input was ever recorded: Wine without a
//! display answers that, so the "idle time" would be the host's uptime and
//! every reminder would be dropped as taken during a break (the reminder
//! printed its start lines and then nothing). A real session has input at
//! logon, so 0 is read as "not known", like a failed call.

use crate::remind::IdleSource;
use chrono::TimeDelta;

pub enum Idle {
    LastInput,
}

/// Milliseconds since the last input, from two 32-bit tick counts that wrap
/// every 49.7 days (the wrapping difference is right across a wrap); None
/// when no input was ever recorded (a last-input tick of 0).
pub fn since(now_ticks: u32, last_input_ticks: u32) -> Option<TimeDelta> {
    (last_input_ticks != 0)
        .then(|| TimeDelta::milliseconds(i64::from(now_ticks.wrapping_sub(last_input_ticks))))
}

/// The tick count now and the tick of the last input; None if the call fails.
#[allow(unsafe_code)] // Win32 calls: std has no idle time.
fn ticks() -> Option<(u32, u32)> {
    use windows_sys::Win32::System::SystemInformation::GetTickCount;
    use windows_sys::Win32::UI::Input::KeyboardAndMouse::{GetLastInputInfo, LASTINPUTINFO};
    let mut info = LASTINPUTINFO {
        cbSize: std::mem::size_of::<LASTINPUTINFO>() as u32,
        dwTime: 0,
    };
    // SAFETY: `info` is a LASTINPUTINFO we own with cbSize set, as the call
    // requires; it only writes dwTime.
    let ok = unsafe { GetLastInputInfo(&mut info) } != 0;
    if !ok {
        return None;
    }
    // SAFETY: GetTickCount takes nothing and cannot fail.
    let now = unsafe { GetTickCount() };
    Some((now, info.dwTime))
}

impl Idle {
    pub fn detect() -> Idle {
        Idle::LastInput
    }

    pub fn name(&self) -> &'static str {
        "Windows GetLastInputInfo"
    }
}

impl IdleSource for Idle {
    fn idle(&mut self) -> Option<TimeDelta> {
        let (now, last) = ticks()?;
        since(now, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_time_survives_the_tick_count_wrapping() {
        assert_eq!(since(10_000, 4_000), Some(TimeDelta::milliseconds(6_000)));
        assert_eq!(
            since(1_000, u32::MAX - 999),
            Some(TimeDelta::milliseconds(2_000))
        );
        assert_eq!(since(5, 5), Some(TimeDelta::zero()));
    }

    #[test]
    fn no_input_ever_is_not_an_idle_time() {
        // Wine without a display: last input 0, the tick count the host's
        // uptime (hours), which must not read as hours away from the desk.
        assert_eq!(since(10_266_763, 0), None);
    }

    #[test]
    fn the_real_call_answers() {
        // Under Wine as on Windows, the call works in a console session.
        assert!(ticks().is_some());
    }
}

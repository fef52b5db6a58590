//! Idle time on Windows: `GetLastInputInfo`, the tick of the last keyboard
//! or mouse input in this session, against `GetTickCount`.

use crate::remind::IdleSource;
use chrono::TimeDelta;

pub enum Idle {
    LastInput,
}

/// Milliseconds since the last input, from two 32-bit tick counts that wrap
/// every 49.7 days (the wrapping difference is right across a wrap).
pub fn since(now_ticks: u32, last_input_ticks: u32) -> TimeDelta {
    TimeDelta::milliseconds(i64::from(now_ticks.wrapping_sub(last_input_ticks)))
}

#[allow(unsafe_code)] // Win32 calls: std has no idle time.
fn last_input() -> Option<TimeDelta> {
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
    Some(since(now, info.dwTime))
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
        last_input()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_time_survives_the_tick_count_wrapping() {
        assert_eq!(since(10_000, 4_000), TimeDelta::milliseconds(6_000));
        assert_eq!(since(1_000, u32::MAX - 999), TimeDelta::milliseconds(2_000));
        assert_eq!(since(5, 5), TimeDelta::zero());
    }

    #[test]
    fn the_real_source_answers() {
        // Under Wine as on Windows, the call works in a console session.
        assert!(Idle::detect().idle().is_some());
    }
}

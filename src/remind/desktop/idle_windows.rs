//! Idle time on Windows: `GetLastInputInfo`, the tick of the last keyboard
//! or mouse input in this session, against `GetTickCount`.
//!
//! A last-input tick of 0 means no input was ever recorded: Wine without a
//! display answers that, so the "idle time" would be the host's uptime and
//! every reminder would be dropped as taken during a break (the reminder
//! printed its start lines and then nothing). A real session has input at
//! logon, so 0 is read as "not known", like a failed call.
//!
//! The screen lock is read at the same moments (no polling of its own): while
//! the workstation is locked the input desktop is Winlogon's, not "Default",
//! and a user's process is refused it (`OpenInputDesktop` fails with
//! ERROR_ACCESS_DENIED). A locked screen counts as away, as the Linux
//! ScreenSaver source does: a long idle time is reported. (The session's
//! `WTSSessionInfoEx` lock flag would say the same, but needs wtsapi32.dll
//! loaded into every backfix command; user32 is loaded already.)

use crate::remind::IdleSource;
use chrono::TimeDelta;

pub enum Idle {
    LastInput,
}

/// What the input desktop says about the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desktop<'a> {
    /// Opened; its name.
    Named(&'a str),
    /// Refused to us (ERROR_ACCESS_DENIED): Winlogon's secure desktop.
    Refused,
    /// Any other failure: not known.
    Unknown,
}

/// Whether the screen is locked, from the input desktop (pure).
pub fn locked(d: Desktop<'_>) -> bool {
    match d {
        Desktop::Named(name) => !name.eq_ignore_ascii_case("Default"),
        Desktop::Refused => true,
        Desktop::Unknown => false,
    }
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

/// Read the input desktop and hand what it says to `f`.
#[allow(unsafe_code)] // Win32 calls: std has no desktops.
fn with_input_desktop<T>(f: impl FnOnce(Desktop<'_>) -> T) -> T {
    use windows_sys::Win32::Foundation::ERROR_ACCESS_DENIED;
    use windows_sys::Win32::System::StationsAndDesktops::{
        CloseDesktop, DESKTOP_READOBJECTS, GetUserObjectInformationW, OpenInputDesktop, UOI_NAME,
    };
    // SAFETY: asks for a handle with read access only; no pointers passed.
    let desk = unsafe { OpenInputDesktop(0, 0, DESKTOP_READOBJECTS) };
    if desk.is_null() {
        let e = std::io::Error::last_os_error();
        return f(if e.raw_os_error() == Some(ERROR_ACCESS_DENIED as i32) {
            Desktop::Refused
        } else {
            Desktop::Unknown
        });
    }
    let mut name = [0u16; 64];
    let mut needed = 0u32;
    // SAFETY: the buffer is ours and its size in bytes is passed; the call
    // writes at most that much (a NUL-terminated name).
    let ok = unsafe {
        GetUserObjectInformationW(
            desk,
            UOI_NAME,
            name.as_mut_ptr().cast(),
            std::mem::size_of_val(&name) as u32,
            &mut needed,
        )
    } != 0;
    // SAFETY: the handle opened above, closed once.
    unsafe { CloseDesktop(desk) };
    if !ok {
        return f(Desktop::Unknown);
    }
    let len = name.iter().position(|&c| c == 0).unwrap_or(name.len());
    let text = String::from_utf16_lossy(&name[..len]);
    f(Desktop::Named(&text))
}

impl Idle {
    pub fn detect() -> Idle {
        Idle::LastInput
    }

    pub fn name(&self) -> &'static str {
        "Windows GetLastInputInfo (a locked screen counts as a break)"
    }
}

impl IdleSource for Idle {
    fn idle(&mut self) -> Option<TimeDelta> {
        let locked = with_input_desktop(locked);
        super::idle_time(locked, ticks().and_then(|(now, last)| since(now, last)))
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
    fn a_locked_screen_is_away() {
        assert!(!locked(Desktop::Named("Default")));
        assert!(!locked(Desktop::Named("default")));
        assert!(locked(Desktop::Named("Winlogon")));
        assert!(locked(Desktop::Named("Screen-saver")));
        assert!(locked(Desktop::Refused));
        assert!(!locked(Desktop::Unknown), "not known is not away");
    }

    #[test]
    fn the_input_desktop_is_read_unlocked() {
        // Under Wine (and an unlocked Windows session) the input desktop is
        // "Default": not locked.
        assert!(!with_input_desktop(locked));
    }

    #[test]
    fn the_real_call_answers() {
        // Under Wine as on Windows, the call works in a console session.
        assert!(ticks().is_some());
    }
}

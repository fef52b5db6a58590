//! Idle time on macOS: `CGEventSourceSecondsSinceLastEventType` for any input
//! event in the combined session state (the HID idle time the login session
//! sees), from the CoreGraphics framework.
//!
//! The screen lock is read at the same moments (no polling of its own): the
//! session dictionary (`CGSessionCopyCurrentDictionary`) carries
//! `CGSSessionScreenIsLocked` = true while the screen is locked. A locked
//! screen counts as away, as the Linux ScreenSaver source does: a long idle
//! time is reported. TYPE-CHECKED ONLY: no Mac runs these calls in CI.

use crate::remind::IdleSource;
use chrono::TimeDelta;

/// `kCGEventSourceStateCombinedSessionState`.
const COMBINED_SESSION_STATE: i32 = 0;
/// `kCGAnyInputEventType`: the last event of any input kind.
const ANY_INPUT_EVENT: u32 = !0;

/// A CoreFoundation object (`CFTypeRef`, `CFDictionaryRef`, `CFStringRef`).
type CfRef = *const std::ffi::c_void;

#[allow(unsafe_code)] // a foreign declaration
#[link(name = "CoreGraphics", kind = "framework")]
unsafe extern "C" {
    fn CGEventSourceSecondsSinceLastEventType(state: i32, event_type: u32) -> f64;
    /// The login session's dictionary (owned by the caller), or null outside
    /// a window-server session.
    fn CGSessionCopyCurrentDictionary() -> CfRef;
}

#[allow(unsafe_code)] // a foreign declaration
#[link(name = "CoreFoundation", kind = "framework")]
unsafe extern "C" {
    fn CFDictionaryGetValue(dict: CfRef, key: CfRef) -> CfRef;
    fn CFStringCreateWithCString(
        alloc: CfRef,
        text: *const std::ffi::c_char,
        encoding: u32,
    ) -> CfRef;
    fn CFGetTypeID(cf: CfRef) -> usize;
    fn CFBooleanGetTypeID() -> usize;
    fn CFBooleanGetValue(b: CfRef) -> u8;
    fn CFRelease(cf: CfRef);
}

/// `kCFStringEncodingUTF8`.
const UTF8: u32 = 0x0800_0100;
/// The session dictionary's key, present (true) while the screen is locked.
const SCREEN_IS_LOCKED: &std::ffi::CStr = c"CGSSessionScreenIsLocked";

/// Whether the session dictionary says the screen is locked; false when
/// there is no session (ssh) or the key is absent or not a boolean.
#[allow(unsafe_code)] // CoreFoundation calls; see the SAFETY comments.
fn screen_locked() -> bool {
    // SAFETY: a query with no arguments; a non-null result is ours to release.
    let dict = unsafe { CGSessionCopyCurrentDictionary() };
    if dict.is_null() {
        return false;
    }
    // SAFETY: a NUL-terminated UTF-8 string; a non-null result is ours to
    // release.
    let key =
        unsafe { CFStringCreateWithCString(std::ptr::null(), SCREEN_IS_LOCKED.as_ptr(), UTF8) };
    let locked = !key.is_null() && {
        // SAFETY: `dict` and `key` are live objects; the value is borrowed
        // from the dictionary (not released), and its type is checked before
        // it is read as a boolean.
        unsafe {
            let v = CFDictionaryGetValue(dict, key);
            !v.is_null() && CFGetTypeID(v) == CFBooleanGetTypeID() && CFBooleanGetValue(v) != 0
        }
    };
    // SAFETY: both were created (copied) above and are released once.
    unsafe {
        if !key.is_null() {
            CFRelease(key);
        }
        CFRelease(dict);
    }
    locked
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
        "macOS CGEventSource (time since the last input; a locked screen counts as a break)"
    }
}

impl IdleSource for Idle {
    fn idle(&mut self) -> Option<TimeDelta> {
        super::idle_time(screen_locked(), from_seconds(seconds_idle()))
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

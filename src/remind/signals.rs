//! Ending the reminder cleanly. On Unix: SIGINT, SIGTERM and SIGHUP (unless
//! SIGHUP was ignored at start, as `nohup` does). On Windows: Ctrl-C,
//! Ctrl-Break, the console closing, logoff and shutdown
//! (`SetConsoleCtrlHandler`), and a named event `remind stop` sets
//! ([`stop_event_name`]). Either way a flag is set that any wait on the
//! desktop checks, and the loop is woken. Should the loop still be stuck a
//! moment later, the process ends anyway.

use super::Msg;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long the loop has to wind up after a signal before the process ends
/// without it.
pub const GRACE: Duration = Duration::from_millis(2000);

/// Set once a signal asked the reminder to stop.
#[derive(Debug, Clone, Default)]
pub struct StopFlag(Arc<AtomicBool>);

impl StopFlag {
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    pub fn set(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Set the flag and wake the loop, then give it `GRACE` to finish; if it has
/// not (the process is still here), say so and end the process. `again`
/// tells whether a second request came meanwhile (which does not wait).
fn stop_then_end(flag: &StopFlag, tx: &Sender<Msg>, mut again: impl FnMut() -> bool) {
    flag.set();
    let _ = tx.send(Msg::Stop);
    // The loop ends the process well before the grace is over, unless it is
    // stuck in something that cannot be interrupted.
    let start = std::time::Instant::now();
    while start.elapsed() < GRACE && !again() {
        std::thread::sleep(Duration::from_millis(50));
    }
    crate::output::warning("stopped without finishing the history: something did not answer");
    std::process::exit(1);
}

/// Whether `signal`'s disposition is "ignore", as `nohup` leaves SIGHUP.
#[cfg(unix)]
#[allow(unsafe_code)] // libc's sigaction; std has no way to read a disposition.
pub fn ignored(signal: libc::c_int) -> bool {
    // SAFETY: sigaction with a null new action only reads the current one
    // into a zeroed struct we own.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

/// The signals that end a reminder: SIGHUP only when it was not ignored at
/// start (`nohup backfix remind &` must survive the terminal closing).
#[cfg(unix)]
pub fn stop_signals() -> Vec<libc::c_int> {
    let mut v = vec![libc::SIGINT, libc::SIGTERM];
    if !ignored(libc::SIGHUP) {
        v.push(libc::SIGHUP);
    }
    v
}

/// Listen for the stop signals in a small thread: set the flag, send
/// `Msg::Stop`, and end the process if the loop has not within `GRACE`.
#[cfg(unix)]
pub fn listen(tx: Sender<Msg>) -> std::io::Result<StopFlag> {
    let flag = StopFlag::default();
    let mut signals = signal_hook::iterator::Signals::new(stop_signals())?;
    let mine = flag.clone();
    std::thread::Builder::new()
        .name("backfix-signals".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            if signals.forever().next().is_some() {
                stop_then_end(&mine, &tx, || signals.pending().next().is_some());
            }
        })?;
    Ok(flag)
}

/// The name of the event a Windows reminder with process id `pid` waits on:
/// `backfix remind stop` sets it. `Local\` keeps it to the login session.
pub fn stop_event_name(pid: u32) -> String {
    format!("Local\\backfix-remind-stop-{pid}")
}

#[cfg(windows)]
fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(std::iter::once(0)).collect()
}

/// The flag and the loop's channel, for the console control handler (a
/// plain function the system calls on a thread of its own).
#[cfg(windows)]
static CONSOLE: std::sync::OnceLock<(StopFlag, std::sync::Mutex<Sender<Msg>>)> =
    std::sync::OnceLock::new();

/// Ctrl-C, Ctrl-Break, the console window closing, logoff, shutdown: stop
/// like a signal on Unix. The system ends the process when this returns for
/// the last three, so it waits here for the loop to wind up.
#[cfg(windows)]
extern "system" fn on_console_event(_kind: u32) -> windows_sys::core::BOOL {
    if let Some((flag, tx)) = CONSOLE.get() {
        let tx = match tx.lock() {
            Ok(tx) => tx.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        stop_then_end(flag, &tx, || false);
    }
    1
}

/// Listen for Ctrl-C, console close, logoff and shutdown, and for the named
/// stop event: set the flag, send `Msg::Stop`, and end the process if the
/// loop has not within `GRACE`.
#[cfg(windows)]
#[allow(unsafe_code)] // Win32 calls; see the SAFETY comments.
pub fn listen(tx: Sender<Msg>) -> std::io::Result<StopFlag> {
    use windows_sys::Win32::Foundation::{CloseHandle, WAIT_OBJECT_0};
    use windows_sys::Win32::System::Console::SetConsoleCtrlHandler;
    use windows_sys::Win32::System::Threading::{CreateEventW, INFINITE, WaitForSingleObject};

    let flag = StopFlag::default();
    let name = wide(&stop_event_name(std::process::id()));
    // SAFETY: a manual-reset event, initially unset, with default security
    // and a NUL-terminated UTF-16 name that outlives the call.
    let event = unsafe { CreateEventW(std::ptr::null(), 1, 0, name.as_ptr()) };
    if event.is_null() {
        return Err(std::io::Error::last_os_error());
    }
    let _ = CONSOLE.set((flag.clone(), std::sync::Mutex::new(tx.clone())));
    let handler: unsafe extern "system" fn(u32) -> windows_sys::core::BOOL = on_console_event;
    // SAFETY: registers a function with the signature the system expects;
    // it stays valid for the life of the process.
    if unsafe { SetConsoleCtrlHandler(Some(handler), 1) } == 0 {
        let e = std::io::Error::last_os_error();
        // SAFETY: the handle was created above and is not used again.
        unsafe { CloseHandle(event) };
        return Err(e);
    }
    // A raw handle is not Send; the thread owns it from here on.
    let handle = event as usize;
    let mine = flag.clone();
    std::thread::Builder::new()
        .name("backfix-signals".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            // SAFETY: waits on the event handle this thread owns; it is never
            // closed while the process lives.
            let woke = unsafe { WaitForSingleObject(handle as _, INFINITE) };
            if woke == WAIT_OBJECT_0 {
                stop_then_end(&mine, &tx, || false);
            }
        })?;
    Ok(flag)
}

/// Ask the Windows reminder `pid` to stop by setting its named event.
/// Returns false when the event does not exist (no such reminder).
#[cfg(windows)]
#[allow(unsafe_code)] // Win32 calls; see the SAFETY comments.
pub fn request_stop(pid: u32) -> std::io::Result<bool> {
    use windows_sys::Win32::Foundation::CloseHandle;
    use windows_sys::Win32::System::Threading::{EVENT_MODIFY_STATE, OpenEventW, SetEvent};
    let name = wide(&stop_event_name(pid));
    // SAFETY: opens an existing event by a NUL-terminated name that outlives
    // the call; only the right to set it is asked for.
    let event = unsafe { OpenEventW(EVENT_MODIFY_STATE, 0, name.as_ptr()) };
    if event.is_null() {
        return Ok(false);
    }
    // SAFETY: the handle was just opened with EVENT_MODIFY_STATE.
    let set = unsafe { SetEvent(event) } != 0;
    let err = std::io::Error::last_os_error();
    // SAFETY: closes the handle opened above, once.
    unsafe { CloseHandle(event) };
    if set { Ok(true) } else { Err(err) }
}

/// Ask the reminder `pid`, already proven to be a backfix reminder holding
/// the lock (`state::running`), to stop: SIGTERM on Unix, its stop event on
/// Windows. Nothing else is ever signalled.
#[cfg(unix)]
#[allow(unsafe_code)] // std can signal only its own children.
pub fn request_stop_of_reminder(pid: u32) -> std::io::Result<()> {
    let signed = i32::try_from(pid).map_err(|_| std::io::Error::other("not a process id"))?;
    // SAFETY: kill(2) with a pid proven by the caller to be a backfix
    // reminder holding the lock.
    if unsafe { libc::kill(signed, libc::SIGTERM) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// See the Unix version: on Windows the reminder's named stop event is set.
#[cfg(windows)]
pub fn request_stop_of_reminder(pid: u32) -> std::io::Result<()> {
    if request_stop(pid)? {
        Ok(())
    } else {
        Err(std::io::Error::other(
            "it does not listen for a stop request (no stop event)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_event_is_per_process_and_per_session() {
        assert_eq!(stop_event_name(4242), "Local\\backfix-remind-stop-4242");
    }
}

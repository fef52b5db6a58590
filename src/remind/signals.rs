//! Ending the reminder on a signal: SIGINT, SIGTERM and SIGHUP (unless
//! SIGHUP was ignored at start, as `nohup` does) set a flag that any wait on
//! the desktop checks, and wake the loop. Should the loop still be stuck a
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

/// Whether `signal`'s disposition is "ignore", as `nohup` leaves SIGHUP.
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
pub fn stop_signals() -> Vec<libc::c_int> {
    let mut v = vec![libc::SIGINT, libc::SIGTERM];
    if !ignored(libc::SIGHUP) {
        v.push(libc::SIGHUP);
    }
    v
}

/// Listen for the stop signals in a small thread: set the flag, send
/// `Msg::Stop`, and end the process if the loop has not within `GRACE`.
pub fn listen(tx: Sender<Msg>) -> std::io::Result<StopFlag> {
    let flag = StopFlag::default();
    let mut signals = signal_hook::iterator::Signals::new(stop_signals())?;
    let mine = flag.clone();
    std::thread::Builder::new()
        .name("backfix-signals".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            if signals.forever().next().is_some() {
                mine.set();
                let _ = tx.send(Msg::Stop);
                // The loop ends the process well before the grace is over,
                // unless it is stuck in something that cannot be interrupted;
                // a second signal does not wait for it.
                let start = std::time::Instant::now();
                while start.elapsed() < GRACE && signals.pending().next().is_none() {
                    std::thread::sleep(Duration::from_millis(50));
                }
                crate::output::warning(
                    "stopped without finishing the history: something did not answer",
                );
                std::process::exit(1);
            }
        })?;
    Ok(flag)
}

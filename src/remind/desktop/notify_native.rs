//! What the Windows and macOS notifiers share: showing bounded in time like
//! a D-Bus call. The platform's call runs on a thread of its own, and one
//! that does not report within `CALL_TIMEOUT` sends the reminder to the
//! terminal. While such a call is still stuck, no second one is started.
//! (Wine 8 has no toast service: it refuses at once with
//! REGDB_E_CLASSNOTREG, 0x80040154, and the reminder goes to the terminal.)
//!
//! The thread may go on after it has reported (on macOS it waits there for
//! the answer to the buttons); the loop never waits for that part.

use crate::remind::Trouble;
use crate::remind::signals::StopFlag;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest showing a notification may take before the reminder goes to
/// the terminal instead.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(3);

/// How often a wait for the platform looks at the stop flag.
const STOP_POLL: Duration = Duration::from_millis(50);

/// Handed to the thread that shows a notification: it reports once whether
/// the platform took it. Dropped without a report (the thread ended early),
/// the call is over and counts as refused.
pub struct Reporter {
    busy: Arc<AtomicBool>,
    tx: mpsc::Sender<Result<(), String>>,
}

impl Reporter {
    pub fn report(self, result: Result<(), String>) {
        // Not busy before the answer, so the next reminder finds it free.
        self.busy.store(false, Ordering::SeqCst);
        let _ = self.tx.send(result);
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.busy.store(false, Ordering::SeqCst);
    }
}

/// Run `call` on a thread named `name` and wait for its report, at most
/// `CALL_TIMEOUT` and only until a stop is asked for. `busy` is set while a
/// call has not reported (a stuck one keeps it set).
pub fn bounded(
    name: &str,
    busy: &Arc<AtomicBool>,
    stop: &StopFlag,
    call: impl FnOnce(Reporter) + Send + 'static,
) -> Result<(), Trouble> {
    if stop.is_set() {
        return Err(Trouble::Interrupted);
    }
    if busy.load(Ordering::SeqCst) {
        // The last call has not come back: do not pile up another.
        return Err(Trouble::TimedOut(CALL_TIMEOUT));
    }
    let (tx, rx) = mpsc::channel();
    busy.store(true, Ordering::SeqCst);
    let reporter = Reporter {
        busy: busy.clone(),
        tx,
    };
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || call(reporter));
    if let Err(e) = spawned {
        busy.store(false, Ordering::SeqCst);
        return Err(Trouble::Refused(format!("cannot start a thread: {e}")));
    }
    // Wait in short steps, so a stop request is not kept waiting.
    let start = Instant::now();
    loop {
        match rx.recv_timeout(STOP_POLL) {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => return Err(Trouble::Refused(e)),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Trouble::Refused(
                    "the notification thread ended without an answer".into(),
                ));
            }
            Err(_) if stop.is_set() => return Err(Trouble::Interrupted),
            Err(_) if start.elapsed() >= CALL_TIMEOUT => {
                return Err(Trouble::TimedOut(CALL_TIMEOUT));
            }
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn free() -> (Arc<AtomicBool>, StopFlag) {
        (Arc::new(AtomicBool::new(false)), StopFlag::default())
    }

    #[test]
    fn a_report_is_the_answer_and_frees_the_next_call() {
        let (busy, stop) = free();
        assert_eq!(bounded("t", &busy, &stop, |r| r.report(Ok(()))), Ok(()));
        assert!(!busy.load(Ordering::SeqCst));
        assert_eq!(
            bounded("t", &busy, &stop, |r| r.report(Err("no toasts".into()))),
            Err(Trouble::Refused("no toasts".into()))
        );
        assert!(!busy.load(Ordering::SeqCst));
        // A thread that ends without a word is a refusal, not a wait.
        assert!(matches!(
            bounded("t", &busy, &stop, drop),
            Err(Trouble::Refused(_))
        ));
        assert!(!busy.load(Ordering::SeqCst));
    }

    /// The thread may go on after its report (macOS waits there for the
    /// buttons' answer): the caller does not wait for it.
    #[test]
    fn the_caller_does_not_wait_for_the_thread_after_its_report() {
        let (busy, stop) = free();
        let (done_tx, done_rx) = mpsc::channel::<()>();
        let start = Instant::now();
        let r = bounded("t", &busy, &stop, move |r| {
            r.report(Ok(()));
            let _ = done_rx.recv_timeout(Duration::from_secs(10));
        });
        assert_eq!(r, Ok(()));
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
        // And the next call is not held up by it.
        assert_eq!(bounded("t", &busy, &stop, |r| r.report(Ok(()))), Ok(()));
        drop(done_tx);
    }

    #[test]
    fn a_stuck_call_times_out_and_no_second_one_starts_while_it_is_stuck() {
        let (busy, stop) = free();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let start = Instant::now();
        let r = bounded("t", &busy, &stop, move |r| {
            let _ = go_rx.recv();
            r.report(Ok(()));
        });
        assert_eq!(r, Err(Trouble::TimedOut(CALL_TIMEOUT)));
        assert!(start.elapsed() >= CALL_TIMEOUT);
        assert!(busy.load(Ordering::SeqCst));
        // Refused at once, and the call given never runs.
        let (ran_tx, ran_rx) = mpsc::channel();
        let start = Instant::now();
        let second = bounded("t", &busy, &stop, move |r| {
            let _ = ran_tx.send(());
            r.report(Ok(()));
        });
        assert_eq!(second, Err(Trouble::TimedOut(CALL_TIMEOUT)));
        assert!(start.elapsed() < Duration::from_secs(1));
        assert!(ran_rx.recv_timeout(Duration::from_millis(200)).is_err());
        // Once it comes back, calls start again.
        go_tx.send(()).unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while busy.load(Ordering::SeqCst) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(bounded("t", &busy, &stop, |r| r.report(Ok(()))), Ok(()));
    }

    #[test]
    fn a_stop_ends_the_wait_and_a_stop_already_asked_starts_nothing() {
        let (busy, stop) = free();
        let flag = stop.clone();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            flag.set();
        });
        let start = Instant::now();
        let r = bounded("t", &busy, &stop, move |r| {
            let _ = go_rx.recv();
            r.report(Ok(()));
        });
        assert_eq!(r, Err(Trouble::Interrupted));
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
        stopper.join().unwrap();
        drop(go_tx);
        let (ran_tx, ran_rx) = mpsc::channel();
        let (busy, _) = free();
        let r = bounded("t", &busy, &stop, move |r| {
            let _ = ran_tx.send(());
            r.report(Ok(()));
        });
        assert_eq!(r, Err(Trouble::Interrupted));
        assert!(ran_rx.recv_timeout(Duration::from_millis(200)).is_err());
    }
}

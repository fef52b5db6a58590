//! The command channel on Windows: a named pipe only the same user can
//! reach, carrying the same one-line protocol as the unix socket
//! (`control::serve`, `control::exchange`).
//!
//! - The name is `\\.\pipe\backfix-remind-<user SID>-<hash of the state
//!   dir>`: per user, and per state dir as the reminder lock is (tests run
//!   several reminders side by side, each with its own state dir).
//! - The pipe is created with a protected DACL that grants access to the
//!   current user's SID alone, `PIPE_REJECT_REMOTE_CLIENTS`, and
//!   `FILE_FLAG_FIRST_PIPE_INSTANCE`: if any process already made a pipe of
//!   that name (a squatter, since the reminder holds the lock), creating it
//!   fails and the reminder says it cannot listen. One instance is made and
//!   reused for every connection, so there is never a moment without it.
//! - A client opens the pipe with identification-only impersonation, and
//!   sends nothing unless the pipe's server process is the reminder the lock
//!   names (`GetNamedPipeServerProcessId`), so a squatter learns nothing.
//! - The listener thread sleeps in `ConnectNamedPipe` (overlapped, waiting on
//!   the connection and on the listener's own quit event): no polling. Every
//!   read and write on a connection is bounded by `TIMEOUT`.

use super::{Command, SendError, TIMEOUT, exchange, serve};
use crate::remind::Msg;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};
use windows_sys::Win32::Foundation::{
    CloseHandle, ERROR_BROKEN_PIPE, ERROR_FILE_NOT_FOUND, ERROR_IO_PENDING, ERROR_PIPE_BUSY,
    ERROR_PIPE_CONNECTED, GENERIC_READ, GENERIC_WRITE, GetLastError, HANDLE, INVALID_HANDLE_VALUE,
    LocalFree, WAIT_OBJECT_0, WAIT_TIMEOUT,
};
use windows_sys::Win32::Security::Authorization::{
    ConvertSidToStringSidW, ConvertStringSecurityDescriptorToSecurityDescriptorW, SDDL_REVISION_1,
};
use windows_sys::Win32::Security::{
    GetTokenInformation, PSECURITY_DESCRIPTOR, SECURITY_ATTRIBUTES, TOKEN_QUERY, TOKEN_USER,
    TokenUser,
};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, FILE_FLAG_FIRST_PIPE_INSTANCE, FILE_FLAG_OVERLAPPED, OPEN_EXISTING,
    PIPE_ACCESS_DUPLEX, ReadFile, SECURITY_IDENTIFICATION, SECURITY_SQOS_PRESENT, WriteFile,
};
use windows_sys::Win32::System::IO::{CancelIoEx, GetOverlappedResult, OVERLAPPED};
use windows_sys::Win32::System::Pipes::{
    ConnectNamedPipe, CreateNamedPipeW, DisconnectNamedPipe, GetNamedPipeServerProcessId,
    PIPE_READMODE_BYTE, PIPE_REJECT_REMOTE_CLIENTS, PIPE_TYPE_BYTE, PIPE_WAIT, WaitNamedPipeW,
};
use windows_sys::Win32::System::Threading::{
    CreateEventW, GetCurrentProcess, INFINITE, OpenProcessToken, SetEvent, WaitForMultipleObjects,
    WaitForSingleObject,
};

/// The pipe's name, from the user's SID and the state dir (pure).
pub fn pipe_name(sid: &str, state_dir: &Path) -> PathBuf {
    PathBuf::from(format!(
        r"\\.\pipe\backfix-remind-{sid}-{:016x}",
        fnv1a(&state_dir.to_string_lossy().to_lowercase())
    ))
}

/// FNV-1a, 64 bits: stable across builds and Rust versions (a reminder and
/// a client of another backfix version still meet).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The SDDL of the pipe: owned by the user, a protected DACL (nothing
/// inherited) that lets the user alone in (pure).
pub fn sddl(sid: &str) -> String {
    format!("O:{sid}D:P(A;;GA;;;{sid})")
}

/// Where the reminder whose state dir is `state_dir` listens.
pub fn address(state_dir: &Path) -> io::Result<PathBuf> {
    Ok(pipe_name(&user_sid()?, state_dir))
}

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(std::iter::once(0)).collect()
}

fn last_error() -> io::Error {
    io::Error::last_os_error()
}

/// A handle closed when dropped.
struct Owned(HANDLE);

// SAFETY: a kernel handle is a process-wide value, usable from any thread;
// each Owned is used by one thread at a time.
#[allow(unsafe_code)]
unsafe impl Send for Owned {}

impl Drop for Owned {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY: the handle is ours, valid, and closed once, here.
        unsafe { CloseHandle(self.0) };
    }
}

/// A manual-reset event, unset.
#[allow(unsafe_code)]
fn event() -> io::Result<Owned> {
    // SAFETY: an unnamed event with default security; no pointers kept.
    let h = unsafe { CreateEventW(std::ptr::null(), 1, 0, std::ptr::null()) };
    if h.is_null() {
        return Err(last_error());
    }
    Ok(Owned(h))
}

/// The current user's SID as a string (`S-1-5-21-...`).
#[allow(unsafe_code)]
fn user_sid() -> io::Result<String> {
    let mut token: HANDLE = std::ptr::null_mut();
    // SAFETY: our own process's pseudo-handle; the token handle is written
    // into a local we own.
    if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
        return Err(last_error());
    }
    let token = Owned(token);
    // A TOKEN_USER with its SID fits in far less; u64s keep it aligned.
    let mut buf = [0u64; 64];
    let mut len = 0u32;
    // SAFETY: the buffer is ours and its size in bytes is passed; the call
    // writes at most that much.
    let ok = unsafe {
        GetTokenInformation(
            token.0,
            TokenUser,
            buf.as_mut_ptr().cast(),
            std::mem::size_of_val(&buf) as u32,
            &mut len,
        )
    };
    if ok == 0 {
        return Err(last_error());
    }
    // SAFETY: on success the buffer starts with a TOKEN_USER (aligned: u64s).
    let sid = unsafe { (*buf.as_ptr().cast::<TOKEN_USER>()).User.Sid };
    let mut text: *mut u16 = std::ptr::null_mut();
    // SAFETY: `sid` points into `buf`, alive for the call; the string the
    // call allocates is read, then freed with LocalFree as documented.
    unsafe {
        if ConvertSidToStringSidW(sid, &mut text) == 0 {
            return Err(last_error());
        }
        let mut n = 0;
        while *text.add(n) != 0 {
            n += 1;
        }
        let s = String::from_utf16_lossy(std::slice::from_raw_parts(text, n));
        LocalFree(text.cast());
        Ok(s)
    }
}

/// One end of a connected pipe, opened for overlapped I/O: every read and
/// write waits at most `limit`.
struct Conn {
    pipe: HANDLE,
    event: Owned,
    limit: Duration,
}

impl Conn {
    /// Run one overlapped read or write (`start` issues it) to its end, or
    /// cancel it after `limit`; the bytes moved. A broken pipe reads as 0.
    #[allow(unsafe_code)]
    fn io(&self, start: impl FnOnce(*mut OVERLAPPED) -> i32) -> io::Result<usize> {
        // SAFETY: a zeroed OVERLAPPED is its documented initial state.
        let mut ov: OVERLAPPED = unsafe { std::mem::zeroed() };
        ov.hEvent = self.event.0;
        if start(&mut ov) == 0 {
            // SAFETY: reads this thread's last error.
            let e = unsafe { GetLastError() };
            match e {
                ERROR_IO_PENDING => {}
                ERROR_BROKEN_PIPE => return Ok(0),
                _ => return Err(io::Error::from_raw_os_error(e as i32)),
            }
        }
        let ms = self.limit.as_millis().min(u128::from(INFINITE - 1)) as u32;
        // SAFETY: waits on our event, which the pending operation signals.
        let woke = unsafe { WaitForSingleObject(self.event.0, ms) };
        let mut moved = 0u32;
        if woke == WAIT_TIMEOUT {
            // SAFETY: cancels the operation on `ov`, then waits for it to end,
            // so `ov` is not in use when this frame ends.
            unsafe {
                CancelIoEx(self.pipe, &ov);
                GetOverlappedResult(self.pipe, &ov, &mut moved, 1);
            }
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the other side did not answer",
            ));
        }
        // SAFETY: the operation on `ov` has ended (its event is set).
        if unsafe { GetOverlappedResult(self.pipe, &ov, &mut moved, 1) } == 0 {
            // SAFETY: reads this thread's last error.
            let e = unsafe { GetLastError() };
            if e == ERROR_BROKEN_PIPE {
                return Ok(0);
            }
            return Err(io::Error::from_raw_os_error(e as i32));
        }
        Ok(moved as usize)
    }
}

impl io::Read for Conn {
    #[allow(unsafe_code)]
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let len = buf.len().min(u32::MAX as usize) as u32;
        let pipe = self.pipe;
        // SAFETY: `buf` outlives the operation: `io` returns only once it
        // has ended.
        self.io(|ov| unsafe { ReadFile(pipe, buf.as_mut_ptr(), len, std::ptr::null_mut(), ov) })
    }
}

impl io::Write for Conn {
    #[allow(unsafe_code)]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let len = buf.len().min(u32::MAX as usize) as u32;
        let pipe = self.pipe;
        // SAFETY: as for `read`.
        let n =
            self.io(|ov| unsafe { WriteFile(pipe, buf.as_ptr(), len, std::ptr::null_mut(), ov) })?;
        if n == 0 && !buf.is_empty() {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The listening pipe: dropping it wakes the listener thread, which closes
/// the pipe.
pub struct Listener {
    quit: Owned,
}

impl Drop for Listener {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY: our own valid event handle (the thread waits on a
        // duplicate of it, so closing this one afterwards is safe).
        unsafe { SetEvent(self.quit.0) };
    }
}

/// Create the pipe `name` (its first instance, the user alone let in,
/// remote clients refused) and hand each command to the loop through `tx`.
#[allow(unsafe_code)]
pub fn listen(name: &Path, tx: Sender<Msg>) -> io::Result<Listener> {
    let sid = user_sid()?;
    let sd_text = wide(&sddl(&sid));
    let mut sd: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
    // SAFETY: a NUL-terminated SDDL string; the descriptor the call
    // allocates is freed below with LocalFree, as documented.
    let ok = unsafe {
        ConvertStringSecurityDescriptorToSecurityDescriptorW(
            sd_text.as_ptr(),
            SDDL_REVISION_1,
            &mut sd,
            std::ptr::null_mut(),
        )
    };
    if ok == 0 {
        return Err(last_error());
    }
    let attrs = SECURITY_ATTRIBUTES {
        nLength: std::mem::size_of::<SECURITY_ATTRIBUTES>() as u32,
        lpSecurityDescriptor: sd,
        bInheritHandle: 0,
    };
    let wname = wide(&name.to_string_lossy());
    // SAFETY: the name and the security attributes outlive the call; one
    // instance, small buffers.
    let pipe = unsafe {
        CreateNamedPipeW(
            wname.as_ptr(),
            PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE | FILE_FLAG_OVERLAPPED,
            PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
            1,
            4096,
            4096,
            0,
            &attrs,
        )
    };
    let created = last_error();
    // SAFETY: the descriptor was allocated by the conversion above; the pipe
    // keeps its own copy.
    unsafe { LocalFree(sd) };
    if pipe == INVALID_HANDLE_VALUE {
        return Err(match created.raw_os_error() {
            Some(5 | 231) => io::Error::new(
                created.kind(),
                "a pipe of that name already exists, made by another process (nothing else \
                 should use it while this reminder holds the lock)",
            ),
            _ => created,
        });
    }
    let pipe = Owned(pipe);
    let quit = event()?;
    let connected = event()?;
    // The thread's own handle on the quit event, so dropping the Listener
    // closes nothing the thread still waits on.
    let quit_thread = duplicate(&quit)?;
    std::thread::Builder::new()
        .name("control".into())
        .spawn(move || serve_pipe(&pipe, &connected, &quit_thread, &tx))?;
    Ok(Listener { quit })
}

/// Another handle on the same event.
#[allow(unsafe_code)]
fn duplicate(h: &Owned) -> io::Result<Owned> {
    use windows_sys::Win32::Foundation::{DUPLICATE_SAME_ACCESS, DuplicateHandle};
    let mut out: HANDLE = std::ptr::null_mut();
    // SAFETY: duplicates our own valid handle within our process into a
    // local we own.
    let ok = unsafe {
        DuplicateHandle(
            GetCurrentProcess(),
            h.0,
            GetCurrentProcess(),
            &mut out,
            0,
            0,
            DUPLICATE_SAME_ACCESS,
        )
    };
    if ok == 0 {
        return Err(last_error());
    }
    Ok(Owned(out))
}

/// The listener thread: wait for a client (or the quit event), serve it,
/// wait for it to hang up, disconnect, again.
#[allow(unsafe_code)]
fn serve_pipe(pipe: &Owned, connected: &Owned, quit: &Owned, tx: &Sender<Msg>) {
    loop {
        // SAFETY: a zeroed OVERLAPPED is its documented initial state.
        let mut ov: OVERLAPPED = unsafe { std::mem::zeroed() };
        ov.hEvent = connected.0;
        // SAFETY: `ov` lives until the connect has ended: every path below
        // either sees it end or cancels it and waits for it.
        let ok = unsafe { ConnectNamedPipe(pipe.0, &mut ov) } != 0;
        // SAFETY: reads this thread's last error.
        let err = unsafe { GetLastError() };
        if !ok && err == ERROR_IO_PENDING {
            let handles = [connected.0, quit.0];
            // SAFETY: two valid event handles we own; no polling: this
            // sleeps until a client comes or the reminder ends.
            let woke = unsafe { WaitForMultipleObjects(2, handles.as_ptr(), 0, INFINITE) };
            let mut n = 0;
            if woke != WAIT_OBJECT_0 {
                // SAFETY: cancel the pending connect and wait for it to end,
                // so `ov` is not in use after this.
                unsafe {
                    CancelIoEx(pipe.0, &ov);
                    GetOverlappedResult(pipe.0, &ov, &mut n, 1);
                }
                return;
            }
            // SAFETY: the connect on `ov` has ended.
            if unsafe { GetOverlappedResult(pipe.0, &ov, &mut n, 1) } == 0 {
                // SAFETY: resets the pipe for the next client.
                unsafe { DisconnectNamedPipe(pipe.0) };
                continue;
            }
        } else if !ok && err != ERROR_PIPE_CONNECTED {
            // The pipe itself failed: stop listening rather than spin.
            return;
        }
        let Ok(event) = event() else { return };
        let mut conn = Conn {
            pipe: pipe.0,
            event,
            limit: TIMEOUT,
        };
        let served = serve(&mut conn, tx);
        // Disconnecting drops what the client has not read yet: wait (at
        // most TIMEOUT) for it to hang up first.
        let mut rest = [0u8; 64];
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            match io::Read::read(&mut conn, &mut rest) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
        // SAFETY: our pipe, made ready for the next client.
        unsafe { DisconnectNamedPipe(pipe.0) };
        if served.is_err() {
            // The loop is gone; so is the reminder.
            return;
        }
    }
}

/// Send `cmd` to the reminder listening on the pipe `name`, which must be
/// served by the process `reminder` (the pid the lock names) when given.
#[allow(unsafe_code)]
pub fn send(name: &Path, cmd: &Command, reminder: Option<u32>) -> Result<String, SendError> {
    let wname = wide(&name.to_string_lossy());
    let deadline = Instant::now() + TIMEOUT;
    let pipe = loop {
        // SAFETY: a NUL-terminated name; identification-only impersonation,
        // so whoever serves the pipe cannot act as us.
        let h = unsafe {
            CreateFileW(
                wname.as_ptr(),
                GENERIC_READ | GENERIC_WRITE,
                0,
                std::ptr::null(),
                OPEN_EXISTING,
                FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION,
                std::ptr::null_mut(),
            )
        };
        if h != INVALID_HANDLE_VALUE {
            break Owned(h);
        }
        let e = last_error();
        match e.raw_os_error().map(|c| c as u32) {
            Some(ERROR_FILE_NOT_FOUND) => return Err(SendError::NotRunning),
            Some(ERROR_PIPE_BUSY) => {
                // Another client is being served: wait for the pipe.
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(SendError::Io(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the reminder is busy with another command",
                    )));
                }
                // SAFETY: a NUL-terminated name; waits at most `left`.
                unsafe { WaitNamedPipeW(wname.as_ptr(), left.as_millis().max(1) as u32) };
            }
            _ => return Err(SendError::Io(e)),
        }
    };
    if let Some(expected) = reminder {
        let mut server = 0u32;
        // SAFETY: our open pipe handle; writes one integer we own.
        if unsafe { GetNamedPipeServerProcessId(pipe.0, &mut server) } == 0 {
            return Err(SendError::Io(last_error()));
        }
        if server != expected {
            return Err(SendError::Io(io::Error::other(format!(
                "the pipe is served by process {server}, not by the reminder (pid {expected}); \
                 nothing was sent"
            ))));
        }
    }
    let event = event().map_err(SendError::Io)?;
    let mut conn = Conn {
        pipe: pipe.0,
        event,
        limit: TIMEOUT + Duration::from_secs(1),
    };
    exchange(&mut conn, cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_per_user_and_per_state_dir() {
        let a = pipe_name("S-1-5-21-1-2-3-1001", Path::new(r"C:\Users\a\state"));
        assert!(
            a.to_string_lossy()
                .starts_with(r"\\.\pipe\backfix-remind-S-1-5-21-1-2-3-1001-"),
            "{a:?}"
        );
        assert_eq!(
            a,
            pipe_name("S-1-5-21-1-2-3-1001", Path::new(r"c:\users\A\STATE")),
            "Windows paths ignore case"
        );
        assert_ne!(
            a,
            pipe_name("S-1-5-21-1-2-3-1002", Path::new(r"C:\Users\a\state"))
        );
        assert_ne!(
            a,
            pipe_name("S-1-5-21-1-2-3-1001", Path::new(r"C:\Users\b\state"))
        );
        // FNV-1a's published test vector: the name is stable across builds.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn only_the_user_is_let_in() {
        assert_eq!(sddl("S-1-5-21-9"), "O:S-1-5-21-9D:P(A;;GA;;;S-1-5-21-9)");
    }

    #[test]
    fn the_user_has_a_sid() {
        let sid = user_sid().unwrap();
        assert!(sid.starts_with("S-1-"), "{sid}");
    }
}

//! The one integration-test crate: the real binary end to end, the built-in
//! data, generated files and property tests, one module per area.

// The tests send signals to the processes they start (stop, continue, hang
// up) and make a FIFO, through libc: each call is plain FFI on a pid or path
// the test owns, so they are allowed here once rather than block by block.
#![allow(unsafe_code, clippy::undocumented_unsafe_blocks)]

mod cli;
mod common;
// Commands to the running reminder: a unix socket, a named pipe on Windows.
mod control;
mod data;
mod generated;
mod plan;
mod programme;
mod props;
mod record;
// The reminder end to end on the freedesktop desktop: a private D-Bus bus,
// dunst, Xvfb and Unix signals.
#[cfg(all(unix, not(target_vendor = "apple")))]
mod remind;
// The reminder on Windows (under Wine in CI) and macOS: lock, status and stop.
#[cfg(any(windows, target_vendor = "apple"))]
mod remind_native;
mod routine;
// Idle time on a real Wayland compositor (headless sway), Linux only.
#[cfg(target_os = "linux")]
mod wayland;

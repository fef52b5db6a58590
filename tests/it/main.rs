//! The one integration-test crate: the real binary end to end, the built-in
//! data, generated files and property tests, one module per area.

// The tests send signals to the processes they start (stop, continue, hang
// up) and make a FIFO, through libc: each call is plain FFI on a pid or path
// the test owns, so they are allowed here once rather than block by block.
#![allow(unsafe_code, clippy::undocumented_unsafe_blocks)]

mod cli;
mod common;
mod control;
mod data;
mod generated;
mod programme;
mod props;
mod record;
mod remind;
mod routine;

//! The one integration-test crate: the real binary end to end, the built-in
//! data, generated files and property tests, one module per area.

mod cli;
mod common;
mod data;
mod generated;
mod props;
mod remind;
mod routine;

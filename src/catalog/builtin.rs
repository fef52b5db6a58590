//! The built-in catalogue, compiled from `data/*.json` by `build.rs`: the
//! record slices (`EXERCISES`, `COMPLAINTS`, ...), the list pools (`STRS`,
//! `ITEMS`, `FLAGS`, `SIGNS`) and `TEXT`, all built-in text in one string.
//! Nothing in them is a pointer, so start-up relocates none of it.

#![allow(clippy::all)]

use crate::model::*;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

//! The built-in catalogue, compiled from `data/*.json` by `build.rs`.

#![allow(clippy::all)]

use crate::model::*;
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

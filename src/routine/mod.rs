//! The routine job: a plan for a complaint fitted to the time given
//! (`plan.rs`, pure), doses in words and time (`dose.rs`), and the guided
//! walk-through on the terminal (`guided.rs`).

pub mod dose;
pub mod guided;
pub mod plan;

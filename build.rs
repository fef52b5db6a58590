//! Turns `data/*.json` into Rust statics (`$OUT_DIR/builtin.rs`), so that the
//! binary carries its catalogue ready to use and parses nothing at start-up.
//! The statics hold no pointers, so the dynamic loader relocates nothing of
//! theirs at start-up: all text goes into one string (`$OUT_DIR/builtin.txt`,
//! `TEXT`) and a `Str` is an offset and length into it; the elements of every
//! list of one type go into one static array (`STRS`, `ITEMS`, `FLAGS`,
//! `SIGNS`) and a `List` is an offset and length into that.
//! The JSON files stay the single source of truth; a test checks that the
//! statics equal a fresh parse of the embedded JSON.

// model.rs resolves built-in text and lists through `crate::catalog::builtin`;
// here nothing is built in yet, so empty stand-ins do.
#[allow(dead_code)]
mod catalog {
    pub mod builtin {
        use crate::model::*;
        pub const TEXT: &str = "";
        pub static STRS: [Str; 0] = [];
        pub static ITEMS: [RoutineItem; 0] = [];
        pub static FLAGS: [ComplaintFlag; 0] = [];
        pub static SIGNS: [Sign; 0] = [];
    }
}

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;

use model::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

/// What the records are written into: the text, and one pool of element
/// expressions per list type.
#[derive(Default)]
struct Out {
    text: String,
    interned: HashMap<String, (u32, u32)>,
    pools: [Vec<String>; 4],
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("the built-in data fits in u32 offsets")
}

trait Emit {
    /// A Rust expression for the value.
    fn emit(&self, out: &mut Out) -> String;
}

/// The pool a list's elements go into, and its name in builtin.rs.
trait Pool {
    const POOL: usize;
}
impl Pool for Str {
    const POOL: usize = 0;
}
impl Pool for RoutineItem {
    const POOL: usize = 1;
}
impl Pool for ComplaintFlag {
    const POOL: usize = 2;
}
impl Pool for Sign {
    const POOL: usize = 3;
}
const POOLS: [(&str, &str); 4] = [
    ("STRS", "Str"),
    ("ITEMS", "RoutineItem"),
    ("FLAGS", "ComplaintFlag"),
    ("SIGNS", "Sign"),
];

impl Emit for Str {
    fn emit(&self, out: &mut Out) -> String {
        let s: &str = self;
        let (start, len) = match out.interned.get(s) {
            Some(&at) => at,
            None => {
                let at = (to_u32(out.text.len()), to_u32(s.len()));
                out.text.push_str(s);
                out.interned.insert(s.to_string(), at);
                at
            }
        };
        format!("Str::Builtin({start},{len})")
    }
}

impl<T: Emit + Pool + Pooled> Emit for List<T> {
    fn emit(&self, out: &mut Out) -> String {
        // Elements first: their own lists go into the pools before this one.
        let items: Vec<String> = self.iter().map(|item| item.emit(out)).collect();
        let pool = &mut out.pools[T::POOL];
        let start = to_u32(pool.len());
        pool.extend(items);
        format!("List::Builtin({start},{})", to_u32(self.len()))
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut Out) -> String {
        match self {
            Some(v) => format!("Some({})", v.emit(out)),
            None => "None".to_string(),
        }
    }
}

macro_rules! emit_plain {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, _: &mut Out) -> String {
                format!("{:?}", self)
            }
        }
    )*};
}
emit_plain!(bool, u8, u16);

macro_rules! emit_enum {
    ($($t:ident),*) => {$(
        impl Emit for $t {
            fn emit(&self, _: &mut Out) -> String {
                format!(concat!(stringify!($t), "::{:?}"), self)
            }
        }
    )*};
}
emit_enum!(Category, TierId, Direction, SourceKind);

macro_rules! emit_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl Emit for $name {
            fn emit(&self, out: &mut Out) -> String {
                let mut s = String::from(concat!(stringify!($name), " {"));
                $(
                    s.push_str(concat!(stringify!($field), ": "));
                    s.push_str(&self.$field.emit(out));
                    s.push(',');
                )*
                s.push('}');
                s
            }
        }
    };
}

emit_struct!(Dose {
    sets,
    reps,
    hold_seconds,
    seconds_per_rep,
    minutes,
    rest_seconds,
    per_side,
    frequency,
    note
});
emit_struct!(Exercise {
    id,
    name,
    aliases,
    category,
    targets,
    position,
    equipment,
    desk,
    summary,
    why,
    steps,
    dose,
    cues,
    mistakes,
    cautions,
    not_for,
    avoid_in,
    tags,
    easier,
    harder,
    sources
});
emit_struct!(Source {
    id,
    short,
    citation,
    year,
    kind,
    doi,
    url
});
emit_struct!(RoutineItem {
    exercise,
    priority,
    dose,
    note,
    direction
});
emit_struct!(ComplaintFlag { text, tier });
emit_struct!(Complaint {
    id,
    name,
    aliases,
    about,
    reassurance,
    items,
    dos,
    donts,
    see_professional,
    red_flags,
    sources
});
emit_struct!(Sign { text, question });
emit_struct!(Region {
    code,
    name,
    emergency,
    emergency_note,
    urgent,
    source
});
emit_struct!(Lesson {
    id,
    title,
    aliases,
    summary,
    paragraphs,
    try_this,
    sources
});
emit_struct!(FlareSection {
    id,
    title,
    points,
    sources
});
emit_struct!(Tier {
    id,
    title,
    summary,
    action,
    signs,
    sources
});

fn load<T: serde::de::DeserializeOwned + Emit>(
    file: &str,
    static_name: &str,
    ty: &str,
    out: &mut Out,
    code: &mut String,
) {
    let path = Path::new("data").join(file);
    println!("cargo::rerun-if-changed={}", path.display());
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let records: Vec<T> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let _ = write!(code, "pub static {static_name}: &[{ty}] = &[");
    for r in &records {
        code.push_str(&r.emit(out));
        code.push_str(",\n");
    }
    code.push_str("];\n");
}

fn main() {
    println!("cargo::rerun-if-changed=src/model.rs");
    let mut out = Out::default();
    let mut code = String::from("// Generated by build.rs from data/*.json. Do not edit.\n");
    load::<Exercise>(
        "exercises.json",
        "EXERCISES",
        "Exercise",
        &mut out,
        &mut code,
    );
    load::<Complaint>(
        "routines.json",
        "COMPLAINTS",
        "Complaint",
        &mut out,
        &mut code,
    );
    load::<Tier>("redflags.json", "TIERS", "Tier", &mut out, &mut code);
    load::<Source>("sources.json", "SOURCES", "Source", &mut out, &mut code);
    load::<Region>("regions.json", "REGIONS", "Region", &mut out, &mut code);
    load::<Lesson>("lessons.json", "LESSONS", "Lesson", &mut out, &mut code);
    load::<FlareSection>("flare.json", "FLARE", "FlareSection", &mut out, &mut code);
    for ((name, ty), pool) in POOLS.iter().zip(&out.pools) {
        let _ = write!(code, "pub static {name}: [{ty}; {}] = [", pool.len());
        for item in pool {
            code.push_str(item);
            code.push_str(",\n");
        }
        code.push_str("];\n");
    }
    code.push_str(
        "pub const TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/builtin.txt\"));\n",
    );
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&dir);
    fs::write(dir.join("builtin.txt"), &out.text).expect("write builtin.txt");
    fs::write(dir.join("builtin.rs"), code).expect("write builtin.rs");
}

//! Suggestions in an order that doesn't repeat until every one was used, and
//! that carries on where the last reminder process left off: the position is
//! kept in `rotation.json` in the state directory.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file in the state directory that keeps the rotation's position.
pub const ROTATION_FILE: &str = "rotation.json";
/// Bumped when the file's layout changes; other versions are ignored.
const VERSION: u32 = 1;
/// A saved file larger than this is damaged, not a rotation.
const MAX_BYTES: u64 = 1 << 20;

#[derive(Debug, Clone)]
pub struct Rotation {
    ids: Vec<String>,
    pos: usize,
    state: u64,
    /// Where the position is kept, once `keep_in` was called.
    file: Option<PathBuf>,
    /// The last suggestion of an earlier process, when its list differed.
    avoid_first: Option<String>,
}

/// What `rotation.json` holds.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Saved {
    version: u32,
    /// The current round, in order.
    ids: Vec<String>,
    /// How many of `ids` were used.
    pos: usize,
    /// The shuffler's state, for the next rounds.
    state: u64,
}

impl Rotation {
    pub fn new(ids: Vec<String>, seed: u64) -> Rotation {
        let mut r = Rotation {
            ids,
            pos: 0,
            state: seed | 1,
            file: None,
            avoid_first: None,
        };
        r.shuffle(None);
        r
    }

    fn rand(&mut self) -> u64 {
        // xorshift64: plenty for shuffling a short list.
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x
    }

    fn shuffle(&mut self, last: Option<String>) {
        for i in (1..self.ids.len()).rev() {
            let j = (self.rand() % (i as u64 + 1)) as usize;
            self.ids.swap(i, j);
        }
        // Never the same exercise twice in a row across rounds.
        if self.ids.len() > 1 && last.as_deref() == self.ids.first().map(String::as_str) {
            let n = self.ids.len();
            self.ids.swap(0, n - 1);
        }
        self.pos = 0;
    }

    pub fn next_id(&mut self) -> Option<String> {
        if self.ids.is_empty() {
            return None;
        }
        if self.pos == self.ids.len() {
            let last = self.ids.last().cloned();
            self.shuffle(last);
        }
        if self.pos == 0
            && let Some(avoid) = self.avoid_first.take()
            && self.ids.len() > 1
            && self.ids[0] == avoid
        {
            let n = self.ids.len();
            self.ids.swap(0, n - 1);
        }
        self.pos += 1;
        let id = self.ids[self.pos - 1].clone();
        self.save();
        Some(id)
    }

    /// Carry on from the position saved in `dir` (when it was saved for the
    /// same suggestions), and save it there after every suggestion. A
    /// missing, damaged or foreign file is ignored and replaced.
    pub fn keep_in(&mut self, dir: &Path) {
        let path = dir.join(ROTATION_FILE);
        self.restore(&path);
        self.file = Some(path);
    }

    /// Carry on from the position saved in `dir`, without saving anything
    /// (for a dry run that shows what the next reminders will suggest).
    pub fn resume_from(&mut self, dir: &Path) {
        self.restore(&dir.join(ROTATION_FILE));
    }

    fn restore(&mut self, path: &Path) {
        if let Some(saved) = load(path) {
            let (mut mine, mut theirs) = (self.ids.clone(), saved.ids.clone());
            mine.sort();
            theirs.sort();
            if mine == theirs && saved.pos <= saved.ids.len() {
                self.ids = saved.ids;
                self.pos = saved.pos;
                self.state = saved.state | 1;
            } else if saved.pos > 0 {
                // Another list (say `--for` changed): at least don't start
                // with the exercise the last reminder suggested.
                self.avoid_first = saved.ids.get(saved.pos - 1).cloned();
            }
        }
    }

    fn save(&self) {
        let Some(path) = &self.file else { return };
        let saved = Saved {
            version: VERSION,
            ids: self.ids.clone(),
            pos: self.pos,
            state: self.state,
        };
        // Losing the position only means a possible repeat: never an error.
        let _ = write_atomically(path, &saved);
    }
}

fn load(path: &Path) -> Option<Saved> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    let saved: Saved = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    (saved.version == VERSION).then_some(saved)
}

/// Write to a temporary file beside `path`, then rename it over `path`: a
/// reader sees the old file or the new one, never half of one.
fn write_atomically(path: &Path, value: &impl Serialize) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or("rotation".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}", std::process::id()));
    let mut text = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    text.push(b'\n');
    let written = std::fs::write(&tmp, &text).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("e{i}")).collect()
    }

    #[test]
    fn rotation_uses_everything_before_repeating() {
        let mut r = Rotation::new(ids(7), 7);
        let mut prev = None;
        for _round in 0..5 {
            let mut seen: Vec<String> = (0..7).map(|_| r.next_id().unwrap()).collect();
            assert_ne!(prev.as_ref(), Some(&seen[0]), "no repeat across rounds");
            prev = seen.last().cloned();
            seen.sort();
            assert_eq!(seen, ids(7));
        }
        assert_eq!(Rotation::new(Vec::new(), 1).next_id(), None);
    }

    #[test]
    fn the_position_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        // One process suggests 3 of 7, then a new one (another seed) starts.
        let mut first = Rotation::new(ids(7), 11);
        first.keep_in(dir.path());
        let mut round: Vec<String> = (0..3).map(|_| first.next_id().unwrap()).collect();
        let mut uninterrupted = first.clone();
        uninterrupted.file = None;
        let mut second = Rotation::new(ids(7), 99);
        second.keep_in(dir.path());
        for i in 0..11 {
            let id = second.next_id();
            assert_eq!(
                id,
                uninterrupted.next_id(),
                "suggestion {i} after the restart"
            );
            if i < 4 {
                round.push(id.unwrap());
            }
        }
        // The first round, across both processes, used every exercise once.
        round.sort();
        assert_eq!(round, ids(7));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [ROTATION_FILE], "no temporary file left behind");
    }

    #[test]
    fn a_dry_run_previews_from_the_saved_position_without_moving_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Rotation::new(ids(5), 8);
        r.keep_in(dir.path());
        r.next_id();
        let before = std::fs::read(dir.path().join(ROTATION_FILE)).unwrap();
        let mut preview = Rotation::new(ids(5), 1);
        preview.resume_from(dir.path());
        let mut expected = r.clone();
        expected.file = None;
        for _ in 0..6 {
            assert_eq!(preview.next_id(), expected.next_id());
        }
        let after = std::fs::read(dir.path().join(ROTATION_FILE)).unwrap();
        assert_eq!(before, after, "a preview saves nothing");
    }

    #[test]
    fn a_damaged_or_foreign_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ROTATION_FILE);
        for junk in [
            &b"{\"version\":1,\"ids\":[\"e0\""[..],
            b"\0\0\0",
            b"{\"version\":9,\"ids\":[],\"pos\":0,\"state\":1}",
            b"{\"version\":1,\"ids\":[\"e0\",\"e1\"],\"pos\":7,\"state\":1}",
        ] {
            std::fs::write(&path, junk).unwrap();
            let mut r = Rotation::new(ids(2), 3);
            let expected = Rotation::new(ids(2), 3).next_id();
            r.keep_in(dir.path());
            assert_eq!(r.next_id(), expected, "{}", String::from_utf8_lossy(junk));
            // ... and replaced by a good one.
            assert!(load(&path).is_some());
        }
        // A directory where the file should be: ignored, nothing breaks.
        let dir2 = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir2.path().join(ROTATION_FILE)).unwrap();
        let mut r = Rotation::new(ids(3), 3);
        r.keep_in(dir2.path());
        assert!(r.next_id().is_some());
    }

    #[test]
    fn another_list_does_not_start_with_the_last_suggestion() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Rotation::new(ids(4), 21);
        r.keep_in(dir.path());
        let last = r.next_id().unwrap();
        for seed in 1..40 {
            let mut other = ids(5);
            other.reverse();
            let mut o = Rotation::new(other, seed);
            // Don't let this one save, so each seed sees the same file.
            o.keep_in(dir.path());
            o.file = None;
            assert_ne!(o.next_id().unwrap(), last, "seed {seed}");
        }
    }
}

//! JSON Lines files that are only ever appended to (the reminder history and
//! the record's journals): one record a line, written whole.

#[cfg(windows)]
use crate::paths::unix_compat::{FileExt, OpenOptionsExt};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::Path;

/// Append `record` (one line of JSON, without its newline) to `path`: the
/// file is opened for appending (mode 0600 when created) and locked, a torn
/// last line is ended first, and the record goes out in one `write`, so
/// concurrent writers never interleave. Only a regular file is written to.
pub fn append(path: &Path, record: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        crate::paths::ensure_dir(dir)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    file.lock()?;
    let result = (|| {
        let mut line = Vec::with_capacity(record.len() + 2);
        if !ends_with_newline(&file)? {
            line.push(b'\n');
        }
        line.extend_from_slice(record);
        line.push(b'\n');
        let written = file.write(&line)?;
        if written != line.len() {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                format!("wrote {written} of {} bytes", line.len()),
            ));
        }
        Ok(())
    })();
    let _ = file.unlock();
    result
}

/// Whether a file is empty or ends with a newline.
fn ends_with_newline(file: &File) -> io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(true);
    }
    let mut last = [0u8];
    file.read_exact_at(&mut last, len - 1)?;
    Ok(last[0] == b'\n')
}

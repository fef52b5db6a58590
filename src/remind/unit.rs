//! `remind install`: a systemd user unit that starts the reminder at login.

pub const UNIT_NAME: &str = "backfix-remind.service";

/// Quote one argument for a systemd ExecStart line.
pub fn quote(arg: &str) -> String {
    let escaped = arg
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('%', "%%")
        .replace('$', "$$");
    if escaped.is_empty()
        || escaped
            .chars()
            .any(|c| c.is_whitespace() || c == ';' || c == '\'')
        || escaped != arg
    {
        format!("\"{escaped}\"")
    } else {
        escaped
    }
}

/// The unit file for running `exe` with `args`.
pub fn unit(exe: &str, args: &[String]) -> String {
    let cmd: Vec<String> = std::iter::once(exe.to_string())
        .chain(args.iter().cloned())
        .map(|a| quote(&a))
        .collect();
    format!(
        "# Written by `backfix remind install`; remove with `backfix remind uninstall`.\n\
         [Unit]\n\
         Description=backfix sitting-break reminders\n\
         Documentation=man:backfix-remind(1)\n\
         PartOf=graphical-session.target\n\
         After=graphical-session.target\n\
         \n\
         [Service]\n\
         Type=simple\n\
         ExecStart={}\n\
         Restart=on-failure\n\
         RestartSec=30\n\
         \n\
         [Install]\n\
         WantedBy=graphical-session.target\n",
        cmd.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("--every"), "--every");
        assert_eq!(quote("1h 30m"), "\"1h 30m\"");
        assert_eq!(quote("/opt/my apps/backfix"), "\"/opt/my apps/backfix\"");
        assert_eq!(quote("100%"), "\"100%%\"");
        assert_eq!(quote(""), "\"\"");
    }

    #[test]
    fn unit_runs_the_binary_with_its_options() {
        let u = unit(
            "/usr/bin/backfix",
            &["remind".into(), "--every".into(), "45m".into()],
        );
        assert!(u.contains("ExecStart=/usr/bin/backfix remind --every 45m\n"));
        assert!(u.contains("WantedBy=graphical-session.target"));
    }
}

//! `remind install`: what starts the reminder at login, one kind per
//! platform, each a pure function of the program's path and its options:
//! a systemd user unit or an XDG autostart entry (Linux and the BSDs), a
//! LaunchAgent (macOS), a command file in the Startup folder (Windows).

pub const UNIT_NAME: &str = "backfix-remind.service";
/// The XDG autostart entry's file name, in `~/.config/autostart`.
pub const DESKTOP_NAME: &str = "backfix-remind.desktop";
/// The LaunchAgent's label and file name, in `~/Library/LaunchAgents`.
pub const AGENT_LABEL: &str = "org.backfix.remind";
pub const AGENT_NAME: &str = "org.backfix.remind.plist";
/// The command file in the Windows Startup folder.
pub const STARTUP_NAME: &str = "backfix-remind.cmd";

/// The exit status of a reminder that did not start because another holds
/// the lock: not a failure to restart (the unit's `RestartPreventExitStatus`).
pub const EXIT_ALREADY_RUNNING: u8 = 6;

/// What `backfix paths` says of the autostart directory, per platform.
#[cfg(all(unix, not(target_vendor = "apple")))]
pub const AUTOSTART_WHAT: &str =
    "where `remind install` writes its XDG autostart entry, when the session has no systemd";
#[cfg(target_vendor = "apple")]
pub const AUTOSTART_WHAT: &str = "where `remind install` writes its LaunchAgent";
#[cfg(windows)]
pub const AUTOSTART_WHAT: &str =
    "the Startup folder, where `remind install` writes its command file";
#[cfg(not(any(unix, windows)))]
pub const AUTOSTART_WHAT: &str = "where `remind install` writes its autostart entry";

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
         # Another reminder (started by hand) holds the lock: not a failure.\n\
         RestartPreventExitStatus={}\n\
         \n\
         [Install]\n\
         WantedBy=graphical-session.target\n",
        cmd.join(" "),
        EXIT_ALREADY_RUNNING
    )
}

/// Quote one argument for the `Exec` key of a desktop entry (the Desktop
/// Entry Specification: reserved characters inside double quotes, with `"`,
/// `` ` ``, `$` and `\` escaped; `%` doubled), then escape backslashes once
/// more for the string value the key holds.
pub fn desktop_quote(arg: &str) -> String {
    const RESERVED: &str = " \t\n\"'\\><~|&;$*?#()`";
    let doubled = arg.replace('%', "%%");
    let quoted = if doubled.is_empty() || doubled.chars().any(|c| RESERVED.contains(c)) {
        let mut q = String::from("\"");
        for c in doubled.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                q.push('\\');
            }
            q.push(c);
        }
        q.push('"');
        q
    } else {
        doubled
    };
    quoted.replace('\\', "\\\\")
}

/// The XDG autostart entry (`~/.config/autostart/backfix-remind.desktop`),
/// for sessions without a systemd user manager (XFCE, i3, plain sway...).
pub fn desktop_entry(exe: &str, args: &[String]) -> String {
    let cmd: Vec<String> = std::iter::once(exe)
        .chain(args.iter().map(String::as_str))
        .map(desktop_quote)
        .collect();
    format!(
        "# Written by `backfix remind install`; remove with `backfix remind uninstall`.\n\
         [Desktop Entry]\n\
         Type=Application\n\
         Name=backfix reminders\n\
         Comment=Sitting-break reminders, each suggesting one short exercise\n\
         Exec={}\n\
         Terminal=false\n\
         NoDisplay=true\n\
         X-GNOME-Autostart-enabled=true\n",
        cmd.join(" ")
    )
}

/// Escape text for an XML element.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The macOS LaunchAgent (`~/Library/LaunchAgents/org.backfix.remind.plist`):
/// run at login, not kept alive (a reminder that ends, or finds another
/// running, stays ended), its output in the state directory's `remind.log`.
pub fn launch_agent(exe: &str, args: &[String], log: &str) -> String {
    let items: String = std::iter::once(exe)
        .chain(args.iter().map(String::as_str))
        .map(|a| format!("        <string>{}</string>\n", xml_escape(a)))
        .collect();
    let log = xml_escape(log);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <!-- Written by `backfix remind install`; remove with `backfix remind uninstall`. -->\n\
         <plist version=\"1.0\">\n\
         <dict>\n\
         \x20   <key>Label</key>\n\
         \x20   <string>{AGENT_LABEL}</string>\n\
         \x20   <key>ProgramArguments</key>\n\
         \x20   <array>\n\
         {items}\
         \x20   </array>\n\
         \x20   <key>RunAtLoad</key>\n\
         \x20   <true/>\n\
         \x20   <key>KeepAlive</key>\n\
         \x20   <false/>\n\
         \x20   <key>ProcessType</key>\n\
         \x20   <string>Interactive</string>\n\
         \x20   <key>StandardOutPath</key>\n\
         \x20   <string>{log}</string>\n\
         \x20   <key>StandardErrorPath</key>\n\
         \x20   <string>{log}</string>\n\
         </dict>\n\
         </plist>\n"
    )
}

/// Quote one argument for a Windows command file: `%` doubled (a batch
/// file would expand it), and double quotes around anything but plain
/// characters, so `&`, `|`, `<`, `>`, `^` and spaces stay literal. A `"`
/// inside cannot be passed safely and is dropped (no option of ours has one).
pub fn cmd_quote(arg: &str) -> String {
    let a = arg.replace('%', "%%").replace('"', "");
    let plain = !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.,:=+/\\".contains(c));
    if plain { a } else { format!("\"{a}\"") }
}

/// The command file for the Windows Startup folder: starts the reminder
/// in a minimised console window at every login (closing that window, or
/// logging off, stops it cleanly). CRLF line ends, as cmd.exe expects.
pub fn startup_cmd(exe: &str, args: &[String]) -> String {
    let cmd: Vec<String> = std::iter::once(exe)
        .chain(args.iter().map(String::as_str))
        .map(cmd_quote)
        .collect();
    format!(
        "@echo off\r\n\
         rem Written by `backfix remind install`; remove with `backfix remind uninstall`.\r\n\
         start \"backfix reminders\" /min {}\r\n",
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
        // "Already running" is not a failure to restart for ever.
        assert!(u.contains("Restart=on-failure\n"));
        assert!(u.contains(&format!(
            "RestartPreventExitStatus={EXIT_ALREADY_RUNNING}\n"
        )));
    }

    fn args() -> Vec<String> {
        ["remind", "--every", "1h 30m", "--for", "desk"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn desktop_entry_quotes_exec_as_the_spec_says() {
        assert_eq!(desktop_quote("--every"), "--every");
        assert_eq!(desktop_quote("1h 30m"), "\"1h 30m\"");
        assert_eq!(desktop_quote("100%"), "100%%");
        assert_eq!(desktop_quote("a$b"), "\"a\\\\$b\"");
        assert_eq!(desktop_quote(""), "\"\"");
        let e = desktop_entry("/opt/my apps/backfix", &args());
        assert!(e.starts_with("# Written by `backfix remind install`"));
        assert!(e.contains("[Desktop Entry]\nType=Application\n"));
        assert!(
            e.contains("\nExec=\"/opt/my apps/backfix\" remind --every \"1h 30m\" --for desk\n"),
            "{e}"
        );
        assert!(e.contains("\nTerminal=false\n"));
    }

    #[test]
    fn launch_agent_runs_at_load_and_is_not_kept_alive() {
        let p = launch_agent("/Users/a&b/bin/backfix", &args(), "/tmp/remind.log");
        assert!(p.contains("<key>Label</key>\n    <string>org.backfix.remind</string>"));
        assert!(
            p.contains(
                "<array>\n        <string>/Users/a&amp;b/bin/backfix</string>\n        <string>remind</string>\n        <string>--every</string>\n        <string>1h 30m</string>\n"
            ),
            "{p}"
        );
        assert!(p.contains("<key>RunAtLoad</key>\n    <true/>"));
        assert!(p.contains("<key>KeepAlive</key>\n    <false/>"));
        assert!(p.contains("<string>/tmp/remind.log</string>"));
        assert!(p.ends_with("</dict>\n</plist>\n"));
        // Every element that opens is closed.
        for tag in ["dict", "array", "plist"] {
            assert_eq!(
                p.matches(&format!("<{tag}")).count(),
                p.matches(&format!("</{tag}>")).count(),
                "{tag}"
            );
        }
    }

    #[test]
    fn startup_cmd_starts_it_minimised_with_safe_quoting() {
        assert_eq!(cmd_quote("--every"), "--every");
        assert_eq!(cmd_quote("09:00-17:30"), "09:00-17:30");
        assert_eq!(cmd_quote("1h 30m"), "\"1h 30m\"");
        assert_eq!(cmd_quote("a&b"), "\"a&b\"");
        assert_eq!(cmd_quote("50%"), "\"50%%\"");
        assert_eq!(cmd_quote("say \"hi\""), "\"say hi\"");
        let c = startup_cmd(r"C:\Program Files\backfix\backfix.exe", &args());
        assert_eq!(
            c,
            "@echo off\r\nrem Written by `backfix remind install`; remove with `backfix remind uninstall`.\r\n\
             start \"backfix reminders\" /min \"C:\\Program Files\\backfix\\backfix.exe\" remind --every \"1h 30m\" --for desk\r\n"
        );
    }
}

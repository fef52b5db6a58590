//! The user's region, and the emergency and advice numbers that go with it.
//!
//! The region comes from, in order: `BACKFIX_REGION`; a `region = "GB"` line
//! in `config.toml` in the config directory; the territory of the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: `en_GB.UTF-8` is GB). Without one (or for
//! a region backfix has no numbers for), the wording is neutral: "your local
//! emergency number". The numbers are in `data/regions.json`, one checked
//! source per row.

use crate::catalog::builtin::REGIONS;
use crate::model::Region;
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const REGION_ENV: &str = "BACKFIX_REGION";
pub use crate::config::CONFIG_FILE;
/// The locale variables, in the order that decides.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// Emergency wording when the region is not known.
pub const NEUTRAL_EMERGENCY: &str = "your local emergency number (for example 112 in Europe, \
     911 in North America, 000 in Australia)";
/// Same-day wording where there is no public advice line, or no region.
pub const NEUTRAL_URGENT: &str = "your own doctor, or an urgent care or out-of-hours service";

/// Where the region setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `BACKFIX_REGION`.
    Env,
    /// `region` in the config file at this path.
    Config(PathBuf),
    /// The territory of this locale variable.
    Locale(&'static str),
    /// Nothing set it.
    Unset,
}

impl Origin {
    /// A short label: "BACKFIX_REGION", "config", "LANG", "none".
    pub fn label(&self) -> String {
        match self {
            Origin::Env => REGION_ENV.to_string(),
            Origin::Config(_) => "config".to_string(),
            Origin::Locale(var) => (*var).to_string(),
            Origin::Unset => "none".to_string(),
        }
    }

    /// In words: "from BACKFIX_REGION", "from region in /x/config.toml".
    pub fn describe(&self) -> String {
        match self {
            Origin::Env => format!("from {REGION_ENV}"),
            Origin::Config(p) => format!("from region in {}", p.display()),
            Origin::Locale(var) => format!("from the locale ({var})"),
            Origin::Unset => format!(
                "not set: set {REGION_ENV}, region in {CONFIG_FILE}, or a locale such as en_GB.UTF-8"
            ),
        }
    }
}

/// The region in effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    /// The code asked for (upper case), known or not.
    pub code: Option<String>,
    /// Its numbers, when backfix knows them.
    pub region: Option<&'static Region>,
    pub origin: Origin,
}

impl Setting {
    /// No region: neutral wording.
    pub fn neutral() -> Setting {
        Setting {
            code: None,
            region: None,
            origin: Origin::Unset,
        }
    }

    /// The setting for a known region code (for tests and fakes).
    pub fn of(code: &str) -> Setting {
        Setting {
            code: Some(code.to_ascii_uppercase()),
            region: find(code),
            origin: Origin::Env,
        }
    }

    /// "999", "112 or 999", or the neutral wording.
    pub fn emergency_number(&self) -> String {
        match self.region {
            Some(r) => r.emergency.to_string(),
            None => NEUTRAL_EMERGENCY.to_string(),
        }
    }

    /// What to do in an emergency, lower case and without a full stop:
    /// "call 999 or go to the nearest emergency department".
    pub fn emergency_action(&self) -> String {
        match self.region {
            Some(r) => {
                let note = r
                    .emergency_note
                    .as_ref()
                    .map_or(String::new(), |n| format!(" ({n})"));
                format!(
                    "call {}{note} or go to the nearest emergency department",
                    r.emergency
                )
            }
            None => format!("call {NEUTRAL_EMERGENCY} or go to the nearest emergency department"),
        }
    }

    /// What to do in an emergency, in one line.
    pub fn emergency_line(&self) -> String {
        let a = self.emergency_action();
        format!("C{} now.", a.strip_prefix('c').unwrap_or(&a))
    }

    /// Whom to contact the same day, in one line.
    pub fn urgent_line(&self) -> String {
        match self.region.and_then(|r| r.urgent.as_ref()) {
            Some(u) => format!("Speak to a doctor today: your own doctor, or {u}."),
            None => format!("Speak to a doctor today: {NEUTRAL_URGENT}."),
        }
    }

    /// For `--json`: the region, where it came from, and its numbers.
    pub fn json(&self) -> serde_json::Value {
        #[derive(Serialize)]
        struct J<'a> {
            code: Option<&'a str>,
            name: Option<&'a str>,
            known: bool,
            from: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            path: Option<String>,
            emergency: String,
            emergency_line: String,
            urgent_line: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            source: Option<&'a str>,
        }
        let j = J {
            code: self.code.as_deref(),
            name: self.region.map(|r| &*r.name),
            known: self.region.is_some(),
            from: self.origin.label(),
            path: match &self.origin {
                Origin::Config(p) => Some(p.display().to_string()),
                _ => None,
            },
            emergency: self.emergency_number(),
            emergency_line: self.emergency_line(),
            urgent_line: self.urgent_line(),
            source: self.region.map(|r| &*r.source),
        };
        serde_json::to_value(j).unwrap_or(serde_json::Value::Null)
    }

    /// One line for `backfix paths`: "GB (United Kingdom), from LANG".
    pub fn describe(&self) -> String {
        match (&self.code, self.region) {
            (Some(_), Some(r)) => format!("{} ({}), {}", r.code, r.name, self.origin.describe()),
            (Some(code), None) => format!(
                "{code}, {}; backfix has no numbers for it, so it says \"{NEUTRAL_EMERGENCY}\"",
                self.origin.describe()
            ),
            (None, _) => format!(
                "none ({}); warning signs say \"{NEUTRAL_EMERGENCY}\"",
                self.origin.describe()
            ),
        }
    }
}

/// Every region backfix has numbers for.
pub fn all() -> &'static [Region] {
    REGIONS
}

/// The region for a code, any case; "UK" is GB.
pub fn find(code: &str) -> Option<&'static Region> {
    let code = code.trim().to_ascii_uppercase();
    let code = if code == "UK" { "GB".to_string() } else { code };
    REGIONS.iter().find(|r| *r.code == *code)
}

/// The territory of a locale value: `en_GB.UTF-8` is GB; `C`, `POSIX` and
/// values without one are `None`.
pub fn locale_territory(value: &str) -> Option<String> {
    let base = value.split(['.', '@']).next().unwrap_or("");
    let (_, territory) = base.split_once('_')?;
    (territory.len() == 2 && territory.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| territory.to_ascii_uppercase())
}

/// The `region` of a config file's text (see [`crate::config::parse`]); a
/// malformed file is a warning naming the path, line and column.
pub fn parse_config(path: &Path, text: &str, warnings: &mut Vec<String>) -> Option<String> {
    crate::config::parse(path, text, warnings).region
}

/// The region from these sources (pure: the caller reads the environment and
/// the file). `config` is the config file's path and text, when it exists.
pub fn resolve(
    var: &dyn Fn(&str) -> Option<String>,
    config: Option<(&Path, &str)>,
    warnings: &mut Vec<String>,
) -> Setting {
    let known = |code: &str, origin: Origin, warnings: &mut Vec<String>| match find(code) {
        Some(r) => Some(Setting {
            code: Some(r.code.to_string()),
            region: Some(r),
            origin,
        }),
        None => {
            let codes: Vec<&str> = REGIONS.iter().map(|r| &*r.code).collect();
            warnings.push(format!(
                "unknown region '{}' {}; ignoring it (known: {})",
                crate::output::clean_line(code.trim()),
                origin.describe(),
                codes.join(", ")
            ));
            None
        }
    };
    if let Some(v) = var(REGION_ENV).filter(|v| !v.trim().is_empty())
        && let Some(s) = known(&v, Origin::Env, warnings)
    {
        return s;
    }
    if let Some((path, text)) = config
        && let Some(v) = parse_config(path, text, warnings)
        && let Some(s) = known(&v, Origin::Config(path.to_path_buf()), warnings)
    {
        return s;
    }
    for name in LOCALE_VARS {
        let Some(value) = var(name).filter(|v| !v.is_empty()) else {
            continue;
        };
        // The first locale variable that is set decides, as for the C library.
        return match locale_territory(&value) {
            Some(code) => Setting {
                region: find(&code),
                code: Some(code),
                origin: Origin::Locale(name),
            },
            None => Setting::neutral(),
        };
    }
    Setting::neutral()
}

pub use crate::config::config_path;

/// The region in effect for this process, with warnings about the settings.
pub fn current(warnings: &mut Vec<String>) -> Setting {
    let path = config_path();
    let text = path
        .as_deref()
        .and_then(|p| crate::config::read(p, warnings));
    let config = path.as_deref().zip(text.as_deref());
    resolve(&|name| std::env::var(name).ok(), config, warnings)
}

/// [`current`], printing the warnings.
pub fn load() -> Setting {
    let mut warnings = Vec::new();
    let s = current(&mut warnings);
    for w in warnings {
        crate::output::warning(&w);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            owned
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    fn code(s: &Setting) -> Option<&str> {
        s.region.map(|r| &*r.code)
    }

    #[test]
    fn statics_equal_the_json() {
        let fresh: Vec<Region> =
            serde_json::from_str(include_str!("../data/regions.json")).expect("regions.json");
        assert_eq!(fresh.as_slice(), REGIONS);
        for r in REGIONS {
            assert_eq!(r.code.len(), 2, "{}", r.code);
            assert_eq!(*r.code, r.code.to_ascii_uppercase());
            assert!(r.source.starts_with("https://"), "{}: no source", r.code);
            assert!(!r.emergency.trim().is_empty());
        }
    }

    #[test]
    fn locale_territories() {
        assert_eq!(locale_territory("en_GB.UTF-8").as_deref(), Some("GB"));
        assert_eq!(locale_territory("de_DE@euro").as_deref(), Some("DE"));
        assert_eq!(locale_territory("pt_br").as_deref(), Some("BR"));
        assert_eq!(locale_territory("C"), None);
        assert_eq!(locale_territory("C.UTF-8"), None);
        assert_eq!(locale_territory("POSIX"), None);
        assert_eq!(locale_territory("en"), None);
        assert_eq!(locale_territory("sr_RS_latin"), None);
    }

    #[test]
    fn order_env_then_config_then_locale() {
        let mut w = Vec::new();
        let p = Path::new("/x/config.toml");
        let all = vars(&[("BACKFIX_REGION", "nz"), ("LANG", "en_GB.UTF-8")]);
        let s = resolve(&all, Some((p, "region = \"US\"\n")), &mut w);
        assert_eq!((code(&s), &s.origin), (Some("NZ"), &Origin::Env));
        let s = resolve(
            &vars(&[("LANG", "en_GB.UTF-8")]),
            Some((p, "region = \"US\"\n")),
            &mut w,
        );
        assert_eq!(code(&s), Some("US"));
        assert_eq!(s.origin, Origin::Config(p.to_path_buf()));
        let s = resolve(&vars(&[("LANG", "en_GB.UTF-8")]), None, &mut w);
        assert_eq!((code(&s), &s.origin), (Some("GB"), &Origin::Locale("LANG")));
        // LC_ALL wins over LANG, and a C locale there means no region.
        let s = resolve(
            &vars(&[("LC_ALL", "C"), ("LANG", "en_GB.UTF-8")]),
            None,
            &mut w,
        );
        assert_eq!(s, Setting::neutral());
        let s = resolve(
            &vars(&[("LC_MESSAGES", "en_AU.UTF-8"), ("LANG", "en_GB.UTF-8")]),
            None,
            &mut w,
        );
        assert_eq!(code(&s), Some("AU"));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(resolve(&vars(&[]), None, &mut w), Setting::neutral());
        // "UK" is GB.
        assert_eq!(
            code(&resolve(&vars(&[("BACKFIX_REGION", "uk")]), None, &mut w)),
            Some("GB")
        );
    }

    #[test]
    fn unknown_or_broken_settings_warn_and_fall_through() {
        let mut w = Vec::new();
        let p = Path::new("/x/config.toml");
        let s = resolve(
            &vars(&[("BACKFIX_REGION", "XX"), ("LANG", "en_IE.UTF-8")]),
            Some((p, "region = [1,\n")),
            &mut w,
        );
        assert_eq!(code(&s), Some("IE"));
        assert!(w[0].contains("unknown region 'XX'"), "{w:?}");
        assert!(w[1].starts_with("/x/config.toml:"), "{w:?}");
        assert!(w[1].contains("ignoring this file"), "{w:?}");
        // A locale territory without numbers: named, neutral wording.
        let s = resolve(&vars(&[("LANG", "en_ZA.UTF-8")]), None, &mut w);
        assert_eq!(s.code.as_deref(), Some("ZA"));
        assert!(s.region.is_none());
        assert!(
            s.emergency_line()
                .contains("112 in Europe, 911 in North America")
        );
    }

    #[test]
    fn config_errors_name_line_and_column() {
        let mut w = Vec::new();
        let text = "# comment\nregion = GB\n";
        assert_eq!(parse_config(Path::new("c.toml"), text, &mut w), None);
        assert!(w[0].starts_with("c.toml:2:"), "{w:?}");
        assert_eq!(
            parse_config(
                Path::new("c.toml"),
                "\u{feff}other = 1\nregion = \"ie\"\n",
                &mut w
            )
            .as_deref(),
            Some("ie")
        );
    }

    fn number_tokens(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_region_shows_its_own_emergency_number_and_111_only_where_it_belongs() {
        for r in REGIONS {
            let s = Setting::of(&r.code);
            let e = s.emergency_line();
            assert!(e.contains(&*r.emergency), "{}: {e}", r.code);
            let u = s.urgent_line();
            let has_111 = number_tokens(&u).iter().any(|t| t == "111");
            assert_eq!(has_111, &*r.code == "GB", "{}: {u}", r.code);
            if &*r.code != "NZ" {
                assert!(
                    !number_tokens(&e).iter().any(|t| t == "111"),
                    "{}: {e}",
                    r.code
                );
            }
        }
        assert!(Setting::of("NZ").emergency_line().starts_with("Call 111 "));
        assert!(Setting::of("GB").emergency_line().starts_with("Call 999 "));
        assert!(Setting::of("US").emergency_line().starts_with("Call 911 "));
        assert!(Setting::of("AU").emergency_line().starts_with("Call 000 "));
        assert!(Setting::of("IE").emergency_line().contains("112 or 999"));
        assert!(Setting::of("DE").urgent_line().contains("116 117"));
        let neutral = Setting::neutral();
        assert!(
            neutral
                .emergency_line()
                .contains("your local emergency number")
        );
        assert!(
            !number_tokens(&neutral.urgent_line())
                .iter()
                .any(|t| t == "111")
        );
    }
}

//! The command-line interface: what can be typed, and the help that teaches it.
//! Behaviour lives in `commands/`.

use crate::output::ColorWhen;
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Exercises, routines and sitting-break reminders for lower back and glute pain";

const LONG_ABOUT: &str = "\
backfix helps with lower back and glute pain from the terminal. It does three jobs: a reference \
of exercises to list, search and read; routines for a complaint, fitted to the time you have; and \
desktop reminders that break up long sitting, each suggesting one short exercise.

It gives general information, not a diagnosis. Warning signs that need a doctor are one command \
away: backfix redflags.";

const EXAMPLES: &str = "\
Examples:
  backfix list --desk                 exercises you can do at a desk
  backfix show glute bridge           how to do one exercise
  backfix routine --sciatica          a routine for leg pain from the back
  backfix routine low-back --minutes 10
  backfix redflags                    when to see a doctor, and how soon
  backfix remind --every 45m          sitting-break reminders

Run `backfix <command> --help` for more, or `man backfix`.";

#[derive(Debug, Parser)]
#[command(
    name = "backfix",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// When to use colour: auto (terminal and no NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// `defer`: each subcommand's arguments are added only when it is built, so
// `backfix show clam` builds `show` alone, not the whole tree (about a third
// of its start-up). For the same reason a subcommand with an argument struct
// of its own keeps its `after_help` (the text after the options) on that
// struct, which is deferred with it; the about stays on the variant, for the
// list of commands. Two consequences: code that looks at the arguments
// builds the tree first ([`command`]); and the argument structs below carry
// `//` comments, not doc comments, which clap would otherwise take as the
// subcommand's about in place of the variant's (a unit test holds this).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List exercises, with filters.
    List(ListArgs),

    /// Explain one exercise: steps, dose, cues, cautions and sources.
    Show(ShowArgs),

    /// Search every field of every exercise, the suitable ones first.
    Search(SearchArgs),

    /// The references behind the advice, in full: authors, title, year, evidence, link.
    Sources(SourcesArgs),

    /// Print a routine for a complaint, fitted to the time you have.
    Routine(RoutineArgs),

    /// Warning signs: when to call for help, see a doctor today, or book a review.
    #[command(after_help = "\
Examples:
  backfix redflags
  backfix redflags --json")]
    Redflags(JsonArgs),

    /// Answer yes/no questions about warning signs and get the matching advice.
    #[command(after_help = "\
Asks your age and about pregnancy first, then the warning signs. Reads one
answer per line (y or n) from standard input, so it can be scripted; from a
file or pipe, 3 unusable answers in a row end it (exit status 2).

Exit status: 0 no warning sign, 3 see a doctor today, 4 emergency,
5 the routines are not designed for you (under 16, or pregnant or recently
given birth): see a doctor or midwife.

Examples:
  backfix check
  printf 'y\\nn\\nn\\n' | backfix check")]
    Check,

    /// Desktop reminders that break up long sitting, each suggesting one exercise.
    #[command(disable_help_subcommand = true)]
    Remind(Box<RemindArgs>),

    /// Print a shell completion script.
    #[command(after_help = "\
Examples:
  backfix completions bash > ~/.local/share/bash-completion/completions/backfix
  backfix completions zsh > ~/.zfunc/_backfix
  backfix completions fish > ~/.config/fish/completions/backfix.fish")]
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: Shell,
    },

    /// Show where backfix keeps its files, and the variables that move them.
    #[command(after_help = "\
Examples:
  backfix paths
  backfix paths --json")]
    Paths(JsonArgs),

    /// Show the effective settings from config.toml and where each came from.
    #[command(after_help = "\
The file is config.toml in the config directory (`backfix paths` shows it):

  region = \"GB\"
  [remind]
  every = \"45m\"
  between = \"09:00-17:30\"
  days = \"mon-fri\"
  snooze = \"10m\"
  idle = \"5m\"
  for = \"sciatica\"
  renudge = \"10m\"    # or \"off\"

Flags given to `backfix remind` override the file.

Examples:
  backfix config
  backfix config --json")]
    Config(JsonArgs),

    /// Short lessons about back pain, each about two minutes to read, with sources.
    Learn(LearnArgs),

    /// A flare-up plan: the first days, scaling back and rebuilding, and when to get help.
    Flare(FlareArgs),
    /// A weekly plan that progresses with you: exercises, a walking target and lessons.
    #[command(disable_help_subcommand = true)]
    Plan(PlanArgs),

    /// Today in your plan: the session (or a rest day), doses, walking, a lesson.
    #[command(after_help = "\
Exercise days are the first, third and fifth day of each plan week; every
day has a walking target. Record what you did with `backfix done` (or guided
mode), with --feel and --pain-during: that feedback moves the plan on.

Examples:
  backfix today
  backfix done clamshell --feel too-easy --pain-during 1
  backfix done walking --minutes 12
  backfix today --json")]
    Today(JsonArgs),

    /// Check in: pain now, how much it got in the way this week, and your own activities.
    Log(LogArgs),

    /// Record an exercise or a routine you did (without guided mode).
    Done(DoneArgs),

    /// Your progress: pain, interference and activities over the weeks, sessions and breaks.
    Progress(ProgressArgs),

    /// Export the whole record (check-ins, sessions, reminder history) as CSV or JSON.
    Export(ExportArgs),

    /// A one-page HTML summary to bring to a GP or physiotherapist.
    Report(ReportArgs),

    /// Delete your record: everything before a date, or all of it.
    Forget(ForgetArgs),
}

#[derive(Debug, Args)]
#[command(after_help = "\
Twelve lessons in plain words: why hurt is not harm, what scans show, the
outlook, pacing, flare-ups, sleep, stress and mood, medicines, lifting, work
and sitting, walking, and when to seek help. Each cites its sources in full
with `backfix sources <id>`. Topics are matched loosely, like `show`: an id,
title or topic word, any case (\"scans\", \"mri\", \"sleep\", \"painkillers\").
With no topic, the lessons are listed.

Exit status: 0 found, 1 no lesson matches, 2 more than one matches.

Examples:
  backfix learn --list
  backfix learn hurt is not harm
  backfix learn scans
  backfix learn medicines --json")]
pub struct LearnArgs {
    /// A lesson's id, title or topic; several words need no quotes.
    #[arg(value_name = "TOPIC")]
    pub topic: Vec<String>,
    /// List the lessons.
    #[arg(long, conflicts_with = "topic")]
    pub list: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Your own notes come first: write them in flare.md (or flare.txt) in the
config directory (`backfix paths` shows where). Then what helps in the first
days, a short first-aid routine for the complaint (the gentle level, 5
minutes), how to scale back and rebuild, how long a flare usually lasts, and
the signs that need help, with the numbers for your region. Without a
complaint, the routine is the one for low back pain.

Examples:
  backfix flare
  backfix flare --sciatica
  backfix flare outer hip
  backfix flare --json")]
#[command(group(ArgGroup::new("complaint").args([
    "name", "sciatica", "low_back", "deep_buttock", "outer_hip", "desk", "morning_stiffness"
])))]
pub struct FlareArgs {
    /// Complaint by name or alias (instead of a flag); low back pain when left out.
    #[arg(value_name = "COMPLAINT")]
    pub name: Vec<String>,
    #[command(flatten)]
    pub complaint: ComplaintFlags,
    /// Mark a flare-up starting today in your record; a running plan steps back.
    #[arg(long)]
    pub start: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

// `backfix plan`
#[derive(Debug, Args)]
#[command(after_help = "\
`plan start` asks four questions on a terminal (the complaint; how long the
pain has lasted: under 6 weeks, 6 to 12, over 12; the minutes you can walk a
day now; 1 to 3 activities to get back to), or takes them as flags. Pain for
under 6 weeks starts with the stay-active advice and the gentle level. The
plan is kept in plan.json in the data directory; your sessions, walks and
check-ins in the journal move it on (`backfix today` shows where it stands).
Each change says which rule made it and its source.

Examples:
  backfix plan start
  backfix plan start --sciatica --lasted 6-12w --walk 10m --goal gardening
  backfix plan show
  backfix plan flare                   a flare-up: the plan steps back
  backfix plan stop")]
pub struct PlanArgs {
    #[command(subcommand)]
    pub action: Option<PlanAction>,
}

#[derive(Debug, Subcommand)]
pub enum PlanAction {
    /// Start a plan: by asking, or from flags.
    Start(PlanStartArgs),
    /// Show the running plan: its exercises, walking and the rules that fired.
    Show(JsonArgs),
    /// Mark a flare-up starting today: the plan steps back.
    Flare(JsonArgs),
    /// Stop the plan (your record is kept).
    Stop,
}

/// `backfix plan start`
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("complaint").args([
    "name", "sciatica", "low_back", "deep_buttock", "outer_hip", "desk", "morning_stiffness"
])))]
pub struct PlanStartArgs {
    /// Complaint by name or alias (instead of a flag).
    #[arg(value_name = "COMPLAINT")]
    pub name: Vec<String>,
    #[command(flatten)]
    pub complaint: ComplaintFlags,
    /// How long the pain has lasted [default: 6-12w].
    #[arg(long, value_enum, value_name = "HOW_LONG")]
    pub lasted: Option<crate::programme::plan::Lasted>,
    /// Walking you can manage a day now, in minutes (10, 10m or 10min) [default: 10m].
    #[arg(long, value_name = "MINUTES", value_parser = parse_walk)]
    pub walk: Option<u16>,
    /// An activity to get back to; up to 3.
    #[arg(long, value_name = "ACTIVITY")]
    pub goal: Vec<String>,
    /// Your direction, from the routine's direction check: its exercises join the plan.
    #[arg(long, value_enum, value_name = "DIRECTION")]
    pub direction: Option<DirectionArg>,
    /// Replace a plan that is running.
    #[arg(long)]
    pub replace: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl PlanStartArgs {
    /// The complaint chosen by a flag, if any.
    pub fn flag(&self) -> Option<&'static str> {
        self.complaint.flag()
    }

    /// Whether anything was given, so nothing is asked.
    pub fn any_given(&self) -> bool {
        self.flag().is_some()
            || !self.name.is_empty()
            || self.lasted.is_some()
            || self.walk.is_some()
            || !self.goal.is_empty()
            || self.direction.is_some()
    }
}

/// Minutes of walking: `10`, `10m` or `10min`, 0 to 180.
pub fn parse_walk(s: &str) -> Result<u16, String> {
    let t = s.trim().to_ascii_lowercase();
    let digits = t
        .strip_suffix("min")
        .or_else(|| t.strip_suffix('m'))
        .unwrap_or(&t)
        .trim();
    digits
        .parse::<u16>()
        .ok()
        .filter(|m| *m <= 180)
        .ok_or_else(|| format!("'{s}' is not minutes from 0 to 180 (like 10m)"))
}

// `backfix log`
#[derive(Debug, Args)]
#[command(after_help = "\
On a terminal, with no flags, asks each question in turn (Enter skips one):
pain now (0 none, 10 the worst you can imagine); once a week, how much pain
got in the way of daily life (0 not at all, 10 completely); and 3 to 5 things
pain makes hard, named by you and rated 0 (cannot do it) to 10 (as well as
before the pain). Your activities are kept: the next check-in asks about the
same ones. With flags, nothing is asked. Saved in your journal (backfix paths).

Examples:
  backfix log
  backfix log --pain 4
  backfix log --pain 4 --interference 3 --activity \"gardening=4\" --activity \"sitting at work=6\"
  backfix log --pain 7 --flare --note \"after moving boxes\"")]
pub struct LogArgs {
    /// Pain right now, 0 (none) to 10 (the worst you can imagine).
    #[arg(long, value_name = "0-10", value_parser = parse_score)]
    pub pain: Option<crate::record::Score>,
    /// How much pain got in the way of daily life this past week, 0 (not at all) to 10 (completely).
    #[arg(long, value_name = "0-10", value_parser = parse_score)]
    pub interference: Option<crate::record::Score>,
    /// One of your activities and how well you can do it, 0 (cannot) to 10 (as before); repeat for up to 5.
    #[arg(long, value_name = "NAME=0-10", value_parser = parse_activity)]
    pub activity: Vec<crate::record::Activity>,
    /// A short note.
    #[arg(long)]
    pub note: Option<String>,
    /// Mark this check-in as a flare-up.
    #[arg(long)]
    pub flare: bool,
    /// Had the pain of your last session settled to its usual level by the next morning? (If not, the plan steps back.)
    #[arg(long, value_name = "yes|no", value_parser = clap::builder::TypedValueParser::map(clap::builder::PossibleValuesParser::new(["yes", "no"]), |s| s == "yes"))]
    pub settled: Option<bool>,
}

fn parse_score(s: &str) -> Result<crate::record::Score, String> {
    crate::record::parse_score(s)
}

fn parse_activity(s: &str) -> Result<crate::record::Activity, String> {
    crate::record::parse_activity(s)
}

// `backfix done`
#[derive(Debug, Args)]
#[command(after_help = "\
Takes an exercise (id, name or alias) or a complaint's routine. The minutes
default to the exercise's dose, or the routine's full length.

Examples:
  backfix done clamshell
  backfix done sciatica --minutes 12 --feel about-right --pain-during 3
  backfix done glute bridge --yesterday")]
pub struct DoneArgs {
    /// An exercise or a complaint's routine.
    #[arg(required = true, num_args = 1.., value_name = "EXERCISE|ROUTINE")]
    pub name: Vec<String>,
    /// How long it took.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=600))]
    pub minutes: Option<u32>,
    /// How it felt.
    #[arg(long, value_enum)]
    pub feel: Option<crate::record::Feel>,
    /// Pain during it, 0-10.
    #[arg(long, value_name = "0-10", value_parser = parse_score)]
    pub pain_during: Option<crate::record::Score>,
    /// It was yesterday.
    #[arg(long)]
    pub yesterday: bool,
}

// `backfix progress`
#[derive(Debug, Args)]
#[command(after_help = "\
A change counts as meaningful when it passes the minimal important change:
2 points or 30% for pain and interference, 2 points for the average of your
activities (Ostelo 2008). Unicode blocks when the locale is UTF-8, ASCII
otherwise. Reminder outcomes (done, snoozed, skipped) come from the reminder
history.

Examples:
  backfix progress
  backfix progress --weeks 26
  backfix progress --since 2026-01-01 --target 2
  backfix progress --json | jq .pain")]
pub struct ProgressArgs {
    /// Weeks shown in the charts [default: 12, or from --since up to 52].
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=52))]
    pub weeks: Option<u16>,
    /// Count from this date (YYYY-MM-DD): the charts start there and changes are measured from it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Sessions a week that count towards the streak.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=21))]
    pub target: u32,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

impl FlareArgs {
    /// The complaint chosen by a flag, if any.
    pub fn flag(&self) -> Option<&'static str> {
        self.complaint.flag()
    }
}

pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date like 2026-01-31"))
}

// `backfix export`
#[derive(Debug, Args)]
#[command(after_help = "\
JSON: an object with \"journal\" (every check-in, session and lesson read, as
stored, in time order) and \"reminders\" (the reminder history). CSV: one row
per check-in, session, lesson read or reminder event, columns time, kind, pain, interference,
activities (name=score;...), flare, note, what, minutes, feel, pain_during,
event.

Examples:
  backfix export --json > record.json
  backfix export --csv > record.csv")]
#[command(group(ArgGroup::new("format").required(true).args(["csv", "json"])))]
pub struct ExportArgs {
    /// CSV, one row per record.
    #[arg(long)]
    pub csv: bool,
    /// JSON: the journal and the reminder history.
    #[arg(long)]
    pub json: bool,
}

// `backfix report`
#[derive(Debug, Args)]
#[command(after_help = "\
Self-contained (no scripts, nothing fetched), and prints on one or two pages.

Examples:
  backfix report --html report.html
  backfix report --html report.html --since 2026-01-01")]
pub struct ReportArgs {
    /// Write the HTML page to this file (`-` for standard output).
    #[arg(long, value_name = "FILE", required = true)]
    pub html: std::path::PathBuf,
    /// Count from this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Sessions a week that count as reaching the target.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=21))]
    pub target: u32,
}

// `backfix forget`
#[derive(Debug, Args)]
#[command(after_help = "\
Deletes check-ins and sessions from every machine's journal in the data
directory, and the reminder history. Asks first; --yes skips the question
(needed when standard input is not a terminal).

Examples:
  backfix forget --before 2025-01-01
  backfix forget --all --yes")]
#[command(group(ArgGroup::new("what").required(true).args(["before", "all"])))]
pub struct ForgetArgs {
    /// Delete what was recorded before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub before: Option<chrono::NaiveDate>,
    /// Delete everything.
    #[arg(long)]
    pub all: bool,
    /// Do not ask.
    #[arg(long)]
    pub yes: bool,
}

// `backfix remind`: with no mode, send reminders (or list them with
// `--dry-run`); the other modes are subcommands, each taking only its own
// flags. `--status`, `--stop`, `--install` and `--uninstall` are kept as
// hidden aliases; `commands::remind` refuses flags the chosen mode ignores.
#[derive(Debug, Args)]
#[command(after_help = "\
Reminders follow the wall clock: after a suspend at most one overdue reminder
fires, and a suspend or absence as long as the interval counts as a break.
Where the desktop reports idle time, 5 minutes without input counts as a break.
Without a notification server, reminders go to the terminal (with a bell).
Daylight-saving changes: a time the clocks skip moves forward by the change,
and a time the clocks repeat fires once.

Examples:
  backfix remind --every 45m
  backfix remind --every 30m --between 09:00-17:30 --days mon-fri
  backfix remind --for sciatica --every 1h --until 17:00
  backfix remind --dry-run --count 5
  backfix remind status
  backfix remind stop
  backfix remind install --every 45m --between 09:00-17:30
  backfix remind uninstall")]
#[command(
    args_conflicts_with_subcommands = true,
    group(ArgGroup::new("mode").args(["dry_run", "status", "stop", "install", "uninstall"]))
)]
pub struct RemindArgs {
    #[command(subcommand)]
    pub mode: Option<RemindMode>,
    #[command(flatten)]
    pub schedule: ScheduleArgs,
    /// Print the next reminders (times and suggestions) without sending anything.
    #[arg(long)]
    pub dry_run: bool,
    /// With --dry-run: print JSON.
    #[arg(long)]
    pub json: bool,
    /// Same as `backfix remind status`.
    #[arg(long, hide = true)]
    pub status: bool,
    /// Same as `backfix remind stop`.
    #[arg(long, hide = true)]
    pub stop: bool,
    /// Same as `backfix remind install`.
    #[arg(long, hide = true)]
    pub install: bool,
    /// Same as `backfix remind uninstall`.
    #[arg(long, hide = true)]
    pub uninstall: bool,
}

#[derive(Debug, Subcommand)]
pub enum RemindMode {
    /// Show whether a reminder is running and when the next one is due.
    #[command(after_help = "\
Exit status: 0 when a reminder runs or none does, 1 when the lock is held by
a process that is not provably a backfix reminder.

Examples:
  backfix remind status
  backfix remind status --json
  backfix remind status --format waybar     # for a Waybar custom module
  backfix remind status --format plain      # for i3blocks, polybar, tmux")]
    Status(StatusArgs),
    /// Hold reminders for a while, until a time, or until `remind resume`.
    #[command(after_help = "\
With --meeting, the reminder on screen goes away, and a stand-up stretch is
offered when the meeting ends (after 1h unless you say).

Exit status: 0 when the running reminder took it, 1 when none is running.

Examples:
  backfix remind pause 30m
  backfix remind pause until 14:00
  backfix remind pause until tomorrow
  backfix remind pause --meeting 45m")]
    Pause(PauseArgs),
    /// End a pause (after a meeting, a stretch is offered right away).
    #[command(after_help = "\
Examples:
  backfix remind resume")]
    Resume,
    /// A reminder now (ends a pause).
    #[command(after_help = "\
Examples:
  backfix remind now")]
    Now,
    /// Put the reminder on screen, or the next one, off [default: the snooze time].
    #[command(after_help = "\
Examples:
  backfix remind snooze
  backfix remind snooze 20m")]
    Snooze(SnoozeArgs),
    /// Dismiss the reminder on screen without doing it.
    #[command(after_help = "\
Examples:
  backfix remind skip")]
    Skip,
    /// Say you moved: records it and starts the interval afresh.
    #[command(after_help = "\
Examples:
  backfix remind done")]
    Done,
    /// Stop the running reminder (only a proven backfix reminder is signalled).
    #[command(after_help = "\
Examples:
  backfix remind stop")]
    Stop,
    /// Write a systemd user unit that starts the reminder, with these options, at login.
    #[command(
        after_help = "\
Examples:
  backfix remind install --every 45m --between 09:00-17:30 --days mon-fri
  systemctl --user enable --now backfix-remind.service",
        // A unit starts at every login: a moment to stop makes no sense there.
        mut_arg("until", |a| a.hide(true))
    )]
    Install(ScheduleArgs),
    /// Remove the systemd user unit.
    #[command(after_help = "\
Examples:
  backfix remind uninstall")]
    Uninstall,
}

/// `backfix remind status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON instead of text.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// A status-bar form: waybar (JSON with text, tooltip and class) or plain (one line).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<StatusFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Waybar,
    Plain,
}

/// `backfix remind pause`.
#[derive(Debug, Args)]
pub struct PauseArgs {
    /// How long: 30m, 1h, `until 14:00` or `until tomorrow` (default: until resume).
    #[arg(value_name = "WHEN", num_args = 0..=2)]
    pub when: Vec<String>,
    /// A meeting: a stretch is offered when it ends (1h unless WHEN says).
    #[arg(long)]
    pub meeting: bool,
}

/// `backfix remind snooze`.
#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// For how long, such as 10m [default: the reminder's snooze time].
    #[arg(value_name = "DURATION", value_parser = crate::remind::schedule::parse_interval)]
    pub time: Option<std::time::Duration>,
}

// When and what to remind: shared by running, `--dry-run` and `install`.
// Unset options take their defaults in `commands::remind`, so a mode can
// tell which flags were given.
#[derive(Debug, Clone, Default, Args)]
pub struct ScheduleArgs {
    /// How often to remind you, such as 30m, 45m or 1h30m [default: 45m].
    #[arg(long, short, value_name = "DURATION", value_parser = crate::remind::schedule::parse_interval)]
    pub every: Option<std::time::Duration>,
    /// Suggest exercises from this complaint's routine (default: desk-friendly ones).
    #[arg(long = "for", value_name = "COMPLAINT")]
    pub for_complaint: Option<String>,
    /// How long the Snooze button puts a reminder off [default: 10m].
    #[arg(long, value_name = "DURATION", value_parser = crate::remind::schedule::parse_interval)]
    pub snooze: Option<std::time::Duration>,
    /// Only remind between these times, such as 09:00-17:30 (may cross midnight).
    #[arg(long, value_name = "HH:MM-HH:MM", value_parser = crate::remind::schedule::parse_window)]
    pub between: Option<crate::remind::schedule::Window>,
    /// Only remind on these days, such as mon-fri, mon,wed,fri or weekends.
    #[arg(long, value_name = "DAYS", value_parser = crate::remind::schedule::parse_days)]
    pub days: Option<crate::remind::schedule::Days>,
    /// Stop after this many reminders.
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub count: Option<u32>,
    /// Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30".
    #[arg(long, value_name = "TIME", value_parser = crate::remind::schedule::parse_until)]
    pub until: Option<crate::remind::schedule::Until>,
    /// Time without keyboard or mouse input that counts as a break [default: 5m].
    #[arg(long, value_name = "DURATION", value_parser = crate::remind::schedule::parse_interval)]
    pub idle: Option<std::time::Duration>,
    /// The re-nudge time from config.toml (no flag): `Some(None)` is "off".
    #[arg(skip)]
    pub renudge: Option<Option<std::time::Duration>>,
}

impl ScheduleArgs {
    pub const DEFAULT_EVERY: std::time::Duration = std::time::Duration::from_secs(45 * 60);
    pub const DEFAULT_SNOOZE: std::time::Duration = std::time::Duration::from_secs(10 * 60);
    pub const DEFAULT_IDLE: std::time::Duration = std::time::Duration::from_secs(5 * 60);

    pub fn every(&self) -> std::time::Duration {
        self.every.unwrap_or(Self::DEFAULT_EVERY)
    }

    pub fn snooze(&self) -> std::time::Duration {
        self.snooze.unwrap_or(Self::DEFAULT_SNOOZE)
    }

    pub fn idle(&self) -> std::time::Duration {
        self.idle.unwrap_or(Self::DEFAULT_IDLE)
    }

    /// The flags given on the command line, as typed (`--every`).
    pub fn given(&self) -> Vec<&'static str> {
        [
            (self.every.is_some(), "--every"),
            (self.for_complaint.is_some(), "--for"),
            (self.snooze.is_some(), "--snooze"),
            (self.between.is_some(), "--between"),
            (self.days.is_some(), "--days"),
            (self.count.is_some(), "--count"),
            (self.until.is_some(), "--until"),
            (self.idle.is_some(), "--idle"),
        ]
        .into_iter()
        .filter_map(|(on, flag)| on.then_some(flag))
        .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    #[value(name = "powershell")]
    PowerShell,
    Elvish,
}

#[derive(Debug, Args)]
pub struct JsonArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "\
The table fits the terminal (or COLUMNS): the targets column is shortened,
then left out, on narrow screens. No exercise passing the filters exits 1
(--json prints []).

Examples:
  backfix list
  backfix list --category strength
  backfix list --target glute --desk
  backfix list --json | jq '.[].id'")]
pub struct ListArgs {
    /// Only this category.
    #[arg(long, short, value_enum)]
    pub category: Option<CategoryArg>,
    /// Only exercises whose targets or name mention this word (glute, glutes, hamstring).
    #[arg(long, short, value_name = "WORD")]
    pub target: Option<String>,
    /// Only exercises you can do at a desk.
    #[arg(long, short)]
    pub desk: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CategoryArg {
    Strength,
    Mobility,
    Stretch,
    NerveGlide,
    SoftTissue,
    Activity,
}

impl From<CategoryArg> for crate::model::Category {
    fn from(c: CategoryArg) -> Self {
        use crate::model::Category as C;
        match c {
            CategoryArg::Strength => C::Strength,
            CategoryArg::Mobility => C::Mobility,
            CategoryArg::Stretch => C::Stretch,
            CategoryArg::NerveGlide => C::NerveGlide,
            CategoryArg::SoftTissue => C::SoftTissue,
            CategoryArg::Activity => C::Activity,
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "\
Names are matched loosely: id, name or alias, any case, with or without
punctuation, plurals and words like \"show me the\" or \"how to do a\", then a
unique prefix or part of a name. A complaint instead of an exercise
(\"sciatica\") points to its routine.

Exit status: 0 found, 1 nothing matches, 2 no name or more than one match.

Examples:
  backfix show clam
  backfix show glute bridges
  backfix show how to do a bird dog
  backfix show figure four --json     the record, with its sources in full")]
pub struct ShowArgs {
    /// Exercise id, name or alias; several words need no quotes.
    #[arg(required = true, value_name = "NAME")]
    pub name: Vec<String>,
    /// Print the record as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Every word must match somewhere; names count most, then targets, summaries
and the rest. When the words name a complaint (sciatica, outer hip, leg pain)
or a body area alone (hip, back, leg), the exercises in its routine come first,
and those it does not suit are shown apart, under \"Not advised for ...\", with
the reason. A match only in an exercise's cautions or mistakes is listed last:
it is not a recommendation. Each result says where it matched.

With --json, each result has a group: routine, match, not_advised or mention.

Exit status: 0 found, 1 nothing matches (--json prints []), 2 no word given.

Examples:
  backfix search hamstring
  backfix search sciatica
  backfix search stretch for outer hip
  backfix search nerve --json")]
pub struct SearchArgs {
    /// Words to look for.
    #[arg(required = true, value_name = "TERM")]
    pub terms: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Every exercise and routine cites its sources by id; `backfix show` lists them
in short. This prints each in full, with the kind of evidence it is (guideline,
systematic review, trial, lab study, ...) and a DOI or web link to read it.
Part of an id is enough: `backfix sources leap` prints every LEAP source.

Examples:
  backfix sources
  backfix sources nice-ng59
  backfix sources leap
  backfix sources --json | jq -r '.[] | .link // empty'")]
pub struct SourcesArgs {
    /// A source id (as on an exercise card), or part of one; all sources when left out.
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  backfix routine --list
  backfix routine --sciatica
  backfix routine outer hip --minutes 8
  backfix routine --desk --level gentle
  backfix routine --low-back --guided
  backfix routine --morning-stiffness --json")]
#[command(group(ArgGroup::new("complaint").args([
    "name", "sciatica", "low_back", "deep_buttock", "outer_hip", "desk", "morning_stiffness", "list"
])))]
pub struct RoutineArgs {
    /// Complaint by name or alias (instead of a flag).
    #[arg(value_name = "COMPLAINT")]
    pub name: Vec<String>,
    #[command(flatten)]
    pub complaint: ComplaintFlags,
    /// List the complaints.
    #[arg(long)]
    pub list: bool,
    /// Fit the routine into this many minutes (1 to 120).
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=120))]
    pub minutes: Option<u16>,
    /// Use the easier (gentle) or harder versions of the exercises, where the catalogue has them.
    #[arg(long, short, value_enum, default_value_t = LevelArg::Standard)]
    pub level: LevelArg,
    /// Your direction, from the routine's direction check: only that direction's exercises.
    #[arg(long, value_enum, value_name = "DIRECTION")]
    pub direction: Option<DirectionArg>,
    /// Walk through the routine in the terminal, with timers.
    #[arg(long, short, conflicts_with = "json")]
    pub guided: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

// `--sciatica`, `--low-back`, ...: a built-in complaint by flag, shared by
// `routine`, `flare` and `plan start`.
#[derive(Debug, Args)]
pub struct ComplaintFlags {
    /// Leg pain from the back.
    #[arg(long, help_heading = "Complaints")]
    pub sciatica: bool,
    /// Non-specific lower back pain.
    #[arg(long, help_heading = "Complaints")]
    pub low_back: bool,
    /// Deep buttock pain (piriformis / deep gluteal).
    #[arg(long, help_heading = "Complaints")]
    pub deep_buttock: bool,
    /// Pain on the outside of the hip (gluteal tendinopathy).
    #[arg(long, help_heading = "Complaints")]
    pub outer_hip: bool,
    /// Desk work and long sitting.
    #[arg(long, help_heading = "Complaints")]
    pub desk: bool,
    /// A stiff back on getting up.
    #[arg(long, help_heading = "Complaints")]
    pub morning_stiffness: bool,
}

impl ComplaintFlags {
    /// The complaint chosen by a flag, if any.
    pub fn flag(&self) -> Option<&'static str> {
        [
            self.sciatica,
            self.low_back,
            self.deep_buttock,
            self.outer_hip,
            self.desk,
            self.morning_stiffness,
        ]
        .into_iter()
        .zip(COMPLAINT_FLAGS)
        .find_map(|(on, id)| on.then_some(id))
    }
}

/// The built-in complaints that have a `routine --<id>` flag.
pub const COMPLAINT_FLAGS: [&str; 6] = [
    "sciatica",
    "low-back",
    "deep-buttock",
    "outer-hip",
    "desk",
    "morning-stiffness",
];

impl RoutineArgs {
    /// The complaint chosen by a flag, if any.
    pub fn flag(&self) -> Option<&'static str> {
        self.complaint.flag()
    }
}

/// Names a user's complaint may not take: the subcommands and `help`, and
/// every long option of `routine` (a complaint named `list` would read as
/// the `--list` flag's twin and could never have a flag of its own).
pub fn reserved_complaint_ids() -> Vec<String> {
    let cli = command();
    let mut out: Vec<String> = cli
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    out.extend(["help".to_string(), "version".to_string()]);
    if let Some(routine) = cli.find_subcommand("routine") {
        out.extend(
            routine
                .get_arguments()
                .filter_map(|a| a.get_long())
                .map(String::from),
        );
    }
    out.extend(
        cli.get_arguments()
            .filter_map(|a| a.get_long())
            .map(String::from),
    );
    out.sort();
    out.dedup();
    out
}

/// `--level`: the command line's name for [`crate::model::Level`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LevelArg {
    Gentle,
    #[default]
    Standard,
    Harder,
}

impl From<LevelArg> for crate::model::Level {
    fn from(l: LevelArg) -> Self {
        match l {
            LevelArg::Gentle => crate::model::Level::Gentle,
            LevelArg::Standard => crate::model::Level::Standard,
            LevelArg::Harder => crate::model::Level::Harder,
        }
    }
}

/// `--direction`: which way eases the pain, found with the direction check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Bending backwards (lying face down, on the elbows).
    Extension,
    /// Bending forwards (knees to chest).
    Flexion,
}

impl From<DirectionArg> for crate::model::Direction {
    fn from(d: DirectionArg) -> Self {
        match d {
            DirectionArg::Extension => crate::model::Direction::Extension,
            DirectionArg::Flexion => crate::model::Direction::Flexion,
        }
    }
}

/// The widest clap wraps help to, however wide the terminal.
pub const HELP_WIDTH: usize = 100;

/// The command tree as parsing starts from it, not yet built: the derived
/// one with the help width set. The width is set here and not among the
/// derive's attributes so that `main` can give it to the one subcommand it
/// parses; set on the root, clap copies it into every subcommand.
pub fn parser() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().max_term_width(HELP_WIDTH)
}

/// The whole command tree, built: every subcommand's arguments in place
/// (parsing builds only the subcommand it runs), with the global `--color`,
/// `help` and `version` added to each, as clap does when it parses.
pub fn command() -> clap::Command {
    let mut cmd = parser();
    cmd.build();
    clap_order(cmd)
}

/// Each command's arguments in the order a tree built without `defer` has
/// them: its own, then `--color`, `help` and `version`. (A deferred
/// subcommand receives the global `--color` before its own arguments.) The
/// order is what completion scripts list options in.
fn clap_order(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd.mut_subcommands(clap_order);
    for id in ["color", "help", "version"] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            // `mut_arg` takes the argument out and puts it back last.
            cmd = cmd.mut_arg(id, |a| a);
        }
    }
    cmd
}

/// The clap command, with built-in exercise ids and complaint names added
/// as completion candidates (they are not enforced when parsing).
pub fn command_for_completions() -> clap::Command {
    use clap::builder::PossibleValuesParser;
    let exercises: Vec<String> = crate::catalog::builtin::EXERCISES
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    let complaints: Vec<String> = crate::catalog::builtin::COMPLAINTS
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    let lessons: Vec<String> = crate::catalog::builtin::LESSONS
        .iter()
        .map(|l| l.id.to_string())
        .collect();
    let sources: Vec<String> = crate::catalog::builtin::SOURCES
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    // `done <TAB>` offers exercises and routines.
    let done: Vec<String> = exercises.iter().chain(&complaints).cloned().collect();
    let cmd = command()
        .mut_subcommand("done", |s| {
            s.mut_arg("name", |a| a.value_parser(PossibleValuesParser::new(done)))
        })
        .mut_subcommand("show", |s| {
            s.mut_arg("name", |a| {
                a.value_parser(PossibleValuesParser::new(exercises))
            })
        })
        .mut_subcommand("sources", |s| {
            s.mut_arg("id", |a| a.value_parser(PossibleValuesParser::new(sources)))
        })
        .mut_subcommand("routine", |s| {
            s.mut_arg("name", |a| {
                a.value_parser(PossibleValuesParser::new(complaints.clone()))
            })
        })
        .mut_subcommand("learn", |s| {
            s.mut_arg("topic", |a| {
                a.value_parser(PossibleValuesParser::new(lessons))
            })
        })
        .mut_subcommand("flare", |s| {
            s.mut_arg("name", |a| {
                a.value_parser(PossibleValuesParser::new(complaints.clone()))
            })
        })
        // `remind --for <TAB>` and `remind install --for <TAB>` offer complaints, not files.
        .mut_subcommand("remind", |s| {
            let for_arg =
                |a: clap::Arg| a.value_parser(PossibleValuesParser::new(complaints.clone()));
            s.mut_arg("for_complaint", for_arg)
                .mut_subcommand("install", |i| i.mut_arg("for_complaint", for_arg))
        });
    // `mut_arg` put the arguments it changed last; put them back before the ones clap adds.
    clap_order(cmd)
}

/// The names of the visible subcommands, for documentation.
pub fn subcommand_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// What each subcommand's help opens with: name, about and long about.
    fn abouts(cmd: &clap::Command) -> Vec<(String, String, String)> {
        cmd.get_subcommands()
            .map(|s| {
                (
                    s.get_name().to_string(),
                    s.get_about().map(ToString::to_string).unwrap_or_default(),
                    s.get_long_about()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn deferred_arguments_keep_each_subcommands_about() {
        // A doc comment on an argument struct would replace the variant's
        // about once the deferred arguments are added.
        let before = abouts(&Cli::command());
        let after = abouts(&command());
        assert_eq!(before, after);
        assert!(before.iter().all(|(_, about, _)| !about.is_empty()));
        // Every subcommand's help ends with its examples, wherever the text is kept.
        for s in command().get_subcommands() {
            let text = s.get_after_help().map(ToString::to_string);
            assert!(
                text.is_some_and(|t| t.contains("Examples:")),
                "{}",
                s.get_name()
            );
        }
    }

    #[test]
    fn parsing_builds_only_the_subcommand_it_runs() {
        let mut cmd = Cli::command();
        let matches = cmd.try_get_matches_from_mut(["backfix", "show", "clam"]);
        assert!(matches.is_ok());
        // Its own arguments, not the global --color that parsing adds to all.
        let args = |name: &str| {
            cmd.find_subcommand(name).map_or(0, |s| {
                s.get_arguments()
                    .filter(|a| a.get_id().as_str() != "color")
                    .count()
            })
        };
        assert!(args("show") > 0, "show was built");
        assert_eq!(args("routine"), 0, "routine was not built");
        assert!(
            command()
                .find_subcommand("routine")
                .is_some_and(|s| s.get_arguments().count() > 0),
            "command() builds every subcommand"
        );
    }
}

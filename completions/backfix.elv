
use builtin;
use str;

set edit:completion:arg-completer[backfix] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'backfix'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'backfix'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List exercises, with filters'
            cand search 'Search every field of every exercise, the suitable ones first'
            cand redflags 'Warning signs: when to call for help, see a doctor today, or book a review'
            cand check 'Answer yes/no questions about warning signs and get the matching advice'
            cand completions 'Print a shell completion script'
            cand paths 'Show where backfix keeps its files, and the variables that move them'
            cand config 'Show the effective settings from config.toml and where each came from'
            cand plan 'A weekly plan that progresses with you: exercises, a walking target and lessons'
            cand today 'Today in your plan: the session (or a rest day), doses, walking, a lesson'
            cand log 'Check in: pain now, how much it got in the way this week, and your own activities'
            cand progress 'Your progress: pain, interference and activities over the weeks, sessions and breaks'
            cand export 'Export the whole record (check-ins, sessions, reminder history) as CSV or JSON'
            cand report 'A one-page HTML summary to bring to a GP or physiotherapist'
            cand forget 'Delete your record: everything before a date, or all of it'
            cand done 'Record an exercise or a routine you did (without guided mode)'
            cand show 'Explain one exercise: steps, dose, cues, cautions and sources'
            cand sources 'The references behind the advice, in full: authors, title, year, evidence, link'
            cand routine 'Print a routine for a complaint, fitted to the time you have'
            cand learn 'Short lessons about back pain, each about two minutes to read, with sources'
            cand flare 'A flare-up plan: the first days, scaling back and rebuilding, and when to get help'
            cand remind 'Desktop reminders that break up long sitting, each suggesting one exercise'
        }
        &'backfix;list'= {
            cand -c 'Only this category'
            cand --category 'Only this category'
            cand -t 'Only exercises whose targets or name mention this word (glute, glutes, hamstring)'
            cand --target 'Only exercises whose targets or name mention this word (glute, glutes, hamstring)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -d 'Only exercises you can do at a desk'
            cand --desk 'Only exercises you can do at a desk'
            cand --json 'Print JSON instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;search'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;redflags'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;check'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;completions'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;paths'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;config'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;plan'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start a plan: by asking, or from flags'
            cand show 'Show the running plan: its exercises, walking and the rules that fired'
            cand flare 'Mark a flare-up starting today: the plan steps back'
            cand stop 'Stop the plan (your record is kept)'
        }
        &'backfix;plan;start'= {
            cand --lasted 'How long the pain has lasted [default: 6-12w]'
            cand --walk 'Walking you can manage a day now, in minutes (10, 10m or 10min) [default: 10m]'
            cand --goal 'An activity to get back to; up to 3'
            cand --direction 'Your direction, from the routine''s direction check: its exercises join the plan'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --sciatica 'Leg pain from the back'
            cand --low-back 'Non-specific lower back pain'
            cand --deep-buttock 'Deep buttock pain (piriformis / deep gluteal)'
            cand --outer-hip 'Pain on the outside of the hip (gluteal tendinopathy)'
            cand --desk 'Desk work and long sitting'
            cand --morning-stiffness 'A stiff back on getting up'
            cand --replace 'Replace a plan that is running'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;plan;show'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;plan;flare'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;plan;stop'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;today'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;log'= {
            cand --pain 'Pain right now, 0 (none) to 10 (the worst you can imagine)'
            cand --interference 'How much pain got in the way of daily life this past week, 0 (not at all) to 10 (completely)'
            cand --activity 'One of your activities and how well you can do it, 0 (cannot) to 10 (as before); repeat for up to 5'
            cand --note 'A short note'
            cand --settled 'Had the pain of your last session settled to its usual level by the next morning? (If not, the plan steps back.)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --flare 'Mark this check-in as a flare-up'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;progress'= {
            cand --weeks 'Weeks shown in the charts [default: 12, or from --since up to 52]'
            cand --since 'Count from this date (YYYY-MM-DD): the charts start there and changes are measured from it'
            cand --target 'Sessions a week that count towards the streak'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;export'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --csv 'CSV, one row per record'
            cand --json 'JSON: the journal and the reminder history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;report'= {
            cand --html 'Write the HTML page to this file (`-` for standard output)'
            cand --since 'Count from this date (YYYY-MM-DD)'
            cand --target 'Sessions a week that count as reaching the target'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;forget'= {
            cand --before 'Delete what was recorded before this date (YYYY-MM-DD)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --all 'Delete everything'
            cand --yes 'Do not ask'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;done'= {
            cand --minutes 'How long it took'
            cand --feel 'How it felt'
            cand --pain-during 'Pain during it, 0-10'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --yesterday 'It was yesterday'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;show'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print the record as JSON'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;sources'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;routine'= {
            cand -m 'Fit the routine into this many minutes (1 to 120)'
            cand --minutes 'Fit the routine into this many minutes (1 to 120)'
            cand -l 'Use the easier (gentle) or harder versions of the exercises, where the catalogue has them'
            cand --level 'Use the easier (gentle) or harder versions of the exercises, where the catalogue has them'
            cand --direction 'Your direction, from the routine''s direction check: only that direction''s exercises'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --sciatica 'Leg pain from the back'
            cand --low-back 'Non-specific lower back pain'
            cand --deep-buttock 'Deep buttock pain (piriformis / deep gluteal)'
            cand --outer-hip 'Pain on the outside of the hip (gluteal tendinopathy)'
            cand --desk 'Desk work and long sitting'
            cand --morning-stiffness 'A stiff back on getting up'
            cand --list 'List the complaints'
            cand -g 'Walk through the routine in the terminal, with timers'
            cand --guided 'Walk through the routine in the terminal, with timers'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;learn'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --list 'List the lessons'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;flare'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --sciatica 'Leg pain from the back'
            cand --low-back 'Non-specific lower back pain'
            cand --deep-buttock 'Deep buttock pain (piriformis / deep gluteal)'
            cand --outer-hip 'Pain on the outside of the hip (gluteal tendinopathy)'
            cand --desk 'Desk work and long sitting'
            cand --morning-stiffness 'A stiff back on getting up'
            cand --start 'Mark a flare-up starting today in your record; a running plan steps back'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind'= {
            cand -e 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]'
            cand --every 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]'
            cand --snooze 'How long the Snooze button puts a reminder off [default: 10m]'
            cand --between 'Only remind between these times, such as 09:00-17:30 (may cross midnight)'
            cand --days 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends'
            cand -n 'Stop after this many reminders'
            cand --count 'Stop after this many reminders'
            cand --until 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"'
            cand --idle 'Time without keyboard or mouse input that counts as a break [default: 5m]'
            cand --for 'Suggest exercises from this complaint''s routine (default: desk-friendly ones)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --dry-run 'Print the next reminders (times and suggestions) without sending anything'
            cand --json 'With --dry-run: print JSON'
            cand --status 'Same as `backfix remind status`'
            cand --stop 'Same as `backfix remind stop`'
            cand --install 'Same as `backfix remind install`'
            cand --uninstall 'Same as `backfix remind uninstall`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show whether a reminder is running and when the next one is due'
            cand pause 'Hold reminders for a while, until a time, or until `remind resume`'
            cand resume 'End a pause (after a meeting, a stretch is offered right away)'
            cand now 'A reminder now (ends a pause)'
            cand snooze 'Put the reminder on screen, or the next one, off [default: the snooze time]'
            cand skip 'Dismiss the reminder on screen without doing it'
            cand done 'Say you moved: records it and starts the interval afresh'
            cand stop 'Stop the running reminder (only a proven backfix reminder is signalled)'
            cand uninstall 'Remove the systemd user unit'
            cand install 'Write a systemd user unit that starts the reminder, with these options, at login'
        }
        &'backfix;remind;status'= {
            cand --format 'A status-bar form: waybar (JSON with text, tooltip and class) or plain (one line)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;pause'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand --meeting 'A meeting: a stretch is offered when it ends (1h unless WHEN says)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;resume'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;now'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;snooze'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;skip'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;done'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;stop'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;uninstall'= {
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'backfix;remind;install'= {
            cand -e 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]'
            cand --every 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]'
            cand --snooze 'How long the Snooze button puts a reminder off [default: 10m]'
            cand --between 'Only remind between these times, such as 09:00-17:30 (may cross midnight)'
            cand --days 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends'
            cand -n 'Stop after this many reminders'
            cand --count 'Stop after this many reminders'
            cand --idle 'Time without keyboard or mouse input that counts as a break [default: 5m]'
            cand --until 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"'
            cand --for 'Suggest exercises from this complaint''s routine (default: desk-friendly ones)'
            cand --color 'When to use colour: auto (terminal and no NO_COLOR), always or never'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}

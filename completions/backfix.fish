# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_backfix_global_optspecs
    string join \n color= h/help V/version
end

function __fish_backfix_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_backfix_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_backfix_using_subcommand
    set -l cmd (__fish_backfix_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c backfix -n "__fish_backfix_needs_command" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backfix -n "__fish_backfix_needs_command" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "list" -d 'List exercises, with filters'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "search" -d 'Search every field of every exercise, the suitable ones first'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "redflags" -d 'Warning signs: when to call for help, see a doctor today, or book a review'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "check" -d 'Answer yes/no questions about warning signs and get the matching advice'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "paths" -d 'Show where backfix keeps its files, and the variables that move them'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "config" -d 'Show the effective settings from config.toml and where each came from'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "plan" -d 'A weekly plan that progresses with you: exercises, a walking target and lessons'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "today" -d 'Today in your plan: the session (or a rest day), doses, walking, a lesson'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "log" -d 'Check in: pain now, how much it got in the way this week, and your own activities'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "progress" -d 'Your progress: pain, interference and activities over the weeks, sessions and breaks'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "export" -d 'Export the whole record (check-ins, sessions, reminder history) as CSV or JSON'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "report" -d 'A one-page HTML summary to bring to a GP or physiotherapist'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "forget" -d 'Delete your record: everything before a date, or all of it'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "done" -d 'Record an exercise or a routine you did (without guided mode)'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "show" -d 'Explain one exercise: steps, dose, cues, cautions and sources'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "sources" -d 'The references behind the advice, in full: authors, title, year, evidence, link'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "routine" -d 'Print a routine for a complaint, fitted to the time you have'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "learn" -d 'Short lessons about back pain, each about two minutes to read, with sources'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "flare" -d 'A flare-up plan: the first days, scaling back and rebuilding, and when to get help'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "remind" -d 'Desktop reminders that break up long sitting, each suggesting one exercise'
complete -c backfix -n "__fish_backfix_using_subcommand list" -s c -l category -d 'Only this category' -r -f -a "strength\t''
mobility\t''
stretch\t''
nerve-glide\t''
soft-tissue\t''
activity\t''"
complete -c backfix -n "__fish_backfix_using_subcommand list" -s t -l target -d 'Only exercises whose targets or name mention this word (glute, glutes, hamstring)' -r
complete -c backfix -n "__fish_backfix_using_subcommand list" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand list" -s d -l desk -d 'Only exercises you can do at a desk'
complete -c backfix -n "__fish_backfix_using_subcommand list" -l json -d 'Print JSON instead of a table'
complete -c backfix -n "__fish_backfix_using_subcommand list" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand list" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand search" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand search" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand search" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand search" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand redflags" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand redflags" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand redflags" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand redflags" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand check" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand check" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand check" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand completions" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand completions" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand completions" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand paths" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand paths" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand paths" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand paths" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand config" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand config" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand config" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand config" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -f -a "start" -d 'Start a plan: by asking, or from flags'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -f -a "show" -d 'Show the running plan: its exercises, walking and the rules that fired'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -f -a "flare" -d 'Mark a flare-up starting today: the plan steps back'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and not __fish_seen_subcommand_from start show flare stop" -f -a "stop" -d 'Stop the plan (your record is kept)'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l lasted -d 'How long the pain has lasted [default: 6-12w]' -r -f -a "under-6w\t'Under 6 weeks'
6-12w\t'6 to 12 weeks'
over-12w\t'Over 12 weeks'"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l walk -d 'Walking you can manage a day now, in minutes (10, 10m or 10min) [default: 10m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l goal -d 'An activity to get back to; up to 3' -r
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l direction -d 'Your direction, from the routine\'s direction check: its exercises join the plan' -r -f -a "extension\t'Bending backwards (lying face down, on the elbows)'
flexion\t'Bending forwards (knees to chest)'"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l sciatica -d 'Leg pain from the back'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l low-back -d 'Non-specific lower back pain'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l deep-buttock -d 'Deep buttock pain (piriformis / deep gluteal)'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l outer-hip -d 'Pain on the outside of the hip (gluteal tendinopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l desk -d 'Desk work and long sitting'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l morning-stiffness -d 'A stiff back on getting up'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l replace -d 'Replace a plan that is running'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from show" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from flare" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from flare" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from flare" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from flare" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from stop" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand plan; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand today" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand today" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand today" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand today" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand log" -l pain -d 'Pain right now, 0 (none) to 10 (the worst you can imagine)' -r
complete -c backfix -n "__fish_backfix_using_subcommand log" -l interference -d 'How much pain got in the way of daily life this past week, 0 (not at all) to 10 (completely)' -r
complete -c backfix -n "__fish_backfix_using_subcommand log" -l activity -d 'One of your activities and how well you can do it, 0 (cannot) to 10 (as before); repeat for up to 5' -r
complete -c backfix -n "__fish_backfix_using_subcommand log" -l note -d 'A short note' -r
complete -c backfix -n "__fish_backfix_using_subcommand log" -l settled -d 'Had the pain of your last session settled to its usual level by the next morning? (If not, the plan steps back.)' -r -f -a "yes\t''
no\t''"
complete -c backfix -n "__fish_backfix_using_subcommand log" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand log" -l flare -d 'Mark this check-in as a flare-up'
complete -c backfix -n "__fish_backfix_using_subcommand log" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand log" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand progress" -l weeks -d 'Weeks shown in the charts [default: 12, or from --since up to 52]' -r
complete -c backfix -n "__fish_backfix_using_subcommand progress" -l since -d 'Count from this date (YYYY-MM-DD): the charts start there and changes are measured from it' -r
complete -c backfix -n "__fish_backfix_using_subcommand progress" -l target -d 'Sessions a week that count towards the streak' -r
complete -c backfix -n "__fish_backfix_using_subcommand progress" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand progress" -l json -d 'Print JSON'
complete -c backfix -n "__fish_backfix_using_subcommand progress" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand progress" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand export" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand export" -l csv -d 'CSV, one row per record'
complete -c backfix -n "__fish_backfix_using_subcommand export" -l json -d 'JSON: the journal and the reminder history'
complete -c backfix -n "__fish_backfix_using_subcommand export" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand export" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand report" -l html -d 'Write the HTML page to this file (`-` for standard output)' -r -F
complete -c backfix -n "__fish_backfix_using_subcommand report" -l since -d 'Count from this date (YYYY-MM-DD)' -r
complete -c backfix -n "__fish_backfix_using_subcommand report" -l target -d 'Sessions a week that count as reaching the target' -r
complete -c backfix -n "__fish_backfix_using_subcommand report" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand report" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand report" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand forget" -l before -d 'Delete what was recorded before this date (YYYY-MM-DD)' -r
complete -c backfix -n "__fish_backfix_using_subcommand forget" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand forget" -l all -d 'Delete everything'
complete -c backfix -n "__fish_backfix_using_subcommand forget" -l yes -d 'Do not ask'
complete -c backfix -n "__fish_backfix_using_subcommand forget" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand forget" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand done" -l minutes -d 'How long it took' -r
complete -c backfix -n "__fish_backfix_using_subcommand done" -l feel -d 'How it felt' -r -f -a "too-easy\t''
about-right\t''
too-hard\t''"
complete -c backfix -n "__fish_backfix_using_subcommand done" -l pain-during -d 'Pain during it, 0-10' -r
complete -c backfix -n "__fish_backfix_using_subcommand done" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand done" -l yesterday -d 'It was yesterday'
complete -c backfix -n "__fish_backfix_using_subcommand done" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand done" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand show" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand show" -l json -d 'Print the record as JSON'
complete -c backfix -n "__fish_backfix_using_subcommand show" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand show" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand sources" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s m -l minutes -d 'Fit the routine into this many minutes (1 to 120)' -r
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s l -l level -d 'Use the easier (gentle) or harder versions of the exercises, where the catalogue has them' -r -f -a "gentle\t''
standard\t''
harder\t''"
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l direction -d 'Your direction, from the routine\'s direction check: only that direction\'s exercises' -r -f -a "extension\t'Bending backwards (lying face down, on the elbows)'
flexion\t'Bending forwards (knees to chest)'"
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l sciatica -d 'Leg pain from the back'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l low-back -d 'Non-specific lower back pain'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l deep-buttock -d 'Deep buttock pain (piriformis / deep gluteal)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l outer-hip -d 'Pain on the outside of the hip (gluteal tendinopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l desk -d 'Desk work and long sitting'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l morning-stiffness -d 'A stiff back on getting up'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l list -d 'List the complaints'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s g -l guided -d 'Walk through the routine in the terminal, with timers'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand learn" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand learn" -l list -d 'List the lessons'
complete -c backfix -n "__fish_backfix_using_subcommand learn" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand learn" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand learn" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l sciatica -d 'Leg pain from the back'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l low-back -d 'Non-specific lower back pain'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l deep-buttock -d 'Deep buttock pain (piriformis / deep gluteal)'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l outer-hip -d 'Pain on the outside of the hip (gluteal tendinopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l desk -d 'Desk work and long sitting'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l morning-stiffness -d 'A stiff back on getting up'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l start -d 'Mark a flare-up starting today in your record; a running plan steps back'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand flare" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -s e -l every -d 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l snooze -d 'How long the Snooze button puts a reminder off [default: 10m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l between -d 'Only remind between these times, such as 09:00-17:30 (may cross midnight)' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l days -d 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -s n -l count -d 'Stop after this many reminders' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l until -d 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l idle -d 'Time without keyboard or mouse input that counts as a break [default: 5m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l for -d 'Suggest exercises from this complaint\'s routine (default: desk-friendly ones)' -r -f -a "sciatica\t''
low-back\t''
deep-buttock\t''
outer-hip\t''
desk\t''
morning-stiffness\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l dry-run -d 'Print the next reminders (times and suggestions) without sending anything'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l json -d 'With --dry-run: print JSON'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l status -d 'Same as `backfix remind status`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l stop -d 'Same as `backfix remind stop`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l install -d 'Same as `backfix remind install`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -l uninstall -d 'Same as `backfix remind uninstall`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "status" -d 'Show whether a reminder is running and when the next one is due'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "pause" -d 'Hold reminders for a while, until a time, or until `remind resume`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "resume" -d 'End a pause (after a meeting, a stretch is offered right away)'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "now" -d 'A reminder now (ends a pause)'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "snooze" -d 'Put the reminder on screen, or the next one, off [default: the snooze time]'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "skip" -d 'Dismiss the reminder on screen without doing it'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "done" -d 'Say you moved: records it and starts the interval afresh'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "stop" -d 'Stop the running reminder (only a proven backfix reminder is signalled)'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "uninstall" -d 'Remove the systemd user unit'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status pause resume now snooze skip done stop uninstall install" -f -a "install" -d 'Write a systemd user unit that starts the reminder, with these options, at login'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -l format -d 'A status-bar form: waybar (JSON with text, tooltip and class) or plain (one line)' -r -f -a "waybar\t''
plain\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from pause" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from pause" -l meeting -d 'A meeting: a stretch is offered when it ends (1h unless WHEN says)'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from resume" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from now" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from now" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from now" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from snooze" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from snooze" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from snooze" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from skip" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from skip" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from skip" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from done" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from done" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from stop" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from uninstall" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from uninstall" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -s e -l every -d 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l snooze -d 'How long the Snooze button puts a reminder off [default: 10m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l between -d 'Only remind between these times, such as 09:00-17:30 (may cross midnight)' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l days -d 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -s n -l count -d 'Stop after this many reminders' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l idle -d 'Time without keyboard or mouse input that counts as a break [default: 5m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l until -d 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l for -d 'Suggest exercises from this complaint\'s routine (default: desk-friendly ones)' -r -f -a "sciatica\t''
low-back\t''
deep-buttock\t''
outer-hip\t''
desk\t''
morning-stiffness\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
# Names for `backfix show`, `routine` and `sources` (added by backfix).
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'glute-bridge' -d 'Glute bridge'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'single-leg-bridge' -d 'Single-leg bridge'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'wall-bridge' -d 'Wall bridge'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'clamshell' -d 'Clamshell'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'side-lying-hip-abduction' -d 'Side-lying hip abduction'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'isometric-hip-abduction' -d 'Isometric hip abduction'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'bird-dog' -d 'Bird dog'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'dead-bug' -d 'Dead bug'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'cat-camel' -d 'Cat-camel'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'seated-cat-camel' -d 'Seated cat-camel'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'prone-press-up' -d 'Prone press-up'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'prone-on-elbows' -d 'Prone on elbows'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'knee-to-chest' -d 'Knee-to-chest'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'childs-pose' -d 'Child\'s pose'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'pelvic-tilt' -d 'Pelvic tilt'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'sciatic-nerve-slider' -d 'Sciatic nerve slider'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'sciatic-nerve-tensioner' -d 'Sciatic nerve tensioner'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'piriformis-stretch' -d 'Supine piriformis stretch (figure-4)'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'knee-to-opposite-shoulder' -d 'Knee-to-opposite-shoulder stretch'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'pigeon-pose' -d 'Pigeon pose'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'seated-glute-stretch' -d 'Seated glute stretch'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'hip-flexor-stretch' -d 'Half-kneeling hip flexor stretch'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'standing-hip-flexor-stretch' -d 'Standing hip flexor stretch'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'hamstring-stretch' -d 'Hamstring stretch with a strap'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'side-plank-knees' -d 'Side plank on knees'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'side-plank' -d 'Side plank'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'mcgill-curl-up' -d 'McGill curl-up'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'standing-back-extension' -d 'Standing back extension'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'foam-rolling-glutes' -d 'Foam rolling or massage ball on the glutes'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'walking' -d 'Walking'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'swimming' -d 'Swimming or water exercise'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'change-position' -d 'Change position: get up from sitting'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'direction-check' -d 'Find your direction (direction check)'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'offset-bridge' -d 'Offset bridge'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'sit-to-stand' -d 'Sit-to-stand'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'offset-sit-to-stand' -d 'Offset sit-to-stand'
complete -c backfix -n "__fish_backfix_using_subcommand show" -f -a 'side-stepping' -d 'Side-stepping'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'sciatica' -d 'Sciatica (leg pain from the back)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'low-back' -d 'Lower back pain (non-specific)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'deep-buttock' -d 'Deep buttock pain (piriformis / deep gluteal)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'outer-hip' -d 'Outer-hip pain (gluteal tendinopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'desk' -d 'Desk work and long sitting'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'morning-stiffness' -d 'Morning stiffness'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nice-ng59' -d 'NICE NG59 (2016, updated 2020)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'who-2023' -d 'WHO guideline on chronic low back pain (2023)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'who-2020-activity' -d 'WHO physical activity guidelines (2020)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'acp-2017' -d 'ACP guideline (2017)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'hayden-2021' -d 'Cochrane review of exercise for chronic low back pain (Hayden 2021)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'owen-2020' -d 'Owen 2020 network meta-analysis'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'dahm-2010' -d 'Cochrane review of bed rest (Dahm 2010)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'lancet-2018' -d 'Lancet low back pain series (2018)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'walkback-2024' -d 'WalkBack trial (Pocovi 2024)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'long-2004' -d 'Long 2004 directional preference trial'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'leap-2018' -d 'LEAP trial (Mellor 2018)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'leap-protocol-2016' -d 'LEAP trial protocol (2016)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'grimaldi-2015' -d 'Grimaldi 2015 (Sports Medicine)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'grimaldi-fearon-2015' -d 'Grimaldi & Fearon 2015 (JOSPT)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'distefano-2009' -d 'Distefano 2009 (gluteal muscle activation)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'baik-2021' -d 'Baik 2021 (side-lying abduction with forward roll)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'ellis-2012' -d 'Ellis 2012 (sciatic nerve sliders and tensioners)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'coppieters-2008' -d 'Coppieters & Butler 2008 (nerve gliding)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'peacock-2023' -d 'Peacock 2023 (neural mobilisation review)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'lin-2023' -d 'Lin 2023 (neural mobilisation for lumbar radiculopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'chen-2024' -d 'Chen 2024 (neural mobilisation in low back pain)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'plaza-manzano-2020' -d 'Plaza-Manzano 2020 (neurodynamics trial)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'fernandez-2015' -d 'Fernandez 2015 (exercise or advice for sciatica)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'jensen-2019' -d 'Jensen 2019 (BMJ, sciatica)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'acsm' -d 'ACSM position stand on exercise (Garber 2011)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'mcgill-lbd' -d 'McGill, Low Back Disorders (book)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'kisner-colby' -d 'Kisner & Colby, Therapeutic Exercise (textbook)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'yoga-pigeon' -d 'Yoga teaching article on pigeon pose and knee safety'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'hopayian-2010' -d 'Hopayian 2010 (piriformis syndrome review)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'wiewelhove-2019' -d 'Wiewelhove 2019 (foam rolling meta-analysis)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'buckley-2015' -d 'Buckley 2015 expert statement on sitting at work'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'danquah-2017' -d 'Take a Stand! trial (Danquah 2017)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'slater-2019' -d 'Slater & O\'Sullivan 2019 (posture and back pain)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nass-stenosis-2008' -d 'NASS guideline on lumbar spinal stenosis'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'ng65' -d 'NICE NG65 spondyloarthritis (2017)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'asas-2009' -d 'ASAS inflammatory back pain criteria (Sieper 2009)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nass-uveitis' -d 'NASS (axial SpA charity) on uveitis'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nhs-back-pain' -d 'NHS back pain page'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nhs-hip-fracture' -d 'NHS hip fracture information (as reproduced by health-shared.com)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nhs-aaa' -d 'NHS abdominal aortic aneurysm page'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'girft-ces-2023' -d 'GIRFT suspected cauda equina pathway (2023)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'norfolk-ces' -d 'NHS Norfolk & Waveney: cauda equina warning signs'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'cks-red-flags' -d 'NICE CKS red flags for back pain and sciatica'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'verhagen-2016' -d 'Verhagen 2016 (red flags in guidelines)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'idsa-2015' -d 'IDSA guideline on spinal infection (Berbari 2015)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'downie-2013' -d 'Downie 2013 (red flags for fracture and cancer)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'pogp-pgp' -d 'POGP guidance on pelvic girdle pain in pregnancy'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'nice-cg75' -d 'NICE CG75: metastatic spinal cord compression'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'gponline-pregnancy' -d 'GPonline: pregnancy red-flag symptoms'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'brinjikji-2015' -d 'Brinjikji 2015 (scan findings in people without back pain)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'brinjikji-2015-lbp' -d 'Brinjikji 2015 (scan findings with and without back pain)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'menezes-costa-2012' -d 'Menezes Costa 2012 (how back pain changes over time)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'henschke-2008' -d 'Henschke 2008 (recovery from acute back pain in primary care)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'best-2010' -d 'Back Skills Training trial (BeST, Lamb 2010)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'cuh-flare' -d 'Cambridge University Hospitals: flare-up and setback management'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'sfh-exercise' -d 'Sherwood Forest Hospitals Back Pain Unit: introducing exercise'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'gstt-lbp' -d 'Guy\'s and St Thomas\': low back pain physiotherapy and exercises'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'silbernagel-2007' -d 'Silbernagel 2007 (pain-monitoring model, Achilles tendinopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'finan-2013' -d 'Finan 2013 (sleep and pain review)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'vlaeyen-2000' -d 'Vlaeyen & Linton 2000 (the fear-avoidance model)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'williams-2014' -d 'PACE trial of paracetamol for acute back pain (Williams 2014)'
complete -c backfix -n "__fish_backfix_using_subcommand sources" -f -a 'ashar-2022' -d 'Pain reprocessing therapy trial (Ashar 2022)'

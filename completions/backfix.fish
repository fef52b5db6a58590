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
complete -c backfix -n "__fish_backfix_needs_command" -f -a "search" -d 'Search every field of every exercise'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "redflags" -d 'Warning signs: when to call for help, see a doctor today, or book a review'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "check" -d 'Answer yes/no questions about warning signs and get the matching advice'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "paths" -d 'Show where backfix keeps its files, and the variables that move them'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "show" -d 'Explain one exercise: steps, dose, cues, cautions and sources'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "routine" -d 'Print a routine for a complaint, fitted to the time you have'
complete -c backfix -n "__fish_backfix_needs_command" -f -a "remind" -d 'Desktop reminders that break up long sitting, each suggesting one exercise'
complete -c backfix -n "__fish_backfix_using_subcommand list" -s c -l category -d 'Only this category' -r -f -a "strength\t''
mobility\t''
stretch\t''
nerve-glide\t''
soft-tissue\t''
activity\t''"
complete -c backfix -n "__fish_backfix_using_subcommand list" -s t -l target -d 'Only exercises whose targets mention this word (for example glute, hamstring)' -r
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
complete -c backfix -n "__fish_backfix_using_subcommand show" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand show" -l json -d 'Print the record as JSON'
complete -c backfix -n "__fish_backfix_using_subcommand show" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand show" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s m -l minutes -d 'Fit the routine into this many minutes (1 to 120)' -r
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s l -l level -d 'Use the easier (gentle) or harder versions of the exercises, where the catalogue has them' -r -f -a "gentle\t''
standard\t''
harder\t''"
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
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -s e -l every -d 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l snooze -d 'How long the Snooze button puts a reminder off [default: 10m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l between -d 'Only remind between these times, such as 09:00-17:30 (may cross midnight)' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l days -d 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -s n -l count -d 'Stop after this many reminders' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l until -d 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l idle -d 'Time without keyboard or mouse input that counts as a break [default: 5m]' -r
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l for -d 'Suggest exercises from this complaint\'s routine (default: desk-friendly ones)' -r -f -a "sciatica\t''
low-back\t''
deep-buttock\t''
outer-hip\t''
desk\t''
morning-stiffness\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l dry-run -d 'Print the next reminders (times and suggestions) without sending anything'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l json -d 'With --dry-run: print JSON'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l status -d 'Same as `backfix remind status`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l stop -d 'Same as `backfix remind stop`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l install -d 'Same as `backfix remind install`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -l uninstall -d 'Same as `backfix remind uninstall`'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -s V -l version -d 'Print version'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -f -a "status" -d 'Show whether a reminder is running and when the next one is due'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -f -a "stop" -d 'Stop the running reminder (only a proven backfix reminder is signalled)'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -f -a "uninstall" -d 'Remove the systemd user unit'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and not __fish_seen_subcommand_from status stop uninstall install" -f -a "install" -d 'Write a systemd user unit that starts the reminder, with these options, at login'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -l color -d 'When to use colour: auto (terminal and no NO_COLOR), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of text'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c backfix -n "__fish_backfix_using_subcommand remind; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
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
# Names for `backfix show` and `backfix routine` (added by backfix).
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
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'sciatica' -d 'Sciatica (leg pain from the back)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'low-back' -d 'Lower back pain (non-specific)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'deep-buttock' -d 'Deep buttock pain (piriformis / deep gluteal)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'outer-hip' -d 'Outer-hip pain (gluteal tendinopathy)'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'desk' -d 'Desk work and long sitting'
complete -c backfix -n "__fish_backfix_using_subcommand routine" -f -a 'morning-stiffness' -d 'Morning stiffness'


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'backfix' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'backfix'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'backfix' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List exercises, with filters')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every field of every exercise, the suitable ones first')
            [CompletionResult]::new('redflags', 'redflags', [CompletionResultType]::ParameterValue, 'Warning signs: when to call for help, see a doctor today, or book a review')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Answer yes/no questions about warning signs and get the matching advice')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('paths', 'paths', [CompletionResultType]::ParameterValue, 'Show where backfix keeps its files, and the variables that move them')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings from config.toml and where each came from')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'A weekly plan that progresses with you: exercises, a walking target and lessons')
            [CompletionResult]::new('today', 'today', [CompletionResultType]::ParameterValue, 'Today in your plan: the session (or a rest day), doses, walking, a lesson')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Check in: pain now, how much it got in the way this week, and your own activities')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Your progress: pain, interference and activities over the weeks, sessions and breaks')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the whole record (check-ins, sessions, reminder history) as CSV or JSON')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A one-page HTML summary to bring to a GP or physiotherapist')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Delete your record: everything before a date, or all of it')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Record an exercise or a routine you did (without guided mode)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Explain one exercise: steps, dose, cues, cautions and sources')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'The references behind the advice, in full: authors, title, year, evidence, link')
            [CompletionResult]::new('routine', 'routine', [CompletionResultType]::ParameterValue, 'Print a routine for a complaint, fitted to the time you have')
            [CompletionResult]::new('learn', 'learn', [CompletionResultType]::ParameterValue, 'Short lessons about back pain, each about two minutes to read, with sources')
            [CompletionResult]::new('flare', 'flare', [CompletionResultType]::ParameterValue, 'A flare-up plan: the first days, scaling back and rebuilding, and when to get help')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Desktop reminders that break up long sitting, each suggesting one exercise')
            break
        }
        'backfix;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this category')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only this category')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only exercises whose targets or name mention this word (glute, glutes, hamstring)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Only exercises whose targets or name mention this word (glute, glutes, hamstring)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Only exercises you can do at a desk')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Only exercises you can do at a desk')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;search' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;redflags' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;check' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;paths' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;plan' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a plan: by asking, or from flags')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the running plan: its exercises, walking and the rules that fired')
            [CompletionResult]::new('flare', 'flare', [CompletionResultType]::ParameterValue, 'Mark a flare-up starting today: the plan steps back')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the plan (your record is kept)')
            break
        }
        'backfix;plan;start' {
            [CompletionResult]::new('--lasted', '--lasted', [CompletionResultType]::ParameterName, 'How long the pain has lasted [default: 6-12w]')
            [CompletionResult]::new('--walk', '--walk', [CompletionResultType]::ParameterName, 'Walking you can manage a day now, in minutes (10, 10m or 10min) [default: 10m]')
            [CompletionResult]::new('--goal', '--goal', [CompletionResultType]::ParameterName, 'An activity to get back to; up to 3')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'Your direction, from the routine''s direction check: its exercises join the plan')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--sciatica', '--sciatica', [CompletionResultType]::ParameterName, 'Leg pain from the back')
            [CompletionResult]::new('--low-back', '--low-back', [CompletionResultType]::ParameterName, 'Non-specific lower back pain')
            [CompletionResult]::new('--deep-buttock', '--deep-buttock', [CompletionResultType]::ParameterName, 'Deep buttock pain (piriformis / deep gluteal)')
            [CompletionResult]::new('--outer-hip', '--outer-hip', [CompletionResultType]::ParameterName, 'Pain on the outside of the hip (gluteal tendinopathy)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk work and long sitting')
            [CompletionResult]::new('--morning-stiffness', '--morning-stiffness', [CompletionResultType]::ParameterName, 'A stiff back on getting up')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a plan that is running')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;plan;show' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;plan;flare' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;plan;stop' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;today' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;log' {
            [CompletionResult]::new('--pain', '--pain', [CompletionResultType]::ParameterName, 'Pain right now, 0 (none) to 10 (the worst you can imagine)')
            [CompletionResult]::new('--interference', '--interference', [CompletionResultType]::ParameterName, 'How much pain got in the way of daily life this past week, 0 (not at all) to 10 (completely)')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'One of your activities and how well you can do it, 0 (cannot) to 10 (as before); repeat for up to 5')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A short note')
            [CompletionResult]::new('--settled', '--settled', [CompletionResultType]::ParameterName, 'Had the pain of your last session settled to its usual level by the next morning? (If not, the plan steps back.)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--flare', '--flare', [CompletionResultType]::ParameterName, 'Mark this check-in as a flare-up')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;progress' {
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'Weeks shown in the charts [default: 12, or from --since up to 52]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Count from this date (YYYY-MM-DD): the charts start there and changes are measured from it')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Sessions a week that count towards the streak')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;export' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV, one row per record')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON: the journal and the reminder history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;report' {
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Write the HTML page to this file (`-` for standard output)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Count from this date (YYYY-MM-DD)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Sessions a week that count as reaching the target')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;forget' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete what was recorded before this date (YYYY-MM-DD)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Delete everything')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;done' {
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'How long it took')
            [CompletionResult]::new('--feel', '--feel', [CompletionResultType]::ParameterName, 'How it felt')
            [CompletionResult]::new('--pain-during', '--pain-during', [CompletionResultType]::ParameterName, 'Pain during it, 0-10')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'It was yesterday')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;show' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the record as JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;sources' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;routine' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Fit the routine into this many minutes (1 to 120)')
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'Fit the routine into this many minutes (1 to 120)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Use the easier (gentle) or harder versions of the exercises, where the catalogue has them')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Use the easier (gentle) or harder versions of the exercises, where the catalogue has them')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'Your direction, from the routine''s direction check: only that direction''s exercises')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--sciatica', '--sciatica', [CompletionResultType]::ParameterName, 'Leg pain from the back')
            [CompletionResult]::new('--low-back', '--low-back', [CompletionResultType]::ParameterName, 'Non-specific lower back pain')
            [CompletionResult]::new('--deep-buttock', '--deep-buttock', [CompletionResultType]::ParameterName, 'Deep buttock pain (piriformis / deep gluteal)')
            [CompletionResult]::new('--outer-hip', '--outer-hip', [CompletionResultType]::ParameterName, 'Pain on the outside of the hip (gluteal tendinopathy)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk work and long sitting')
            [CompletionResult]::new('--morning-stiffness', '--morning-stiffness', [CompletionResultType]::ParameterName, 'A stiff back on getting up')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the complaints')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Walk through the routine in the terminal, with timers')
            [CompletionResult]::new('--guided', '--guided', [CompletionResultType]::ParameterName, 'Walk through the routine in the terminal, with timers')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;learn' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the lessons')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;flare' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--sciatica', '--sciatica', [CompletionResultType]::ParameterName, 'Leg pain from the back')
            [CompletionResult]::new('--low-back', '--low-back', [CompletionResultType]::ParameterName, 'Non-specific lower back pain')
            [CompletionResult]::new('--deep-buttock', '--deep-buttock', [CompletionResultType]::ParameterName, 'Deep buttock pain (piriformis / deep gluteal)')
            [CompletionResult]::new('--outer-hip', '--outer-hip', [CompletionResultType]::ParameterName, 'Pain on the outside of the hip (gluteal tendinopathy)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk work and long sitting')
            [CompletionResult]::new('--morning-stiffness', '--morning-stiffness', [CompletionResultType]::ParameterName, 'A stiff back on getting up')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Mark a flare-up starting today in your record; a running plan steps back')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]')
            [CompletionResult]::new('--snooze', '--snooze', [CompletionResultType]::ParameterName, 'How long the Snooze button puts a reminder off [default: 10m]')
            [CompletionResult]::new('--between', '--between', [CompletionResultType]::ParameterName, 'Only remind between these times, such as 09:00-17:30 (may cross midnight)')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many reminders')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many reminders')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"')
            [CompletionResult]::new('--idle', '--idle', [CompletionResultType]::ParameterName, 'Time without keyboard or mouse input that counts as a break [default: 5m]')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Suggest exercises from this complaint''s routine (default: desk-friendly ones)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the next reminders (times and suggestions) without sending anything')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'With --dry-run: print JSON')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Same as `backfix remind status`')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Same as `backfix remind stop`')
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Same as `backfix remind install`')
            [CompletionResult]::new('--uninstall', '--uninstall', [CompletionResultType]::ParameterName, 'Same as `backfix remind uninstall`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether a reminder is running and when the next one is due')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Hold reminders for a while, until a time, or until `remind resume`')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'End a pause (after a meeting, a stretch is offered right away)')
            [CompletionResult]::new('now', 'now', [CompletionResultType]::ParameterValue, 'A reminder now (ends a pause)')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Put the reminder on screen, or the next one, off [default: the snooze time]')
            [CompletionResult]::new('skip', 'skip', [CompletionResultType]::ParameterValue, 'Dismiss the reminder on screen without doing it')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Say you moved: records it and starts the interval afresh')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the running reminder (only a proven backfix reminder is signalled)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the systemd user unit')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write a systemd user unit that starts the reminder, with these options, at login')
            break
        }
        'backfix;remind;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'A status-bar form: waybar (JSON with text, tooltip and class) or plain (one line)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;pause' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('--meeting', '--meeting', [CompletionResultType]::ParameterName, 'A meeting: a stretch is offered when it ends (1h unless WHEN says)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;resume' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;now' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;snooze' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;skip' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;done' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;stop' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;uninstall' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'backfix;remind;install' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'How often to remind you, such as 30m, 45m or 1h30m [default: 45m]')
            [CompletionResult]::new('--snooze', '--snooze', [CompletionResultType]::ParameterName, 'How long the Snooze button puts a reminder off [default: 10m]')
            [CompletionResult]::new('--between', '--between', [CompletionResultType]::ParameterName, 'Only remind between these times, such as 09:00-17:30 (may cross midnight)')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Only remind on these days, such as mon-fri, mon,wed,fri or weekends')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many reminders')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many reminders')
            [CompletionResult]::new('--idle', '--idle', [CompletionResultType]::ParameterName, 'Time without keyboard or mouse input that counts as a break [default: 5m]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop at this time today, such as 17:30, or "tomorrow 08:00", or "2026-12-01 17:30"')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Suggest exercises from this complaint''s routine (default: desk-friendly ones)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (terminal and no NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

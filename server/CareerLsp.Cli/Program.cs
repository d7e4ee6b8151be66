using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using CareerLsp.Cli;
using CareerLsp.Cli.Output;
using CareerLsp.Workspace;

int exitCode = CommandLine.Run(args);
Timing.Report();
return exitCode;

namespace CareerLsp.Cli
{
    /// <summary>
    /// The <c>careerlsp</c> command line. Exit codes: 0 when no finding is an error, 1 when one is,
    /// 2 for usage, input, git or internal errors (one clear line on stderr, never a stack trace).
    /// </summary>
    internal static class CommandLine
    {
        public const int Ok = 0;
        public const int Findings = 1;
        public const int Failure = 2;

        public static int Run(string[] args)
        {
            Timing.Mark("main");
            Workspace.Marks.Sink = Timing.Mark;
            // Global options, as git's: before or after the subcommand. Each command says which formats
            // it writes (a usage error names them), so one --format serves all.
            var format = new Option<string?>("--format")
            {
                Description = "Output format: check: text, json, github or sarif; report: text, json or html; plan and patterns match: text or json",
                Recursive = true,
            };
            var config = new Option<string?>("--config") { Description = "Configuration file (default: .careerlsp.json found upwards)", Recursive = true };
            var repo = new Option<string?>("--repo") { Description = "Repository directory (default: the current directory)", Recursive = true };

            // A plain Command rather than RootCommand: RootCommand builds its help and version options
            // (resources, reflection) on every run, about 7 ms the hook would pay on every commit.
            // They are added only when the command line asks for them.
            var root = new Command("careerlsp", "CareerLsp: checks commit messages, PR descriptions and templates for the habits of a senior engineer.") { format, config, repo };
            if (args.Any(a => a is "-h" or "--help" or "-?" or "/?" or "/h")) root.Options.Add(new HelpOption { Recursive = true });
            if (args.Contains("--version")) root.Options.Add(new VersionOption());

            var check = new Command("check", "Check HEAD's message, PR drafts and PR templates in the repository");
            check.SetAction(p => RunCheck(p, format, config, repo, s => s.CheckEverything()));

            var commitFile = new Argument<string>("file") { Description = "The message file (COMMIT_EDITMSG, the hook's $1), or - for stdin" };
            var commit = new Command("commit", "Check a commit message (the commit-msg hook runs this)") { commitFile };
            commit.SetAction(p => RunCheck(p, format, config, repo, s => s.CheckCommitFile(p.GetValue(commitFile)!)));
            check.Subcommands.Add(commit);

            var range = new Argument<string>("range") { Description = "A revision range such as origin/main..HEAD" };
            var commits = new Command("commits", "Check every commit in a range (merges are left out)") { range };
            commits.SetAction(p => RunCheck(p, format, config, repo, s => s.CheckCommits(p.GetValue(range)!)));
            check.Subcommands.Add(commits);

            var prFile = new Argument<string?>("file") { Description = "The PR description (Markdown), or - for stdin", Arity = ArgumentArity.ZeroOrOne };
            var githubEvent = new Option<string?>("--github-event") { Description = "Read the PR body from a GitHub pull_request event (GITHUB_EVENT_PATH)" };
            var pr = new Command("pr", "Check a PR description") { prFile, githubEvent };
            pr.SetAction(p => RunCheck(p, format, config, repo, s =>
            {
                string? file = p.GetValue(prFile);
                string? eventPath = p.GetValue(githubEvent);
                if ((file is null) == (eventPath is null)) throw new UsageException("check pr takes a FILE (or -) or --github-event FILE");
                if (eventPath is not null) s.CheckGitHubEvent(eventPath);
                else s.CheckPullRequestFile(file!);
            }));
            check.Subcommands.Add(pr);

            var patternsFile = new Argument<string?>("file") { Description = "The pattern library (default: COMMON_PATTERNS.md in the repository, or patterns.path)", Arity = ArgumentArity.ZeroOrOne };
            var patterns = new Command("patterns", "Check the pattern library (COMMON_PATTERNS.md)") { patternsFile };
            patterns.SetAction(p => RunCheck(p, format, config, repo, s => s.CheckPatternLibraryFile(p.GetValue(patternsFile))));
            check.Subcommands.Add(patterns);
            root.Subcommands.Add(check);

            var library = new Option<string?>("--library") { Description = "The pattern library (default: COMMON_PATTERNS.md in the repository, or patterns.path)" };
            var staged = new Option<bool>("--staged") { Description = "Match the staged change (git diff --cached); the default without --diff or --message" };
            var diff = new Option<string?>("--diff") { Description = "Match a unified diff file (- for stdin) instead of the staged change" };
            var message = new Option<string?>("--message") { Description = "Match a commit message or PR description file (- for stdin) too" };
            var match = new Command("match", "List the pattern library entries that may apply to a change, best first") { library, staged, diff, message };
            match.SetAction(p => Guard(() => PatternsMatch.Run(new CheckSession(p.GetValue(repo) ?? ".", p.GetValue(config)), p.GetValue(library),
                p.GetValue(staged), p.GetValue(diff), p.GetValue(message), Format(p, format, "patterns match", PatternsMatch.Formats))));
            var patternsCommand = new Command("patterns", "Use the pattern library (COMMON_PATTERNS.md)") { match };
            root.Subcommands.Add(patternsCommand);

            var since = new Option<string?>("--since") { Description = "First day to count (YYYY-MM-DD)" };
            var until = new Option<string?>("--until") { Description = "Last day to count (YYYY-MM-DD)" };
            var author = new Option<string?>("--author") { Description = "Only commits whose author matches (as git log --author)" };
            var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of stdout" };
            var report = new Command("report", "Habit metrics per ISO week from history: sources, pre-mortems, fix-forwards, patterns added, skips") { since, until, author, output };
            report.SetAction(p => Guard(() => ReportCommand.Run(new CheckSession(p.GetValue(repo) ?? ".", p.GetValue(config)), p.GetValue(since), p.GetValue(until),
                p.GetValue(author), Format(p, format, "report", ReportCommand.Formats), p.GetValue(output))));
            root.Subcommands.Add(report);

            var planFile = new Option<string?>("--file") { Description = "The plan (default: plan.path in .careerlsp.json, else TRAINING_PLAN.md, else the built-in plan)" };
            var planStart = new Option<string?>("--start") { Description = "The plan's first day, YYYY-MM-DD (default: plan.start, else when the plan was first committed)" };
            var planToday = new Option<string?>("--today") { Description = "The day to show the plan for, YYYY-MM-DD (default: today)" };
            var plan = new Command("plan", "The training plan: where you are today, its checklist, and the routines") { planFile, planStart, planToday };
            plan.SetAction(p => Guard(() => PlanCommand.Run(new CheckSession(p.GetValue(repo) ?? ".", p.GetValue(config)), p.GetValue(planFile),
                p.GetValue(planStart), p.GetValue(planToday), Format(p, format, "plan", PlanCommand.Formats))));
            root.Subcommands.Add(plan);

            var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over stdin/stdout (the default; VS Code passes it)" };
            var serve = new Command("serve", "Run the language server (LSP 3.17 over stdio); logs go to stderr") { stdio };
            serve.SetAction(_ => Guard(() => Serve()));
            root.Subcommands.Add(serve);

            var hook = new Command("hook", "Install or remove the commit-msg hook");
            var force = new Option<bool>("--force") { Description = "Replace an existing hook (a backup is kept)" };
            var install = new Command("install", "Install the commit-msg hook (never replaces another hook without --force)") { force };
            install.SetAction(p => Guard(() => HookInstaller.Install(new CheckSession(p.GetValue(repo) ?? ".", null).RequireRepository(), p.GetValue(force), Console.Out)));
            var uninstall = new Command("uninstall", "Remove the CareerLsp commit-msg hook (restores a backed-up one)") { };
            uninstall.SetAction(p => Guard(() => HookInstaller.Uninstall(new CheckSession(p.GetValue(repo) ?? ".", null).RequireRepository(), Console.Out)));
            var status = new Command("status", "Say whether the commit-msg hook is installed: installed, outdated, missing or other (a hook CareerLsp did not write), then its path") { };
            status.SetAction(p => Guard(() => HookInstaller.Status(new CheckSession(p.GetValue(repo) ?? ".", null).RequireRepository(), Console.Out)));
            hook.Subcommands.Add(install);
            hook.Subcommands.Add(uninstall);
            hook.Subcommands.Add(status);
            root.Subcommands.Add(hook);

            Timing.Mark("command tree built");
            var parse = root.Parse(args);
            Timing.Mark("arguments parsed");
            if (UsageError(parse) is { } usage)
            {
                Console.Error.WriteLine($"careerlsp: {usage} (careerlsp --help shows usage)");
                return Failure;
            }
            return parse.Invoke();
        }

        /// <summary>
        /// The one line to say for a command line that does not parse, or <c>null</c>. An unknown
        /// word is the cause when there is one ("required command" follows from it); a command that
        /// only groups others names them.
        /// </summary>
        internal static string? UsageError(ParseResult parse)
        {
            if (parse.Errors.Count == 0)
            {
                var command = parse.CommandResult.Command;
                if (command.Action is null && command.Subcommands.Count > 0 && !parse.Tokens.Any(t => t.Value is "-h" or "--help" or "-?" or "/?" or "/h" or "--version"))
                    return $"{Path(parse.CommandResult)} needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
                return null;
            }
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            string message = string.Join(" ", error.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));
            if (message.StartsWith("Required command was not provided", StringComparison.Ordinal) && error.SymbolResult is CommandResult { Command: var group })
                return $"{Path(error.SymbolResult)} needs a command: {string.Join(", ", group.Subcommands.Select(c => c.Name))}";
            return message;
        }

        private static string Path(SymbolResult? result)
        {
            var names = new List<string>();
            for (var r = result; r is not null; r = r.Parent)
                if (r is CommandResult c) names.Insert(0, c.Command.Name);
            return string.Join(" ", names);
        }

        /// <summary>The --format value for <paramref name="command"/>: text by default, else one it writes.</summary>
        private static string Format(ParseResult parse, Option<string?> format, string command, IReadOnlyCollection<string> formats)
        {
            string value = parse.GetValue(format) ?? "text";
            if (!formats.Contains(value))
                throw new UsageException($"--format {value}: {command} writes {string.Join(", ", formats.SkipLast(1))} or {formats.Last()} (careerlsp --help shows usage)");
            return value;
        }

        private static int RunCheck(ParseResult parse, Option<string?> format, Option<string?> config, Option<string?> repo, Action<CheckSession> check) =>
            Guard(() =>
            {
                string chosenFormat = Format(parse, format, "check", ReportWriters.Formats);
                string directory = parse.GetValue(repo) ?? ".";
                string? configPath = parse.GetValue(config);
                Timing.Mark("options read");
                var session = new CheckSession(directory, configPath);
                Timing.Mark("configuration found");
                check(session);
                Timing.Mark("checked");
                var writer = ReportWriters.For(chosenFormat);
                WriteStdout(output => writer.Write(output, session.Reports));
                Timing.Mark("written");
                bool errors = session.Reports.Any(r => r.Findings.Any(f => f.Severity == Core.Domain.Findings.Severity.Error));
                return errors ? Findings : Ok;
            });

        /// <summary>Kept alive while serving: a collected registration no longer handles the signal.</summary>
        private static System.Runtime.InteropServices.PosixSignalRegistration? _terminate;

        /// <summary>Serves LSP on stdin/stdout until the client says exit; stdout carries only frames.</summary>
        private static int Serve()
        {
            // SIGTERM ends the server at once. Without a registration the runtime's default handling
            // of it left the NativeAOT server running now and then (1 run of the robustness tests in
            // 6 with the cores busy: its one thread-pool worker is blocked reading stdin); a
            // registration runs on a thread of its own.
            _terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true;
                    Environment.Exit(143);
                });
            using var input = new Protocol.DedicatedReadStream(Console.OpenStandardInput());
            using var output = Console.OpenStandardOutput();
            return Server.LanguageServer.RunAsync(input, output, Console.Error).GetAwaiter().GetResult();
        }

        /// <summary>
        /// Renders into memory and writes UTF-8 bytes to stdout once: cheaper at start-up than
        /// setting up Console.Out's encoder and synchronised writer, and never a partial report.
        /// </summary>
        internal static void WriteStdout(Action<TextWriter> render)
        {
            var text = new StringWriter { NewLine = "\n" };
            render(text);
            StandardOutput.Write(new System.Text.UTF8Encoding(false).GetBytes(text.ToString()));
        }

        /// <summary>Turns every failure into one line on stderr and exit code 2.</summary>
        private static int Guard(Func<int> action)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (e is InputException or GitException or UsageException)
            {
                Console.Error.WriteLine($"careerlsp: {e.Message}");
                return Failure;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"careerlsp: internal error: {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("CAREERLSP_HOOK") == "1")
                    Console.Error.WriteLine("careerlsp: to commit anyway, run git commit --no-verify (and please report this)");
                if (Environment.GetEnvironmentVariable("CAREERLSP_DEBUG") == "1") Console.Error.WriteLine(e);
                return Failure;
            }
        }
    }

    /// <summary>A command line that parses but does not make sense.</summary>
    internal sealed class UsageException(string message) : Exception(message);
}

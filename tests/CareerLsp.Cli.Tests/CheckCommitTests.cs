using System.Text;
using System.Text.Json;

namespace CareerLsp.Cli.Tests;

/// <summary>The CLI contract for <c>careerlsp check commit FILE|-</c>: exit codes, output formats, bad input.</summary>
public sealed class CheckCommitTests
{
    [Fact]
    public void Good_message_exits_zero()
    {
        using var repo = new TempRepository();
        string file = repo.Write("MSG", Messages.Good);
        var result = repo.Run("check", "commit", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("0 errors", result.Stdout);
    }

    [Fact]
    public void Error_findings_exit_one_in_compiler_format()
    {
        using var repo = new TempRepository();
        repo.Write("MSG", Messages.NoSources);
        var result = repo.Run("check", "commit", "MSG");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MSG:1:1: error CL001 sources-required: No Sources Consulted section", result.Stdout);
    }

    [Fact]
    public void Json_output_has_the_documented_shape_with_zero_based_utf16_positions()
    {
        using var repo = new TempRepository();
        repo.Write("MSG", "Add 😀 support and make this subject deliberately longer than seventy-two chars\n");
        var result = repo.Run("check", "commit", "MSG", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("warnings").ValueKind);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        foreach (var f in findings)
        {
            foreach (var key in new[] { "rule", "name", "severity", "message", "file" })
                Assert.Equal(JsonValueKind.String, f.GetProperty(key).ValueKind);
            var range = f.GetProperty("range");
            Assert.True(range.GetProperty("start").GetProperty("line").GetInt32() >= 0);
        }
        var subject = findings.Single(f => f.GetProperty("name").GetString() == "subject-max-length");
        Assert.Equal("CL041", subject.GetProperty("rule").GetString());
        Assert.Equal("warning", subject.GetProperty("severity").GetString());
        Assert.Equal("MSG", subject.GetProperty("file").GetString());
        // The emoji is two UTF-16 code units, so character 72 is one code point earlier than 72 code points.
        Assert.Equal(72, subject.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(0, subject.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(root.GetProperty("errors").GetInt32(), findings.Count(f => f.GetProperty("severity").GetString() == "error"));
    }

    [Fact]
    public void Stdin_is_read_with_a_dash()
    {
        using var repo = new TempRepository();
        var result = CliRunner.RunWithInput(repo.Root, Messages.Good, "check", "commit", "-");
        Assert.True(result.ExitCode == 0, result.ToString());
        var bad = CliRunner.RunWithInput(repo.Root, "oops\n", "check", "commit", "-", "--format", "json");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("\"file\": \"<stdin>\"", bad.Stdout);
        Assert.Contains("fix-forward-subject", bad.Stdout);
    }

    [Fact]
    public void Comments_and_the_scissors_line_are_ignored_as_git_does()
    {
        using var repo = new TempRepository();
        repo.Write("COMMIT_EDITMSG", Messages.Good + """
            # Please enter the commit message for your changes.
            # ------------------------ >8 ------------------------
            # Do not modify or remove the line above.
            diff --git a/x b/x
            +oops
            """);
        var result = repo.Run("check", "commit", "COMMIT_EDITMSG");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Core_comment_char_from_git_config_is_honoured()
    {
        using var repo = new TempRepository();
        repo.Git("config core.commentChar ';'");
        repo.Write("MSG", "Add the hook\n\n## Sources Consulted\n- githooks(5)\n\n## Pre-mortem\n- Failure: a\n- Failure: b\n- Failure: c\n- Dependency: d\n- Race: e\n; comment line\n");
        var result = repo.Run("check", "commit", "MSG");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Staged_change_size_exempts_a_trivial_commit_from_the_premortem()
    {
        using var repo = new TempRepository();
        repo.Commit(Messages.Good);
        repo.Write("README.md", "one line\n");
        repo.Git("add README.md");
        repo.Write("MSG", "Fix a link in the README\n\nSources Consulted:\n- README.md\n");
        var result = repo.Run("check", "commit", "MSG");
        Assert.True(result.ExitCode == 0, result.ToString());

        repo.Write("big.txt", string.Concat(Enumerable.Range(0, 300).Select(i => $"line {i}\n")));
        repo.Git("add big.txt");
        var big = repo.Run("check", "commit", "MSG");
        Assert.Equal(1, big.ExitCode);
        Assert.Contains("premortem-required", big.Stdout);
        Assert.Contains("for a change of 301 lines in 2 files", big.Stdout);
    }

    [Fact]
    public void Missing_file_directory_and_binary_exit_two_with_one_line()
    {
        using var repo = new TempRepository();
        File.WriteAllBytes(Path.Combine(repo.Root, "bin.dat"), [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]);
        foreach (var (arg, expected) in new[] { ("nope.txt", "no such file"), (".", "is a directory"), ("bin.dat", "binary file") })
        {
            var result = repo.Run("check", "commit", arg);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains(expected, result.Stderr);
            Assert.Single(result.Stderr.Trim().Split('\n'));
            Assert.Empty(result.Stdout);
        }
    }

    [Fact]
    public void Huge_file_exits_two()
    {
        using var repo = new TempRepository();
        string path = Path.Combine(repo.Root, "huge.txt");
        using (var writer = new StreamWriter(path))
        {
            var line = new string('a', 1023) + "\n";
            for (int i = 0; i < 50 * 1024; i++) writer.Write(line);
        }
        var result = repo.Run("check", "commit", "huge.txt");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("MiB", result.Stderr);
    }

    [Fact]
    public void Invalid_utf8_is_a_finding_at_the_first_bad_byte()
    {
        using var repo = new TempRepository();
        var bytes = Encoding.UTF8.GetBytes(Messages.Good).ToList();
        bytes.InsertRange(4, new byte[] { 0xC3, 0x28 });
        File.WriteAllBytes(Path.Combine(repo.Root, "MSG"), bytes.ToArray());
        var result = repo.Run("check", "commit", "MSG", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "encoding-invalid");
        Assert.Equal(4, finding.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public void Closed_stdin_exits_two_instead_of_hanging()
    {
        using var repo = new TempRepository();
        var result = CliRunner.Shell(repo.Root, "eval \"$CAREERLSP check commit - <&-\"");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("standard input is closed", result.Stderr);
    }

    [Fact]
    public void Outside_a_repository_a_file_is_still_checked()
    {
        using var dir = new TempRepository(init: false);
        dir.Write("MSG", Messages.Good);
        var result = dir.Run("check", "commit", "MSG");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Usage_errors_exit_two()
    {
        using var dir = new TempRepository(init: false);
        Assert.Equal(2, dir.Run("check", "commit").ExitCode);
        Assert.Equal(2, dir.Run("check", "commit", "x", "--format", "xml").ExitCode);
        Assert.Equal(2, dir.Run("frobnicate").ExitCode);
        var version = dir.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout.Trim());
        var help = dir.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("check", help.Stdout);
    }

    [Theory]
    [InlineData("careerlsp: Unrecognized command or argument 'frobnicate'.", "frobnicate")]
    [InlineData("careerlsp: careerlsp needs a command: check, patterns, report, plan, serve, hook", new string[0])]
    [InlineData("careerlsp: careerlsp hook needs a command: install, uninstall, status", "hook")]
    [InlineData("careerlsp: --format xml: check writes text, json, github or sarif", "check", "commit", "MSG", "--format", "xml")]
    [InlineData("careerlsp: --format xml: check writes text, json, github or sarif", "--format", "xml", "check", "commit", "MSG")]
    [InlineData("careerlsp: --format sarif: report writes text, json or html", "report", "--format", "sarif")]
    [InlineData("careerlsp: --format html: plan writes text or json", "--format", "html", "plan")]
    [InlineData("careerlsp: Required argument missing for command: 'commit'.", "check", "commit")]
    [InlineData("careerlsp: Required argument missing for option: '--repo'.", "check", "--repo")]
    [InlineData("careerlsp: Unrecognized command or argument '--frob'.", "check", "commit", "MSG", "--frob")]
    public void Every_usage_error_is_one_line_and_exit_two(string expected, params string[] arguments)
    {
        using var dir = new TempRepository(init: false);
        dir.Write("MSG", Messages.Good);
        var result = dir.Run(arguments);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line);
        Assert.EndsWith("(careerlsp --help shows usage)", line);
    }

    [Theory]
    [InlineData("--config", "strict.json", "--format", "json", "check", "commit", "MSG")]
    [InlineData("check", "--config", "strict.json", "commit", "--format", "json", "MSG")]
    [InlineData("check", "commit", "MSG", "--format", "json", "--config", "strict.json")]
    [InlineData("--format", "json", "check", "--config", "strict.json", "commit", "MSG")]
    public void Global_options_work_before_and_after_the_subcommand(params string[] arguments)
    {
        using var repo = new TempRepository();
        // A configuration that turns a warning into an error: it shows the option was read.
        repo.Write("strict.json", """{ "rules": { "subject-max-length": { "severity": "error", "max": 10 } } }""");
        repo.Write("MSG", Messages.Good);
        var result = repo.Run(arguments);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("{", result.Stdout);
        Assert.Contains("\"subject-max-length\"", result.Stdout);
    }

    [Fact]
    public void Repo_is_global_too()
    {
        using var repo = new TempRepository();
        repo.Commit(Messages.Good);
        using var elsewhere = new TempRepository(init: false);
        var before = elsewhere.Run("--repo", repo.Root, "report", "--format", "json");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("\"commits\":1", before.Stdout.Replace(" ", ""));
        var after = elsewhere.Run("report", "--format", "json", "--repo", repo.Root);
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Fact]
    public void GitHub_and_sarif_formats()
    {
        using var repo = new TempRepository();
        repo.Write("MSG", Messages.NoSources);
        var github = repo.Run("check", "commit", "MSG", "--format", "github");
        Assert.Equal(1, github.ExitCode);
        Assert.Contains("::error file=MSG,line=1,col=1,endLine=1,endColumn=24,title=CL001 sources-required::No Sources Consulted", github.Stdout);

        var sarif = repo.Run("check", "commit", "MSG", "--format", "sarif");
        using var json = JsonDocument.Parse(sarif.Stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "CL001");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        int index = result.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("CL001", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
    }

    [Fact]
    public void Output_shares_the_shells_file_offset_with_what_follows()
    {
        // A redirected file is seekable: output written at a private offset (pwrite) would be
        // overwritten by the next writer of the same redirection.
        using var repo = new TempRepository();
        repo.Write("MSG", Messages.Good);
        var result = CliRunner.Shell(repo.Root, "{ eval \"$CAREERLSP check commit MSG\"; echo after; } > out.txt; cat out.txt");
        Assert.Contains("1 document checked: 0 errors", result.Stdout);
        Assert.EndsWith("after\n", result.Stdout);
    }
}

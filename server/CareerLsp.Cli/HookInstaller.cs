using System.Text;
using CareerLsp.Workspace;

namespace CareerLsp.Cli;

/// <summary>
/// Installs the <c>commit-msg</c> hook where git looks for it (<c>core.hooksPath</c> and worktrees
/// honoured). It never replaces a hook it did not write unless told to (<c>--force</c>), and then it
/// keeps a backup that <c>uninstall</c> puts back. Files are written atomically.
/// </summary>
internal static class HookInstaller
{
    public const string Marker = "# careerlsp-managed-hook";
    private const string HookName = "commit-msg";
    private const string BackupSuffix = ".careerlsp-backup";

    public static int Install(Repository repository, bool force, TextWriter output)
    {
        string directory = repository.HooksDirectory();
        string hook = Path.Combine(directory, HookName);
        System.IO.Directory.CreateDirectory(directory);
        string script = Script();

        if (File.Exists(hook))
        {
            string existing = File.ReadAllText(hook);
            if (existing.Contains(Marker, StringComparison.Ordinal))
            {
                if (existing == script)
                {
                    output.WriteLine($"The CareerLsp commit-msg hook is already installed at {hook}");
                    return 0;
                }
            }
            else if (!force)
            {
                throw new InputException($"{hook} already exists and was not written by CareerLsp; rerun with --force to replace it (it is kept as {HookName}{BackupSuffix})");
            }
            else
            {
                string backup = FreeBackupPath(hook);
                File.Copy(hook, backup);
                output.WriteLine($"Kept the existing hook as {backup}");
            }
        }

        WriteAtomically(hook, script);
        output.WriteLine($"Installed the commit-msg hook at {hook}");
        return 0;
    }

    /// <summary>
    /// One line for editors and scripts: <c>installed</c> (what this executable would write),
    /// <c>outdated</c> (written by CareerLsp, but another version or from another place: install
    /// rewrites it), <c>missing</c>, or <c>other</c> (a hook CareerLsp did not write); then the path.
    /// </summary>
    public static int Status(Repository repository, TextWriter output)
    {
        string hook = Path.Combine(repository.HooksDirectory(), HookName);
        string state;
        if (!File.Exists(hook)) state = "missing";
        else
        {
            string existing = File.ReadAllText(hook);
            state = existing == Script() ? "installed" : existing.Contains(Marker, StringComparison.Ordinal) ? "outdated" : "other";
        }
        output.WriteLine($"{state} {hook}");
        return 0;
    }

    public static int Uninstall(Repository repository, TextWriter output)
    {
        string hook = Path.Combine(repository.HooksDirectory(), HookName);
        if (!File.Exists(hook))
        {
            output.WriteLine($"No commit-msg hook at {hook}; nothing to remove");
            return 0;
        }
        if (!File.ReadAllText(hook).Contains(Marker, StringComparison.Ordinal))
            throw new InputException($"{hook} was not written by CareerLsp; leaving it in place");
        File.Delete(hook);
        string backup = hook + BackupSuffix;
        if (File.Exists(backup))
        {
            File.Move(backup, hook);
            output.WriteLine($"Removed the CareerLsp hook and restored the previous one from {backup}");
        }
        else
        {
            output.WriteLine($"Removed the CareerLsp hook from {hook}");
        }
        return 0;
    }

    /// <summary>
    /// The hook script. It runs <c>careerlsp</c> from PATH when it is there, so an upgrade or a
    /// reinstall elsewhere keeps working, else the executable that installed it; when neither is
    /// there the commit stops with one line saying what is missing and how to commit anyway.
    /// </summary>
    internal static string Script()
    {
        var (fallback, fallbackFile) = Fallback();
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append(Marker).Append(": installed by `careerlsp hook install`; `careerlsp hook uninstall` removes it.\n");
        sb.Append("# Checks the commit message for the habits CareerLsp teaches. Skip it once with: git commit --no-verify\n");
        sb.Append("# careerlsp from PATH first; else the one that installed this hook.\n");
        sb.Append("if command -v careerlsp >/dev/null 2>&1; then\n");
        sb.Append("  CAREERLSP_HOOK=1 careerlsp check commit \"$1\"\n");
        sb.Append("elif [ -f ").Append(Quote(fallbackFile)).Append(" ]; then\n");
        sb.Append("  CAREERLSP_HOOK=1 ").Append(fallback).Append(" check commit \"$1\"\n");
        sb.Append("else\n");
        sb.Append("  echo \"careerlsp: the commit-msg hook needs careerlsp, which is not on PATH and no longer at ")
            .Append(EscapeForDoubleQuotes(fallbackFile))
            .Append("; install it (see CareerLsp's README) or commit anyway with: git commit --no-verify\" >&2\n");
        sb.Append("  exit 2\n");
        sb.Append("fi\n");
        sb.Append("status=$?\n");
        sb.Append("if [ \"$status\" -eq 1 ]; then\n");
        sb.Append("  echo \"careerlsp: the commit message has errors (above). Fix them, add 'Habits-Skip: <reason>', or commit with --no-verify.\" >&2\n");
        sb.Append("elif [ \"$status\" -ne 0 ]; then\n");
        sb.Append("  echo \"careerlsp: the hook could not check the message (exit $status). Commit anyway with: git commit --no-verify\" >&2\n");
        sb.Append("fi\n");
        sb.Append("exit $status\n");
        return sb.ToString();
    }

    /// <summary>The command that runs this very executable (quoted for sh), and the file that must exist for it.</summary>
    private static (string Command, string File) Fallback()
    {
        string? process = Environment.ProcessPath;
        bool viaDotnet = process is null || Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (!viaDotnet) return (Quote(ShellPath(process!)), ShellPath(process!));
        string dll = ShellPath(Path.Combine(AppContext.BaseDirectory, "careerlsp.dll"));
        return ($"{Quote(ShellPath(process ?? "dotnet"))} {Quote(dll)}", dll);
    }

    /// <summary>Git for Windows runs hooks with its sh, which reads <c>C:/x</c> but not <c>C:\x</c>.</summary>
    private static string ShellPath(string path) => OperatingSystem.IsWindows() ? path.Replace('\\', '/') : path;

    private static string EscapeForDoubleQuotes(string value) =>
        value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "\\$").Replace("`", "\\`");

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static string FreeBackupPath(string hook)
    {
        string backup = hook + BackupSuffix;
        for (int i = 1; File.Exists(backup); i++) backup = $"{hook}{BackupSuffix}.{i}";
        return backup;
    }

    private static void WriteAtomically(string path, string content)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, content, new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        File.Move(temporary, path, overwrite: true);
    }
}

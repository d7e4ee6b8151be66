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

    /// <summary>The hook script: runs this very executable, and explains how to get past a failure.</summary>
    internal static string Script()
    {
        string command = Command();
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append(Marker).Append(": installed by `careerlsp hook install`; `careerlsp hook uninstall` removes it.\n");
        sb.Append("# Checks the commit message for the habits CareerLsp teaches. Skip it once with: git commit --no-verify\n");
        sb.Append("CAREERLSP_HOOK=1 ").Append(command).Append(" check commit \"$1\"\n");
        sb.Append("status=$?\n");
        sb.Append("if [ \"$status\" -eq 1 ]; then\n");
        sb.Append("  echo \"careerlsp: the commit message has errors (above). Fix them, add 'Habits-Skip: <reason>', or commit with --no-verify.\" >&2\n");
        sb.Append("elif [ \"$status\" -ne 0 ]; then\n");
        sb.Append("  echo \"careerlsp: the hook could not check the message (exit $status). Commit anyway with: git commit --no-verify\" >&2\n");
        sb.Append("fi\n");
        sb.Append("exit $status\n");
        return sb.ToString();
    }

    private static string Command()
    {
        string? process = Environment.ProcessPath;
        string dll = Path.Combine(AppContext.BaseDirectory, "careerlsp.dll");
        bool viaDotnet = process is null || Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaDotnet ? $"{Quote(process ?? "dotnet")} {Quote(dll)}" : Quote(process!);
    }

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

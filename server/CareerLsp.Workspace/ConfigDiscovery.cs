using CareerLsp.Core.Domain.Configuration;

namespace CareerLsp.Workspace;

/// <summary>The configuration in force and the file it came from (none when the defaults apply).</summary>
public sealed record LoadedConfig(CareerLspConfig Config, string? Path, ConfigLoadResult? Result);

/// <summary>
/// Finds <c>.careerlsp.json</c> from a directory upwards, stopping at the repository's root (the
/// first directory holding <c>.git</c>), so a repository never picks up an enclosing project's file.
/// </summary>
public static class ConfigDiscovery
{
    public const string FileName = ".careerlsp.json";

    public static string? Find(string directory)
    {
        string? root = WorkTree.FindRoot(directory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
            if (dir.FullName == root) return null;
        }
        return null;
    }

    /// <summary>Loads an explicit file (which must exist) or the one found upwards from <paramref name="directory"/>.</summary>
    public static LoadedConfig Load(string directory, string? explicitPath)
    {
        string? path = explicitPath ?? Find(directory);
        if (path is null) return new LoadedConfig(CareerLspConfig.Default, null, null);
        var text = DocumentReader.ReadFile(path);
        var result = ConfigLoader.Load(text.Text);
        return new LoadedConfig(result.Config, path, result);
    }
}

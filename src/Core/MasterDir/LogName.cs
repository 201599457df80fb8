namespace Piuparts.Core.MasterDir;

/// <summary>
/// Log file names, <c>name_version.log</c> (and <c>.kpr</c> for known-problem reports), and the
/// check that keeps names received from a slave inside the section directory.
/// </summary>
public static class LogName
{
    /// <summary>Longest name or version accepted; with "_" and ".log" this stays under the 255-byte file name limit.</summary>
    public const int MaxPartLength = 120;

    /// <summary>Null when <paramref name="text"/> is safe as a package name or version in a file name, else why not.</summary>
    public static string? CheckPart(string what, string text)
    {
        if (text.Length == 0)
            return $"empty {what}";
        if (text.Length > MaxPartLength)
            return $"{what} longer than {MaxPartLength} characters";
        if (text.Contains('/'))
            return $"{what} '{text}' contains '/'";
        if (text.Contains(".."))
            return $"{what} '{text}' contains '..'";
        foreach (char c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
                return $"{what} contains a control or space character";
        }
        return null;
    }

    /// <summary>Null when both are safe, else why not.</summary>
    public static string? Check(string name, string version) => CheckPart("package name", name) ?? CheckPart("version", version);

    public static string Log(string name, string version) => $"{name}_{version}.log";

    public static string Kpr(string name, string version) => $"{name}_{version}.kpr";

    /// <summary>(name, version) of each log file name, in the given order; other names are left out.</summary>
    public static IReadOnlyList<(string Name, string Version)> ParseAll(IEnumerable<string> fileNames)
    {
        var logs = new List<(string, string)>();
        foreach (var fileName in fileNames)
        {
            if (TryParse(fileName, out var name, out var version))
                logs.Add((name, version));
        }
        return logs;
    }

    /// <summary>Splits "name_version.log" (package names have no '_'); false for anything else.</summary>
    public static bool TryParse(string fileName, out string name, out string version)
    {
        name = version = "";
        if (!fileName.EndsWith(".log", StringComparison.Ordinal))
            return false;
        var stem = fileName.AsSpan(0, fileName.Length - 4);
        int underscore = stem.IndexOf('_');
        if (underscore <= 0 || underscore == stem.Length - 1)
            return false;
        name = stem[..underscore].ToString();
        version = stem[(underscore + 1)..].ToString();
        return true;
    }
}

namespace Piuparts.Core.Tests.Config;

/// <summary>Where the configuration test data lies in the output directory (copied from tests/Core.Tests/Data/Config).</summary>
internal static class ConfigTestData
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "Config");

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>The files of one data folder, as paths relative to <see cref="Root"/>, sorted.</summary>
    public static IReadOnlyList<string> Files(string folder, string pattern) =>
        Directory.GetFiles(PathOf(folder), pattern)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Cases(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Files(folder, pattern))
            data.Add(file);
        return data;
    }
}

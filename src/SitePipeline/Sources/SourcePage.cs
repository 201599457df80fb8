namespace Piuparts.SitePipeline.Sources;

/// <summary>Where a source package's page lives (report.md §6.6); tracker.debian.org and DDPO link there.</summary>
public static class SourcePage
{
    /// <summary>The directory under source/: the first four characters of lib* names, else the first one.</summary>
    public static string Subdirectory(string source) => Prefix(source, source.StartsWith("lib", StringComparison.Ordinal) ? 4 : 1);

    // The first characters as Python counts them: code points, so a surrogate pair stays whole.
    private static string Prefix(string text, int count)
    {
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count-- == 0)
                break;
            end += rune.Utf16SequenceLength;
        }
        return text[..end];
    }

    /// <summary>The absolute URL summary.json gives: https://{web-host}{D}/{section}/source/{subdir}/{source}.html.</summary>
    /// <param name="docRoot">The normalised doc-root {D} (report.md §1.4): "" or "/path" without trailing slash.</param>
    public static string SummaryUrl(string webHost, string docRoot, string section, string source) =>
        $"https://{webHost}{docRoot}/{section}/source/{Subdirectory(source)}/{source}.html";
}

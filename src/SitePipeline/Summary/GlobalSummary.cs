using System.Globalization;
using Piuparts.Core;

namespace Piuparts.SitePipeline.Summary;

/// <summary>The global summary.json merged from the sections' files (summary.md §4).</summary>
public static class GlobalSummary
{
    public const string FileName = "summary.json";

    /// <summary>
    /// The sections in merge order: by precedence, lower first, ties in configuration order.
    /// Unlike the original, which compared configured values as strings ("10" before "9") and
    /// crashed on a mix of configured and default values, integers compare as numbers; an unset
    /// value counts as 1; a value that is not an integer sorts after all integers, by its text.
    /// </summary>
    public static IReadOnlyList<string> ByPrecedence(IReadOnlyList<string> sections, Func<string, string?> precedence) =>
        sections.Select(section => (section, key: Key(precedence(section))))
            .OrderBy(x => x.key.IsText).ThenBy(x => x.key.Number).ThenBy(x => x.key.Text, StringComparer.Ordinal)
            .Select(x => x.section).ToList();

    private static (bool IsText, long Number, string Text) Key(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (false, 1, "");
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? (false, number, "")
            : (true, 0, value.Trim());
    }

    /// <summary>
    /// Merges <c>&lt;output&gt;/&lt;section&gt;/summary.json</c> of every section that has one, in
    /// the given order (see <see cref="ByPrecedence"/>). A file that cannot be read or is of
    /// another format is left out and reported, where the original aborted the run.
    /// </summary>
    /// <param name="built">
    /// A section's summary as this run built it and wrote it to that file, if it did: merged
    /// as it is instead of read back (on full bookworm, 12 MB of JSON not parsed again).
    /// </param>
    public static PackageSummary Merge(string outputDirectory, IEnumerable<string> sectionsInOrder, string date, out IReadOnlyList<InputError> errors,
        Func<string, PackageSummary?>? built = null)
    {
        var summary = new PackageSummary(date);
        var problems = new List<InputError>();
        foreach (var section in sectionsInOrder)
        {
            if (built?.Invoke(section) is { } own)
            {
                summary.Merge(own);
                continue;
            }
            var path = Path.Combine(outputDirectory, section, FileName);
            if (!File.Exists(path))
                continue;
            var read = SummaryJson.Read(path);
            problems.AddRange(read.Errors);
            if (read.Summary != null)
                summary.Merge(read.Summary);
        }
        errors = problems;
        return summary;
    }
}

namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// The content of a summary.json: per source package and reporting name, the worst flag, the
/// largest block count and the URL that came with the worst flag (summary.md §3.3, §4).
/// </summary>
public sealed class PackageSummary
{
    public const string Id = "Piuparts Package Test Results Summary";
    public const string FormatVersion = "1.0";
    public const string Type = "source";
    public const string Comment =
        "Debian Piuparts Package Results - https://salsa.debian.org/debian/piuparts/raw/develop/piupartslib/pkgsummary.py";

    /// <summary>The reporting name under which the global summary keeps the worst result of all.</summary>
    public const string Overall = "overall";

    private readonly Dictionary<string, Dictionary<string, SummaryEntry>> _packages = new(StringComparer.Ordinal);

    /// <param name="date">The <c>_date</c> text, see <see cref="SummaryDate"/>.</param>
    public PackageSummary(string date) => Date = date;

    public string Date { get; }

    /// <summary>Source package → reporting name → entry, in no particular order.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, SummaryEntry>> Packages => _packages;

    public SummaryEntry this[string source, string reportingName] =>
        _packages.TryGetValue(source, out var names) && names.TryGetValue(reportingName, out var entry) ? entry : SummaryEntry.Missing;

    /// <summary>
    /// The add rule of summary.md §3.3: the block count becomes the larger one; flag and URL are
    /// replaced when the new flag is strictly worse or the key had no real entry yet.
    /// </summary>
    /// <exception cref="ArgumentException">The URL does not start with "http" (a caller's mistake; file input is checked by <see cref="SummaryJson.Read"/>).</exception>
    public void Add(string source, string reportingName, SummaryFlag flag, long blockCount, string url)
    {
        if (!url.StartsWith("http", StringComparison.Ordinal))
            throw new ArgumentException($"summary URL must start with http: {url}", nameof(url));
        if (!Enum.IsDefined(flag))
            throw new ArgumentOutOfRangeException(nameof(flag), flag, "not a summary flag");
        if (!_packages.TryGetValue(source, out var names))
            _packages[source] = names = new(StringComparer.Ordinal);
        var old = names.TryGetValue(reportingName, out var existing) ? existing : SummaryEntry.Missing;
        var count = Math.Max(blockCount, old.BlockCount);
        names[reportingName] = SummaryFlags.Worst(old.Flag, flag) != old.Flag || old.Url == SummaryEntry.InvalidUrl
            ? new SummaryEntry(flag, count, url)
            : old with { BlockCount = count };
    }

    // Reading a file takes the entries as they are.
    internal void Set(string source, string reportingName, SummaryEntry entry)
    {
        if (!_packages.TryGetValue(source, out var names))
            _packages[source] = names = new(StringComparer.Ordinal);
        names[reportingName] = entry;
    }

    /// <summary>Adds every entry of a section summary under its own reporting name and under "overall" (§4).</summary>
    public void Merge(PackageSummary section)
    {
        foreach (var (source, names) in section._packages)
        {
            foreach (var (name, entry) in names)
            {
                Add(source, name, entry.Flag, entry.BlockCount, entry.Url);
                Add(source, Overall, entry.Flag, entry.BlockCount, entry.Url);
            }
        }
    }

    /// <summary>
    /// The DDPO tooltip of summary.md §6: "Failed in testing and stable, blocking 5 packages.";
    /// empty for a source without entries.
    /// </summary>
    public string Tooltip(string source)
    {
        if (!_packages.TryGetValue(source, out var names))
            return "";
        var overall = this[source, Overall];
        // In key order, as DDPO reads them back from the file.
        var same = names.Where(n => n.Key != Overall && n.Value.Flag == overall.Flag).Select(n => n.Key)
            .Order(CodePointComparer.Instance).ToList();
        var tip = overall.Flag.Word();
        if (same.Count > 0)
            tip += " in " + (same.Count == 1 ? same[0] : string.Join(", ", same[..^1]) + " and " + same[^1]);
        if (overall.BlockCount != 0)
            tip += $", blocking {overall.BlockCount} packages";
        return tip + ".";
    }
}

using System.Globalization;

namespace Piuparts.SitePipeline.Summary;

/// <summary>The <c>_date</c> text of summary.json (summary.md §5).</summary>
public static class SummaryDate
{
    /// <summary>
    /// C ctime of the UTC time with "UTC" before the year and single spaces, e.g.
    /// "Tue Nov 4 04:39:35 UTC 2026" (ctime pads the day to two columns; piuparts collapses that).
    /// </summary>
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"{utc:ddd} {utc:MMM} {utc.Day} {utc:HH:mm:ss} UTC {utc.Year}");
    }
}

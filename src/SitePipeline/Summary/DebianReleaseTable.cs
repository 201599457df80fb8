using System.Globalization;
using Piuparts.Core;

namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// Debian's release table from distro-info-data, and which release held which role on a given
/// day, answered as python3-distro-info's DebianDistroInfo does (file order, not date order).
/// A role nobody held that day is null where distro-info raises DistroDataOutdated.
/// </summary>
public sealed class DebianReleaseTable
{
    /// <summary>Where distro-info-data installs the table.</summary>
    public const string DefaultPath = "/usr/share/distro-info/debian.csv";

    private DebianReleaseTable(IReadOnlyList<DebianRelease> releases, IReadOnlyList<InputError> errors)
    {
        Releases = releases;
        Errors = errors;
    }

    public IReadOnlyList<DebianRelease> Releases { get; }

    /// <summary>Rows that could not be read (skipped), or the file that could not be opened.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    public static DebianReleaseTable Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], [new InputError(path, 0, $"cannot read the Debian release table: {e.Message}")]);
        }
        return Parse(lines, path);
    }

    public static DebianReleaseTable Parse(IReadOnlyList<string> lines, string file)
    {
        var errors = new List<InputError>();
        var releases = new List<DebianRelease>();
        if (lines.Count == 0)
            return new(releases, [new InputError(file, 0, "empty Debian release table")]);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        int version = Column("version"), codename = Column("codename"), series = Column("series"),
            created = Column("created"), release = Column("release"), eol = Column("eol");
        if (version < 0 || codename < 0 || series < 0 || created < 0)
            return new(releases, [new InputError(file, 1, "header lacks version, codename, series or created")]);
        for (int i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var fields = lines[i].Split(',');
            string Field(int column) => column >= 0 && column < fields.Length ? fields[column] : "";
            if (!TryDate(Field(created), out var createdDate) || createdDate == null
                || !TryDate(Field(release), out var releaseDate) || !TryDate(Field(eol), out var eolDate))
            {
                errors.Add(new InputError(file, i + 1, "bad or missing date (YYYY-MM-DD or YYYY-MM)"));
                continue;
            }
            releases.Add(new DebianRelease(Field(version), Field(codename), Field(series), createdDate.Value, releaseDate, eolDate));
        }
        return new(releases, errors);
    }

    // distro-info reads "YYYY-MM" as the last day of that month.
    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0)
            return true;
        var parts = text.Split('-');
        if (parts.Length is < 2 or > 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return false;
        int year = int.Parse(parts[0], CultureInfo.InvariantCulture), month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (year is < 1 or > 9999 || month is < 1 or > 12)
            return false;
        var day = parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : DateTime.DaysInMonth(year, month);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private IEnumerable<DebianRelease> Available(DateOnly date) => Releases.Where(r => date >= r.Created);

    private static bool Supported(DebianRelease r, DateOnly date) => r.EndOfLife == null || date <= r.EndOfLife;

    /// <summary>The stable release before the current one.</summary>
    public DebianRelease? OldStable(DateOnly date) =>
        SecondLast(Available(date).Where(r => r.Release != null && date >= r.Release));

    public DebianRelease? Stable(DateOnly date) =>
        Available(date).LastOrDefault(r => r.Release != null && date >= r.Release && Supported(r, date));

    public DebianRelease? Testing(DateOnly date) =>
        Available(date).LastOrDefault(r => (r.Release == null && r.Version.Length > 0)
            || (r.Release != null && date < r.Release && Supported(r, date)));

    /// <summary>The development release (sid): the last unreleased one before experimental.</summary>
    public DebianRelease? Development(DateOnly date) =>
        SecondLast(Available(date).Where(r => r.Release == null || (date < r.Release && Supported(r, date))));

    private static DebianRelease? SecondLast(IEnumerable<DebianRelease> releases)
    {
        var list = releases.ToList();
        return list.Count >= 2 ? list[^2] : null;
    }
}

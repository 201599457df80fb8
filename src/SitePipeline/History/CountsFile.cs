using System.Globalization;
using System.Text;
using CsvHelper;
using Piuparts.Core;
using Piuparts.Core.IO;
using Piuparts.Core.States;

namespace Piuparts.SitePipeline.History;

/// <summary>
/// A section's state history, <c>counts.txt</c> (report.md §6.5): ", "-separated, a header of
/// "date" and the fourteen list states, then one row per day with a run.
/// </summary>
public static class CountsFile
{
    public const string FileName = "counts.txt";

    private const string Separator = ", ";

    /// <summary>The header line (without line break) written when the file is created.</summary>
    public static readonly string Header = "date" + string.Concat(PackageStates.ListStates.Select(s => Separator + s.Name()));

    /// <summary>
    /// Appends today's row unless the last line already holds <paramref name="day"/> (the first
    /// run of a day records it), creating the file with its header when it is missing or empty
    /// (the original crashed on an empty file). The file is replaced atomically.
    /// </summary>
    /// <param name="day">The local date of the run; the clock is the caller's.</param>
    /// <param name="counts">The number of packages in each of <see cref="PackageStates.ListStates"/>, in that order.</param>
    /// <returns>Whether a row was added.</returns>
    public static bool Update(string path, DateOnly day, IReadOnlyList<long> counts)
    {
        if (counts.Count != PackageStates.ListStates.Count)
            throw new ArgumentException($"counts.txt needs {PackageStates.ListStates.Count} counts, got {counts.Count}", nameof(counts));
        var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var text = new StringBuilder(existing);
        if (existing.Length == 0)
        {
            text.Append(Header).Append('\n');
        }
        else
        {
            // piuparts looks for the date anywhere in the last line, as a substring.
            if (LastLine(existing).Contains(date, StringComparison.Ordinal))
                return false;
            if (existing[^1] != '\n')
                text.Append('\n');
        }
        text.Append(date);
        foreach (var count in counts)
            text.Append(Separator).Append(count.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
        AtomicFile.Replace(path, text.ToString());
        return true;
    }

    // The last line as Python's readlines()[-1] gives it (a final empty line counts).
    private static string LastLine(string text)
    {
        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body[(body.LastIndexOf('\n') + 1)..];
    }

    /// <summary>Reads the history; a missing or empty file is an empty history.</summary>
    public static CountsHistory Read(string path)
    {
        if (!File.Exists(path))
            return new([], []);
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], [new InputError(path, 0, $"cannot read: {e.Message}")]);
        }
    }

    /// <summary>
    /// Parses counts.txt. Rows that do not have a YYYYMMDD date and fourteen whole counts are
    /// left out and reported with their line; a header naming other states is reported once
    /// (columns are read by position).
    /// </summary>
    public static CountsHistory Parse(string content, string file)
    {
        // CsvHelper separators are one character: split at the comma and trim the space after it.
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            Mode = CsvMode.NoEscape,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        var rows = new List<CountsRow>();
        var errors = new List<InputError>();
        using var reader = CsvReader.FromText(content, options);
        var first = true;
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (int i = 0; i < fields.Length; i++)
                fields[i] = reader.GetString(i);
            var line = (int)reader.LineNumber;
            if (first)
            {
                first = false;
                if (fields.Length > 0 && fields[0] == "date")
                {
                    if (string.Join(Separator, fields) != Header)
                        errors.Add(new InputError(file, line, "the header names other states than piuparts' fourteen; columns are read by position"));
                    continue;
                }
                errors.Add(new InputError(file, line, "no header line \"date, …\""));
            }
            if (TryRow(fields, out var row, out var problem))
                rows.Add(row);
            else
                errors.Add(new InputError(file, line, problem));
        }
        return new(rows, errors);
    }

    private static bool TryRow(string[] fields, out CountsRow row, out string problem)
    {
        row = null!;
        var expected = PackageStates.ListStates.Count + 1;
        if (fields.Length != expected)
        {
            problem = $"expected {expected} fields separated by \", \", found {fields.Length}";
            return false;
        }
        if (!DateOnly.TryParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problem = $"\"{fields[0]}\" is not a date YYYYMMDD";
            return false;
        }
        var counts = new long[fields.Length - 1];
        for (int i = 1; i < fields.Length; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i - 1]))
            {
                problem = $"count \"{fields[i]}\" of {PackageStates.ListStates[i - 1].Name()} is not a whole number";
                return false;
            }
        }
        row = new CountsRow(day, counts);
        problem = "";
        return true;
    }
}

using System.Text;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// The known-problem report beside a log (known-problems.md §4): one line
/// <c>&lt;where&gt;/&lt;pkgspec&gt;.log &lt;problem&gt;</c> per hit in problem-list order; empty when
/// nothing was found in a passing log.
/// </summary>
public static class KprFile
{
    /// <summary>The pseudo problem of failed logs that match nothing (§4.3).</summary>
    public const string UnclassifiedProblem = "unclassified_failures.conf";

    /// <summary>
    /// The content for a log in directory <paramref name="where"/> with the given hits; a log
    /// outside pass without hits gets the unclassified line.
    /// </summary>
    public static string Format(string where, string pkgSpec, IEnumerable<string> problems)
    {
        var text = new StringBuilder();
        foreach (var problem in problems)
            text.Append(new KprLine(where, problem, pkgSpec).Format()).Append('\n');
        if (text.Length == 0 && where != "pass")
            text.Append(new KprLine(where, UnclassifiedProblem, pkgSpec).Format()).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The lines of a .kpr file's text; a line the report could not read (it would crash) is
    /// an error with <paramref name="file"/> and its line number.
    /// </summary>
    public static (IReadOnlyList<KprLine> Lines, IReadOnlyList<InputError> Errors) Parse(string text, string pkgSpec, string file)
    {
        var lines = new List<KprLine>();
        var errors = new List<InputError>();
        var parts = text.Split('\n');
        // A final newline ends the last line; it does not start another.
        int count = parts[^1].Length == 0 ? parts.Length - 1 : parts.Length;
        for (int i = 0; i < count; i++)
        {
            if (KprLine.TryParse(parts[i], pkgSpec, out var line))
                lines.Add(line);
            else
                errors.Add(new InputError(file, i + 1, "not a known-problem line '<where>/<log> <problem>'"));
        }
        return (lines, errors);
    }

    /// <summary>Reads and parses a .kpr file (decoded like a log); null lines when it cannot be read.</summary>
    public static (IReadOnlyList<KprLine>? Lines, IReadOnlyList<InputError> Errors) Read(string path, string pkgSpec)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new InputError(path, 0, $"Error processing {path}: {e.Message}")]);
        }
        return Parse(LogText.Decode(bytes), pkgSpec, path);
    }
}

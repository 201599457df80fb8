using System.Text;
using System.Text.RegularExpressions;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// Reads a known-problem definition the way piuparts does (known-problems.md §2.1), and
/// reports instead of crashing or skipping silently: unknown keys, missing required keys,
/// patterns that are no valid regular expression, each with file and line.
/// </summary>
public static partial class ProblemDefinitionParser
{
    private static readonly string[] Required = ["PATTERN", "WHERE", "ISSUE", "HEADER", "HELPTEXT"];
    private static readonly string[] Optional = ["EXCLUDE_PATTERN", "EXPLAIN", "PRIORITY"];

    /// <summary>Reads and parses a definition file; an unreadable file is an error, not an exception.</summary>
    public static (ProblemDefinition? Definition, IReadOnlyList<InputError> Errors) Load(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new InputError(name, 0, $"cannot read: {e.Message}")]);
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, [new InputError(name, 0, "not valid UTF-8")]);
        }
        return Parse(text, name);
    }

    /// <summary>Parses the text of <paramref name="fileName"/> (the problem's name, with .conf).</summary>
    public static (ProblemDefinition? Definition, IReadOnlyList<InputError> Errors) Parse(string text, string fileName)
    {
        // Python reads the file in text mode: "\r\n" and "\r" arrive as "\n".
        if (text.Contains('\r'))
            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var errors = new List<InputError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);

        var entries = EntryStart().Matches(text);
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            int line = LineOf(text, entry.Index);
            var key = entry.Groups[1].Value;
            // The value runs to the next entry line: comments and blank lines after a key belong to it.
            int start = entry.Index + entry.Length;
            int end = i + 1 < entries.Count ? entries[i + 1].Index : text.Length;
            var value = Unquote(text[start..end].TrimEnd('\n'));
            if (Array.IndexOf(Required, key) < 0 && Array.IndexOf(Optional, key) < 0)
            {
                errors.Add(new InputError(fileName, line, $"unknown key {key}") { Key = key });
                continue;
            }
            // A repeated key: the last one wins, as in piuparts.
            values[key] = value;
            lines[key] = line;
        }

        foreach (var key in Required)
        {
            if (!values.ContainsKey(key))
                errors.Add(new InputError(fileName, 0, $"required key {key} is missing") { Key = key });
        }
        foreach (var key in (string[])["PATTERN", "EXCLUDE_PATTERN"])
        {
            if (values.TryGetValue(key, out var pattern) && CheckRegex(pattern) is { } problem)
                errors.Add(new InputError(fileName, lines[key], $"invalid regular expression: {problem}") { Key = key });
        }
        if (errors.Count > 0)
            return (null, errors);

        var definition = new ProblemDefinition(
            fileName,
            values["PATTERN"],
            values.GetValueOrDefault("EXCLUDE_PATTERN"),
            values["WHERE"].Split(' '),
            values["ISSUE"],
            values["HEADER"],
            values["HELPTEXT"],
            values.GetValueOrDefault("EXPLAIN"),
            values.GetValueOrDefault("PRIORITY"));
        return (definition, errors);
    }

    // §2.1 rule 4: when a line starts with a quote and a later line ends with the same quote,
    // the first and last characters go, whatever they are; nothing is unescaped.
    private static string Unquote(string value) =>
        SingleQuoted().IsMatch(value) || DoubleQuoted().IsMatch(value) ? value[1..^1] : value;

    private static string? CheckRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, ProblemDefinition.Options);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // A line that begins with capitals and underscores directly followed by '='.
    [GeneratedRegex("^([A-Z_]+)=", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EntryStart();

    [GeneratedRegex("^'.+'$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SingleQuoted();

    [GeneratedRegex("^\".+\"$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DoubleQuoted();
}

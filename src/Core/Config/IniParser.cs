namespace Piuparts.Core.Config;

/// <summary>
/// Parses INI text the way Python's configparser does by default (piuparts' reader), and
/// reports every malformed line, duplicate section and duplicate key with its line number.
/// </summary>
public static class IniParser
{
    public static (IniFile? File, IReadOnlyList<InputError> Errors) Parse(string text, string path)
    {
        var errors = new List<InputError>();
        var order = new List<string>();
        var sections = new Dictionary<string, Dictionary<string, IniValue>>(StringComparer.Ordinal);
        var defaults = new Dictionary<string, IniValue>(StringComparer.Ordinal);
        // "section\nkey": a string set is compiled ahead of time, a set of tuples at every start.
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);

        string? sectionName = null;
        Dictionary<string, IniValue>? current = null;
        string? key = null;
        var valueLines = new List<string>();
        int keyLine = 0;
        int indentLevel = 0;

        void FinishValue()
        {
            if (key != null && current != null)
            {
                // Empty lines inside a value are kept, trailing ones dropped (configparser's join).
                var joined = string.Join('\n', valueLines).TrimEnd();
                current[key] = new IniValue(joined, sectionName!, key, keyLine);
            }
            key = null;
            valueLines.Clear();
        }

        int lineNo = 0;
        foreach (var rawLine in SplitLines(text))
        {
            lineNo++;
            var line = rawLine;
            var stripped = line.Trim();
            bool isComment = stripped.StartsWith('#') || stripped.StartsWith(';');
            if (stripped.Length == 0 || isComment)
            {
                if (!isComment && key != null)
                    valueLines.Add("");
                continue;
            }
            int indent = line.Length - line.TrimStart().Length;
            if (current != null && key != null && indent > indentLevel)
            {
                valueLines.Add(stripped);
                continue;
            }
            FinishValue();
            indentLevel = indent;
            if (stripped.StartsWith('[') && stripped.LastIndexOf(']') > 1)
            {
                // configparser's header pattern is "[", anything, "]"; text after the last "]" is ignored.
                var name = stripped[1..stripped.LastIndexOf(']')];
                if (name == IniFile.DefaultSection)
                {
                    sectionName = name;
                    current = defaults;
                }
                else if (sections.ContainsKey(name))
                {
                    errors.Add(new InputError(path, lineNo, $"section [{name}] appears a second time") { Section = name });
                    sectionName = name;
                    current = sections[name];
                }
                else
                {
                    sectionName = name;
                    current = new Dictionary<string, IniValue>(StringComparer.Ordinal);
                    sections.Add(name, current);
                    order.Add(name);
                }
                continue;
            }
            if (current == null)
            {
                errors.Add(new InputError(path, lineNo, $"'{stripped}' comes before any [section] header"));
                continue;
            }
            int delimiter = stripped.IndexOfAny(['=', ':']);
            var optionName = delimiter > 0 ? stripped[..delimiter].Trim() : "";
            if (optionName.Length == 0)
            {
                errors.Add(new InputError(path, lineNo,
                    delimiter < 0 ? $"'{stripped}' is neither a [section], a key = value line nor a continuation"
                                  : $"'{stripped}' has no key before '{stripped[delimiter]}'")
                { Section = sectionName });
                continue;
            }
            optionName = optionName.ToLowerInvariant();
            if (!seenKeys.Add(sectionName + "\n" + optionName))
            {
                errors.Add(new InputError(path, lineNo, "key set a second time in this section") { Section = sectionName, Key = optionName });
            }
            key = optionName;
            keyLine = lineNo;
            valueLines.Add(stripped[(delimiter + 1)..].Trim());
        }
        FinishValue();
        return errors.Count == 0 ? (new IniFile(path, order, sections, defaults), errors) : (null, errors);
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
            yield return line;
    }
}

using System.Text;
using System.Text.Json;
using Piuparts.Core;
using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// summary.json in the bytes Python's <c>json.dump(summary, f, sort_keys=True, indent=1)</c>
/// writes (summary.md §5), so DDPO and byte comparisons see no difference.
/// </summary>
public static class SummaryJson
{
    public static byte[] Serialize(PackageSummary summary)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        Member(text, 1, "_comment", PackageSummary.Comment);
        Member(text, 1, "_date", summary.Date);
        Member(text, 1, "_id", PackageSummary.Id);
        Member(text, 1, "_type", PackageSummary.Type);
        Member(text, 1, "_version", PackageSummary.FormatVersion);
        text.Append(' ');
        String(text, "packages");
        text.Append(": ");
        Packages(text, summary);
        text.Append("\n}");
        // Only ASCII is left after escaping, so a char is a byte. Copied chunk by chunk: the
        // summary of a big section as one string would be 16 MB more for the collector.
        var bytes = new byte[text.Length];
        int at = 0;
        foreach (var chunk in text.GetChunks())
            at += Encoding.ASCII.GetBytes(chunk.Span, bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>
    /// The bytes of a summary this class wrote, with another <c>_date</c>; null when
    /// <paramref name="written"/> does not have the shape <see cref="Serialize"/> gives.
    /// </summary>
    public static byte[]? WithDate(byte[] written, string date)
    {
        var text = Encoding.ASCII.GetString(written);
        const string key = "\n \"_date\": ";
        int start = text.IndexOf(key, StringComparison.Ordinal);
        int end = start < 0 ? -1 : text.IndexOf("\",\n", start + key.Length, StringComparison.Ordinal);
        if (!text.StartsWith("{\n", StringComparison.Ordinal) || end < 0)
            return null;
        var replaced = new StringBuilder(text.Length);
        replaced.Append(text, 0, start + key.Length);
        String(replaced, date);
        replaced.Append(text, end + 1, text.Length - end - 1);
        return Encoding.ASCII.GetBytes(replaced.ToString());
    }

    /// <summary>Writes the file atomically: a crash leaves the old file or the new one, never a part.</summary>
    public static void Write(PackageSummary summary, string path) => AtomicFile.Replace(path, Serialize(summary));

    private static void Member(StringBuilder text, int depth, string key, string value)
    {
        text.Append(' ', depth);
        String(text, key);
        text.Append(": ");
        String(text, value);
        text.Append(",\n");
    }

    private static void Packages(StringBuilder text, PackageSummary summary)
    {
        if (summary.Packages.Count == 0)
        {
            text.Append("{}");
            return;
        }
        text.Append("{\n");
        var first = true;
        foreach (var source in summary.Packages.Keys.Order(CodePointComparer.Instance))
        {
            if (!first)
                text.Append(",\n");
            first = false;
            text.Append(' ', 2);
            String(text, source);
            text.Append(": ");
            var names = summary.Packages[source];
            if (names.Count == 0)
            {
                text.Append("{}");
                continue;
            }
            text.Append("{\n");
            var firstName = true;
            foreach (var name in names.Keys.Order(CodePointComparer.Instance))
            {
                if (!firstName)
                    text.Append(",\n");
                firstName = false;
                var entry = names[name];
                text.Append(' ', 3);
                String(text, name);
                text.Append(": [\n    ");
                String(text, entry.Flag.Letter().ToString());
                text.Append(",\n    ").Append(entry.BlockCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                text.Append(",\n    ");
                String(text, entry.Url);
                text.Append("\n   ]");
            }
            text.Append("\n  }");
        }
        text.Append("\n }");
    }

    // Python's ensure_ascii escaping: the short escapes for " \ \n \r \t \b \f, \u00XX (lower
    // case hex) for other characters outside space..~, and each UTF-16 unit of a character
    // above U+FFFF on its own, which is what Python writes for it.
    private static void String(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case >= ' ' and <= '~': text.Append(c); break;
                default: text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        text.Append('"');
    }

    /// <summary>
    /// Reads a summary.json, checking <c>_id</c> and <c>_version</c> (summary.md §4) and the shape
    /// of every entry. Never throws on bad content; errors name the file.
    /// </summary>
    public static SummaryReadResult Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, [new InputError(path, 0, $"cannot read: {e.Message}")]);
        }
        return Parse(bytes, path);
    }

    public static SummaryReadResult Parse(ReadOnlyMemory<byte> content, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new(null, [new InputError(file, (int)(e.LineNumber ?? -1) + 1, $"not JSON: {e.Message}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new(null, [new InputError(file, 0, "not a summary: the top level is not an object")]);
            if (Text(root, "_id") != PackageSummary.Id || Text(root, "_version") != PackageSummary.FormatVersion)
            {
                return new(null, [new InputError(file, 0,
                    $"not a summary of version {PackageSummary.FormatVersion}: _id or _version differ (summary header mismatch)")]);
            }
            var summary = new PackageSummary(Text(root, "_date") ?? "");
            var errors = new List<InputError>();
            if (!root.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Object)
                return new(null, [new InputError(file, 0, "packages is missing or not an object")]);
            foreach (var source in packages.EnumerateObject())
            {
                try
                {
                    ReadSource(source, summary, errors, file);
                }
                catch (InvalidOperationException e)
                {
                    // Python reads a lone surrogate escape (\ud83d) into its str; a .NET string cannot be decoded from it.
                    errors.Add(new InputError(file, 0, $"packages: an entry with an unreadable string left out: {e.Message}"));
                }
            }
            return new(summary, errors);
        }
    }

    private static void ReadSource(JsonProperty source, PackageSummary summary, List<InputError> errors, string file)
    {
        if (source.Value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(file, 0, $"packages/{source.Name}: not an object"));
            return;
        }
        foreach (var name in source.Value.EnumerateObject())
        {
            if (TryEntry(name.Value, out var entry, out var problem))
                summary.Set(source.Name, name.Name, entry);
            else
                errors.Add(new InputError(file, 0, $"packages/{source.Name}/{name.Name}: {problem}"));
        }
    }

    private static string? Text(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // The checks the add rule makes (summary.md §3.3): a known flag, an integer, an http URL.
    private static bool TryEntry(JsonElement value, out SummaryEntry entry, out string problem)
    {
        entry = default;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3)
        {
            problem = "not an array [flag, block count, URL]";
            return false;
        }
        var flagText = value[0].ValueKind == JsonValueKind.String ? value[0].GetString()! : "";
        if (!SummaryFlags.TryParse(flagText, out var flag))
        {
            problem = $"unknown flag {value[0].GetRawText()}";
            return false;
        }
        if (value[1].ValueKind != JsonValueKind.Number || !value[1].TryGetInt64(out var count))
        {
            problem = $"block count {value[1].GetRawText()} is not an integer";
            return false;
        }
        var url = value[2].ValueKind == JsonValueKind.String ? value[2].GetString()! : "";
        if (!url.StartsWith("http", StringComparison.Ordinal))
        {
            problem = $"URL {value[2].GetRawText()} does not start with http";
            return false;
        }
        entry = new SummaryEntry(flag, count, url);
        problem = "";
        return true;
    }
}

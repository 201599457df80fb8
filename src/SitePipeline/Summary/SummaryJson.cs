using System.Buffers;
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
        // Bytes written straight away: only ASCII is left after escaping. A StringBuilder of
        // chars appended one by one took a fifth of a second for bookworm's 9 MB.
        var text = new AsciiBuffer(SizeOf(summary));
        text.Append("{\n"u8);
        Member(ref text, "_comment", PackageSummary.Comment);
        Member(ref text, "_date", summary.Date);
        Member(ref text, "_id", PackageSummary.Id);
        Member(ref text, "_type", PackageSummary.Type);
        Member(ref text, "_version", PackageSummary.FormatVersion);
        text.Append(" "u8);
        String(ref text, "packages");
        text.Append(": "u8);
        Packages(ref text, summary);
        text.Append("\n}"u8);
        return text.ToArray();
    }

    // About the size Serialize writes (more with escapes): its buffer is not grown step by step,
    // each step a copy of megabytes for the collector.
    private static int SizeOf(PackageSummary summary)
    {
        long size = 1024 + summary.Date.Length;
        foreach (var (source, names) in summary.Packages)
        {
            size += source.Length + 16;
            foreach (var (name, entry) in names)
                size += name.Length + entry.Url.Length + 48;
        }
        return (int)Math.Min(size, Array.MaxLength);
    }

    /// <summary>
    /// The bytes of a summary this class wrote, with another <c>_date</c>; null when
    /// <paramref name="written"/> does not have the shape <see cref="Serialize"/> gives.
    /// </summary>
    public static byte[]? WithDate(byte[] written, string date)
    {
        ReadOnlySpan<byte> key = "\n \"_date\": "u8;
        var bytes = written.AsSpan();
        int start = bytes.IndexOf(key);
        int end = start < 0 ? -1 : bytes[(start + key.Length)..].IndexOf("\",\n"u8);
        if (!bytes.StartsWith("{\n"u8) || end < 0)
            return null;
        end += start + key.Length;
        var replaced = new AsciiBuffer(written.Length + date.Length + 16);
        replaced.Append(bytes[..(start + key.Length)]);
        String(ref replaced, date);
        replaced.Append(bytes[(end + 1)..]);
        return replaced.ToArray();
    }

    /// <summary>Writes the file atomically: a crash leaves the old file or the new one, never a part.</summary>
    public static void Write(PackageSummary summary, string path) => AtomicFile.Replace(path, Serialize(summary));

    private static void Member(ref AsciiBuffer text, string key, string value)
    {
        text.Append(" "u8);
        String(ref text, key);
        text.Append(": "u8);
        String(ref text, value);
        text.Append(",\n"u8);
    }

    private static void Packages(ref AsciiBuffer text, PackageSummary summary)
    {
        if (summary.Packages.Count == 0)
        {
            text.Append("{}"u8);
            return;
        }
        text.Append("{\n"u8);
        var sources = summary.Packages.Keys.ToArray();
        Array.Sort(sources, CodePointComparer.Instance);
        var first = true;
        Span<byte> digits = stackalloc byte[20];
        foreach (var source in sources)
        {
            if (!first)
                text.Append(",\n"u8);
            first = false;
            text.Append("  "u8);
            String(ref text, source);
            text.Append(": "u8);
            var names = summary.Packages[source];
            if (names.Count == 0)
            {
                text.Append("{}"u8);
                continue;
            }
            text.Append("{\n"u8);
            var firstName = true;
            foreach (var name in names.Count == 1 ? (IEnumerable<string>)names.Keys : names.Keys.Order(CodePointComparer.Instance))
            {
                if (!firstName)
                    text.Append(",\n"u8);
                firstName = false;
                var entry = names[name];
                text.Append("   "u8);
                String(ref text, name);
                text.Append(": [\n    \""u8);
                // A flag is a letter: nothing to escape.
                text.Append((byte)entry.Flag.Letter());
                text.Append("\",\n    "u8);
                entry.BlockCount.TryFormat(digits, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
                text.Append(digits[..written]);
                text.Append(",\n    "u8);
                String(ref text, entry.Url);
                text.Append("\n   ]"u8);
            }
            text.Append("\n  }"u8);
        }
        text.Append("\n }"u8);
    }

    // Printable ASCII that Python writes as it is: everything from space to ~ but " and \.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    // Python's ensure_ascii escaping: the short escapes for " \ \n \r \t \b \f, \u00XX (lower
    // case hex) for other characters outside space..~, and each UTF-16 unit of a character
    // above U+FFFF on its own, which is what Python writes for it.
    private static void String(ref AsciiBuffer text, string value)
    {
        text.Append((byte)'"');
        Span<byte> hex = stackalloc byte[4];
        var rest = value.AsSpan();
        // Runs of plain characters (nearly every string) are copied at once.
        while (!rest.IsEmpty)
        {
            int plain = rest.IndexOfAnyExcept(Plain);
            if (plain < 0)
                plain = rest.Length;
            text.AppendAscii(rest[..plain]);
            if (plain == rest.Length)
                break;
            switch (rest[plain])
            {
                case '"': text.Append("\\\""u8); break;
                case '\\': text.Append("\\\\"u8); break;
                case '\n': text.Append("\\n"u8); break;
                case '\r': text.Append("\\r"u8); break;
                case '\t': text.Append("\\t"u8); break;
                case '\b': text.Append("\\b"u8); break;
                case '\f': text.Append("\\f"u8); break;
                default:
                    text.Append("\\u"u8);
                    ((int)rest[plain]).TryFormat(hex, out _, "x4", System.Globalization.CultureInfo.InvariantCulture);
                    text.Append(hex);
                    break;
            }
            rest = rest[(plain + 1)..];
        }
        text.Append((byte)'"');
    }

    // A growing array of ASCII bytes.
    private struct AsciiBuffer(int capacity)
    {
        private byte[] _bytes = new byte[Math.Max(16, capacity)];
        private int _length;

        public void Append(byte value)
        {
            Reserve(1);
            _bytes[_length++] = value;
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            Reserve(bytes.Length);
            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
        }

        // Characters known to be ASCII.
        public void AppendAscii(ReadOnlySpan<char> chars)
        {
            Reserve(chars.Length);
            _length += Encoding.ASCII.GetBytes(chars, _bytes.AsSpan(_length));
        }

        public readonly byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

        private void Reserve(int count)
        {
            if (_length + count > _bytes.Length)
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + count));
        }
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

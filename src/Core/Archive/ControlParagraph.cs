using System.Text;

namespace Piuparts.Core.Archive;

/// <summary>
/// One paragraph (stanza) of a Debian control file, kept as its original UTF-8 bytes with the
/// position of each field, so that any field can be read later without keeping strings for all.
/// </summary>
public sealed class ControlParagraph
{
    private readonly byte[] _raw;
    // Four ints per field: name start, name length, value start, value length (trimmed).
    private readonly int[] _fields;

    internal ControlParagraph(byte[] raw, int[] fields, int fieldCount, int line)
    {
        _raw = raw;
        _fields = fields;
        FieldCount = fieldCount;
        Line = line;
    }

    /// <summary>Line number (1-based) of the paragraph's first line in its file.</summary>
    public int Line { get; }

    public int FieldCount { get; }

    /// <summary>The paragraph exactly as it stood in the file, continuation lines included.</summary>
    public ReadOnlySpan<byte> RawBytes => _raw;

    public string RawText => Encoding.UTF8.GetString(_raw);

    public string FieldName(int index) => Encoding.UTF8.GetString(NameSpan(index));

    public string FieldValue(int index) => Encoding.UTF8.GetString(ValueSpan(index));

    /// <summary>The value of a field (case-insensitive name), stripped; null when absent. A repeated field gives its last value.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? Encoding.UTF8.GetString(value) : null;

    public bool TryGetValue(string name, out ReadOnlySpan<byte> value)
    {
        for (int i = FieldCount - 1; i >= 0; i--)
        {
            if (Ascii.EqualsIgnoreCase(NameSpan(i), name))
            {
                value = ValueSpan(i);
                return true;
            }
        }
        value = default;
        return false;
    }

    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        for (int i = 0; i < FieldCount; i++)
            yield return new(FieldName(i), FieldValue(i));
    }

    private ReadOnlySpan<byte> NameSpan(int i) => _raw.AsSpan(_fields[4 * i], _fields[4 * i + 1]);

    private ReadOnlySpan<byte> ValueSpan(int i) => _raw.AsSpan(_fields[4 * i + 2], _fields[4 * i + 3]);
}

using System.Text;

namespace Piuparts.Core.Archive;

/// <summary>
/// One paragraph (stanza) of a Debian control file, kept as its original UTF-8 bytes with the
/// position of each field, so that any field can be read later without keeping strings for all.
/// </summary>
public sealed class ControlParagraph
{
    // The paragraph's bytes are a slice of a large chunk shared with other paragraphs, and so
    // are its field positions: two small arrays per package would make the garbage collector
    // copy 100,000 objects of an index it can never free.
    private readonly byte[] _chunk;
    private readonly int _offset;
    private readonly int _length;
    // Four ints per field, relative to the paragraph: name start, name length, value start, value length (trimmed).
    private readonly int[] _fields;
    private readonly int _fieldOffset;

    internal ControlParagraph(ArraySegment<byte> raw, ArraySegment<int> fields, int fieldCount, int line)
    {
        (_chunk, _offset, _length) = (raw.Array!, raw.Offset, raw.Count);
        (_fields, _fieldOffset) = (fields.Array!, fields.Offset);
        FieldCount = fieldCount;
        Line = line;
    }

    /// <summary>Line number (1-based) of the paragraph's first line in its file.</summary>
    public int Line { get; }

    public int FieldCount { get; }

    /// <summary>The paragraph exactly as it stood in the file, continuation lines included.</summary>
    public ReadOnlySpan<byte> RawBytes => _chunk.AsSpan(_offset, _length);

    public string RawText => Encoding.UTF8.GetString(RawBytes);

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

    private ReadOnlySpan<byte> NameSpan(int i) =>
        _chunk.AsSpan(_offset + _fields[_fieldOffset + 4 * i], _fields[_fieldOffset + 4 * i + 1]);

    private ReadOnlySpan<byte> ValueSpan(int i) =>
        _chunk.AsSpan(_offset + _fields[_fieldOffset + 4 * i + 2], _fields[_fieldOffset + 4 * i + 3]);
}

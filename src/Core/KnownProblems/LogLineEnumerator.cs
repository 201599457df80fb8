using System.Buffers;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// The lines of a text split at every separator of Python's str.splitlines: <c>\n</c>,
/// <c>\r\n</c>, <c>\r</c>, <c>\v</c>, <c>\f</c>, <c>\x1c</c>–<c>\x1e</c>, <c>\x85</c>,
/// <c>\u2028</c> and <c>\u2029</c>. A text ending in a separator has no empty last line.
/// </summary>
public ref struct LogLineEnumerator
{
    private static readonly SearchValues<char> Separators =
        SearchValues.Create("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029");

    private ReadOnlySpan<char> _rest;

    internal LogLineEnumerator(ReadOnlySpan<char> text) => _rest = text;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly LogLineEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
            return false;
        int end = _rest.IndexOfAny(Separators);
        if (end < 0)
        {
            Current = _rest;
            _rest = default;
            return true;
        }
        Current = _rest[..end];
        int separator = _rest[end] == '\r' && end + 1 < _rest.Length && _rest[end + 1] == '\n' ? 2 : 1;
        _rest = _rest[(end + separator)..];
        return true;
    }
}

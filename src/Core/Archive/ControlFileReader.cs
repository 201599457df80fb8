using System.Text;
using System.Text.Unicode;

namespace Piuparts.Core.Archive;

/// <summary>
/// Streams the paragraphs of a Debian control file (Packages, Sources, distros' Release data)
/// from any stream, one buffer at a time. Malformed paragraphs are skipped and reported in
/// <see cref="Errors"/> with file and line; the reader never throws on bad input.
/// </summary>
/// <remarks>
/// Blank lines separate paragraphs, however many there are (piuparts 1.1.7 silently stops at the
/// second of two blank lines; we do not lose the rest of the file). A line starting with a space
/// or a tab continues the previous field, as in deb822(5).
/// </remarks>
public sealed class ControlFileReader
{
    /// <summary>Guard against a stream with no paragraph breaks at all.</summary>
    public const int MaxParagraphBytes = 64 << 20;

    private const int ChunkBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly List<InputError> _errors = [];
    private byte[] _buffer = new byte[ChunkBytes];
    private int[] _fieldScratch = new int[4 * 64];
    private readonly Chunks<byte> _bytes = new(1 << 20);
    private readonly Chunks<int> _ints = new(1 << 18);
    private int _start;
    private int _end;
    private bool _eof;
    private int _line = 1;

    public ControlFileReader(Stream stream, string fileName)
    {
        _stream = stream;
        _fileName = fileName;
    }

    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>The next well-formed paragraph, or null at the end of the stream.</summary>
    public ControlParagraph? ReadNext()
    {
        while (true)
        {
            if (!SkipBlankLines())
                return null;
            var outcome = TryParseParagraph(out var paragraph);
            if (outcome == Outcome.NeedMoreData)
            {
                if (!Fill())
                    return null;
                continue;
            }
            if (paragraph != null)
                return paragraph;
        }
    }

    public IEnumerable<ControlParagraph> ReadAll()
    {
        while (ReadNext() is { } paragraph)
            yield return paragraph;
    }

    private enum Outcome { Done, NeedMoreData }

    // Consumes blank lines before a paragraph; false at the end of input.
    private bool SkipBlankLines()
    {
        while (true)
        {
            while (_start < _end)
            {
                byte b = _buffer[_start];
                if (b == (byte)'\n')
                {
                    _start++;
                    _line++;
                }
                else if (b == (byte)'\r' && _start + 1 < _end && _buffer[_start + 1] == (byte)'\n')
                {
                    _start += 2;
                    _line++;
                }
                else if (b == (byte)'\r' && _start + 1 == _end && !_eof)
                {
                    break;
                }
                else
                {
                    return true;
                }
            }
            if (_eof)
                return _start < _end;
            if (!Fill())
                return _start < _end;
        }
    }

    private Outcome TryParseParagraph(out ControlParagraph? paragraph)
    {
        paragraph = null;
        var data = _buffer.AsSpan(0, _end);
        int pos = _start, count = 0, lineNo = _line, firstBadLine = 0;
        string? firstBadMessage = null;
        int paragraphEnd, consumedTo, linesConsumed;

        while (true)
        {
            int relative = data[pos..].IndexOf((byte)'\n');
            if (relative < 0 && !_eof)
                return Outcome.NeedMoreData;
            int lineEnd = relative < 0 ? _end : pos + relative;
            int next = relative < 0 ? _end : lineEnd + 1;
            var line = data[pos..lineEnd];
            if (line.IsEmpty || (line.Length == 1 && line[0] == (byte)'\r'))
            {
                paragraphEnd = pos;
                consumedTo = next;
                linesConsumed = lineNo - _line + (relative < 0 ? 0 : 1);
                break;
            }
            if (line[0] == (byte)' ' || line[0] == (byte)'\t')
            {
                if (count == 0)
                    Remember(ref firstBadLine, ref firstBadMessage, lineNo, "continuation line before any field");
                else
                    _fieldScratch[4 * (count - 1) + 3] = lineEnd;
            }
            else
            {
                int colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    Remember(ref firstBadLine, ref firstBadMessage, lineNo,
                        colon == 0 ? "field without a name" : "line is neither a field nor a continuation (no ':')");
                }
                else
                {
                    AddField(count++, pos, pos + colon, pos + colon + 1, lineEnd);
                }
            }
            lineNo++;
            if (relative < 0)
            {
                paragraphEnd = _end;
                consumedTo = _end;
                linesConsumed = lineNo - _line;
                break;
            }
            pos = next;
            if (pos - _start > MaxParagraphBytes)
            {
                return Abort(lineNo, $"paragraph longer than {MaxParagraphBytes} bytes");
            }
        }

        int startLine = _line;
        var raw = data[_start..paragraphEnd];
        int origin = _start;
        _start = consumedTo;
        _line += linesConsumed;

        if (firstBadMessage != null)
        {
            _errors.Add(new InputError(_fileName, firstBadLine, firstBadMessage));
            return Outcome.Done;
        }
        if (!Utf8.IsValid(raw))
        {
            _errors.Add(new InputError(_fileName, startLine + FirstInvalidLine(raw), "invalid UTF-8"));
            return Outcome.Done;
        }
        paragraph = Build(raw, origin, count, startLine);
        return Outcome.Done;
    }

    private Outcome Abort(int lineNo, string message)
    {
        _errors.Add(new InputError(_fileName, lineNo, message));
        _start = _end = 0;
        _eof = true;
        return Outcome.Done;
    }

    private static void Remember(ref int line, ref string? message, int lineNo, string text)
    {
        if (message != null)
            return;
        line = lineNo;
        message = text;
    }

    private void AddField(int index, int nameStart, int nameEnd, int valueStart, int valueEnd)
    {
        if (4 * (index + 1) > _fieldScratch.Length)
            Array.Resize(ref _fieldScratch, _fieldScratch.Length * 2);
        _fieldScratch[4 * index] = nameStart;
        _fieldScratch[4 * index + 1] = nameEnd;
        _fieldScratch[4 * index + 2] = valueStart;
        _fieldScratch[4 * index + 3] = valueEnd;
    }

    // Copies the paragraph out of the read buffer into the current chunk and turns the absolute
    // [start, end) field positions into trimmed (start, length) pairs relative to the paragraph.
    private ControlParagraph Build(ReadOnlySpan<byte> raw, int origin, int count, int line)
    {
        var bytes = _bytes.Take(raw.Length);
        raw.CopyTo(bytes);
        var fields = _ints.Take(4 * count);
        for (int i = 0; i < count; i++)
        {
            var (nameStart, nameLength) = Trim(bytes, _fieldScratch[4 * i] - origin, _fieldScratch[4 * i + 1] - origin);
            var (valueStart, valueLength) = Trim(bytes, _fieldScratch[4 * i + 2] - origin, _fieldScratch[4 * i + 3] - origin);
            fields[4 * i] = nameStart;
            fields[4 * i + 1] = nameLength;
            fields[4 * i + 2] = valueStart;
            fields[4 * i + 3] = valueLength;
        }
        return new ControlParagraph(bytes, fields, count, line);
    }

    private static (int Start, int Length) Trim(ArraySegment<byte> bytes, int start, int end)
    {
        while (start < end && IsSpace(bytes[start]))
            start++;
        while (end > start && IsSpace(bytes[end - 1]))
            end--;
        return (start, end - start);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static int FirstInvalidLine(ReadOnlySpan<byte> raw)
    {
        int line = 0;
        foreach (var range in raw.Split((byte)'\n'))
        {
            if (!Utf8.IsValid(raw[range]))
                return line;
            line++;
        }
        return 0;
    }

    // Moves the unread tail to the front (growing the buffer when a paragraph fills it) and reads more.
    private bool Fill()
    {
        if (_eof)
            return false;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        // Decompressors may hand out little at a time; fill the buffer so a paragraph is not
        // parsed again for every small read.
        while (_end < _buffer.Length)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                break;
            }
            _end += read;
        }
        return true;
    }
}

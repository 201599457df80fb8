namespace Piuparts.Core.Protocol;

/// <summary>
/// Reads protocol lines as bytes and says whether each ended with a newline, which the long-part
/// rules need ("." without a newline at EOF is an error). Lines longer than the limit are an
/// error too, so a runaway peer cannot exhaust memory.
/// </summary>
public sealed class LineReader
{
    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream input) => _input = input;

    /// <summary>The next line without its '\n'; null at end of input. <paramref name="complete"/> is false for a last line without '\n'.</summary>
    public byte[]? ReadLine(int maxBytes, out bool complete, out bool tooLong)
    {
        complete = false;
        tooLong = false;
        var line = new MemoryStream();
        while (true)
        {
            if (_start == _end)
            {
                if (_eof || !Fill())
                    return line.Length == 0 ? null : line.ToArray();
            }
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            if (line.Length + (stop - _start) > maxBytes)
            {
                tooLong = true;
                return null;
            }
            line.Write(_buffer, _start, stop - _start);
            if (newline >= 0)
            {
                _start = newline + 1;
                complete = true;
                return line.ToArray();
            }
            _start = _end;
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = _input.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
            _eof = true;
        return _end > 0;
    }
}

using System.Globalization;
using System.Text;

namespace Piuparts.SitePipeline.Yaml;

/// <summary>
/// Writes block YAML the way PyYAML's emitter lays it out, tracking the column so long scalars
/// fold where PyYAML folds them (at a single space once past column 80).
/// </summary>
internal sealed class YamlWriter
{
    private const int Width = 80;

    private readonly StringBuilder _text = new();
    private int _column;

    public void Write(string ascii)
    {
        _text.Append(ascii);
        _column += ascii.Length;
    }

    public void Line()
    {
        _text.Append('\n');
        _column = 0;
    }

    /// <summary>A scalar after an indicator ("-" or "key:"); <paramref name="indent"/> is where continuation lines start.</summary>
    public void Scalar(string value, int indent)
    {
        Write(" ");
        // Most names and versions: nothing to fold (no space) and nothing to escape.
        if (YamlScalar.SimpleStyleOf(value) is { } simple)
        {
            if (simple == YamlScalarStyle.Plain)
                Write(value);
            else
            {
                _text.Append('\'').Append(value).Append('\'');
                _column += value.Length + 2;
            }
            return;
        }
        var text = CodePoints.Of(value);
        switch (YamlScalar.StyleOf(value))
        {
            case YamlScalarStyle.Plain:
                Folded(text, indent, quote: false);
                break;
            case YamlScalarStyle.SingleQuoted:
                Write("'");
                Folded(text, indent, quote: true);
                Write("'");
                break;
            default:
                DoubleQuoted(text, indent);
                break;
        }
    }

    public override string ToString() => _text.ToString();

    private void Indent(int indent)
    {
        Line();
        Write(new string(' ', indent));
    }

    private void Chunk(int[] text, int start, int end)
    {
        if (end <= start)
            return;
        for (int i = start; i < end; i++)
        {
            if (text[i] < 0x10000)
                _text.Append((char)text[i]);
            else
                _text.Append(char.ConvertFromUtf32(text[i]));
        }
        _column += end - start;
    }

    private static bool IsBreak(int c) => c == '\n';

    // Plain and single-quoted text (only printable ASCII and, single-quoted, '\n' reach here):
    // runs of spaces are kept except a lone inner space past the width, which becomes a line
    // break; a run of line breaks is written doubled-up (YAML folds one away) and indented.
    private void Folded(int[] text, int indent, bool quote)
    {
        int start = 0;
        bool spaces = false, breaks = false;
        for (int end = 0; end <= text.Length; end++)
        {
            int? c = end < text.Length ? text[end] : null;
            if (spaces)
            {
                if (c != ' ')
                {
                    if (start + 1 == end && _column > Width && (!quote || (start != 0 && end != text.Length)))
                        Indent(indent);
                    else
                        Chunk(text, start, end);
                    start = end;
                }
            }
            else if (breaks)
            {
                if (c is not { } b || !IsBreak(b))
                {
                    Line();
                    for (int i = start; i < end; i++)
                        Line();
                    Write(new string(' ', indent));
                    start = end;
                }
            }
            else if (c is null or ' ' or '\n' or '\'')
            {
                Chunk(text, start, end);
                start = end;
            }
            if (quote && c == '\'')
            {
                Write("''");
                start = end + 1;
            }
            if (c is { } next)
            {
                spaces = next == ' ';
                breaks = IsBreak(next);
            }
        }
    }

    private static string? ShortEscape(int c) => c switch
    {
        0 => "0", 0x07 => "a", 0x08 => "b", 0x09 => "t", 0x0A => "n", 0x0B => "v", 0x0C => "f", 0x0D => "r",
        0x1B => "e", '"' => "\"", '\\' => "\\", 0x85 => "N", 0xA0 => "_", 0x2028 => "L", 0x2029 => "P",
        _ => null,
    };

    // Double quotes escape everything outside printable ASCII (\xXX, \uXXXX, \UXXXXXXXX in
    // upper case); past the width a line ends in a backslash and a continuation line that
    // starts with a space gets a backslash before it.
    private void DoubleQuoted(int[] text, int indent)
    {
        Write("\"");
        int start = 0;
        for (int end = 0; end <= text.Length; end++)
        {
            int? c = end < text.Length ? text[end] : null;
            if (c is not { } ch || ch is '"' or '\\' or 0xFEFF or < 0x20 or > 0x7E)
            {
                Chunk(text, start, end);
                start = end;
                if (c is { } escaped)
                {
                    var data = ShortEscape(escaped) is { } e ? "\\" + e
                        : escaped <= 0xFF ? "\\x" + escaped.ToString("X2", CultureInfo.InvariantCulture)
                        : escaped <= 0xFFFF ? "\\u" + escaped.ToString("X4", CultureInfo.InvariantCulture)
                        : "\\U" + escaped.ToString("X8", CultureInfo.InvariantCulture);
                    Write(data);
                    start = end + 1;
                }
            }
            if (end > 0 && end < text.Length - 1 && (c == ' ' || start >= end) && _column + (end - start) > Width)
            {
                Chunk(text, start, end);
                Write("\\");
                if (start < end)
                    start = end;
                Indent(indent);
                if (text[start] == ' ')
                    Write("\\");
            }
        }
        Write("\"");
    }
}

using System.Text.RegularExpressions;

namespace Piuparts.SitePipeline.Yaml;

/// <summary>How PyYAML's default dumper writes a string (summary.md §7.2).</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

/// <summary>
/// The choice PyYAML's <c>yaml.dump(…, default_flow_style=False)</c> makes for a string in block
/// context, with its defaults (no unicode, width 80): plain unless YAML 1.1 implicit typing would
/// read it back as something else or its characters forbid it; then single-quoted unless it has
/// characters only double quotes can carry (anything outside printable ASCII but the line break,
/// or a space next to a line break).
/// </summary>
public static partial class YamlScalar
{
    // PyYAML's implicit resolvers (YAML 1.1 types); a plain string matching one is not read as a string.
    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bool();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Int();

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$", RegexOptions.CultureInvariant)]
    private static partial Regex Null();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    // merge (<<), value (=) and the documentation-only yaml resolver (! & *).
    [GeneratedRegex(@"^(?:<<|=|!|&|\*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Other();

    /// <summary>True when a plain scalar with this text would be read as a boolean, number, null, timestamp….</summary>
    public static bool HasImplicitType(string value) =>
        Null().IsMatch(value) || Bool().IsMatch(value) || Int().IsMatch(value) || Float().IsMatch(value)
        || Timestamp().IsMatch(value) || Other().IsMatch(value);

    public static YamlScalarStyle StyleOf(string value)
    {
        if (SimpleStyleOf(value) is { } simple)
            return simple;
        var text = CodePoints.Of(value);
        var analysis = Analyse(text);
        if (!HasImplicitType(value) && analysis.AllowPlain)
            return YamlScalarStyle.Plain;
        return analysis.AllowSingleQuoted ? YamlScalarStyle.SingleQuoted : YamlScalarStyle.DoubleQuoted;
    }

    /// <summary>
    /// The style of a string that starts with a letter or digit and holds only letters, digits and
    /// <c>. + - ~ _</c>, and <c>:</c> before another character (most package names and versions),
    /// found without the full analysis: plain unless implicit typing would read it as something
    /// else, then single-quoted. Null for any other string.
    /// </summary>
    public static YamlScalarStyle? SimpleStyleOf(string value)
    {
        if (value.Length == 0 || !char.IsAsciiLetterOrDigit(value[0]))
            return null;
        for (int i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '-' or '~' or '_') && (c != ':' || i == value.Length - 1))
                return null;
        }
        // Only a number or a timestamp starts with a digit, and the booleans and nulls (no, off,
        // false, null…) are five letters at most; other strings need no regular expression.
        return (char.IsAsciiDigit(value[0]) || value.Length <= 5) && HasImplicitType(value)
            ? YamlScalarStyle.SingleQuoted
            : YamlScalarStyle.Plain;
    }

    private static bool IsBreak(int c) => c is '\n' or 0x85 or 0x2028 or 0x2029;

    private static bool IsSpaceOrBreak(int c) => c is 0 or ' ' or '\t' or '\r' || IsBreak(c);

    // PyYAML's scalar analysis for block context without unicode output.
    private static (bool AllowPlain, bool AllowSingleQuoted) Analyse(int[] text)
    {
        if (text.Length == 0)
            return (true, true);
        bool indicators = false, lineBreaks = false, special = false;
        bool leadingSpace = false, trailingSpace = false, leadingBreak = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        var prefix = text.Length >= 3 ? new string([(char)text[0], (char)text[1], (char)text[2]]) : "";
        if (prefix is "---" or "...")
            indicators = true;
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var followedBySpace = i + 1 >= text.Length || IsSpaceOrBreak(text[i + 1]);
            var precededBySpace = i == 0 || IsSpaceOrBreak(text[i - 1]);
            if (i == 0)
            {
                if ("#,[]{}&*!|>'\"%@`".Contains((char)c) && c < 128)
                    indicators = true;
                if (c is '?' or ':' or '-' && followedBySpace)
                    indicators = true;
            }
            else if ((c == ':' && followedBySpace) || (c == '#' && precededBySpace))
            {
                indicators = true;
            }
            if (IsBreak(c))
                lineBreaks = true;
            if (!(c == '\n' || c is >= 0x20 and <= 0x7E))
                special = true;
            if (c == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == text.Length - 1;
                breakSpace |= previousBreak;
                (previousSpace, previousBreak) = (true, false);
            }
            else if (IsBreak(c))
            {
                leadingBreak |= i == 0;
                trailingBreak |= i == text.Length - 1;
                spaceBreak |= previousSpace;
                (previousSpace, previousBreak) = (false, true);
            }
            else
            {
                (previousSpace, previousBreak) = (false, false);
            }
        }
        var allowSingle = !(breakSpace || spaceBreak || special);
        var allowPlain = allowSingle && !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || indicators);
        return (allowPlain, allowSingle);
    }
}

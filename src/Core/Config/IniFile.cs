namespace Piuparts.Core.Config;

/// <summary>
/// An INI file read with the rules of Python's configparser.ConfigParser, which piuparts uses:
/// case-sensitive section names, lower-cased keys, a [DEFAULT] section visible in every other
/// section, and %(key)s interpolation applied when a value is read.
/// </summary>
public sealed class IniFile
{
    public const string DefaultSection = "DEFAULT";

    private readonly Dictionary<string, Dictionary<string, IniValue>> _sections;
    private readonly Dictionary<string, IniValue> _defaults;

    internal IniFile(string path, List<string> order, Dictionary<string, Dictionary<string, IniValue>> sections,
        Dictionary<string, IniValue> defaults)
    {
        Path = path;
        SectionNames = order;
        _sections = sections;
        _defaults = defaults;
    }

    public static IniFile Empty(string path) => new(path, [], [], []);

    public string Path { get; }

    /// <summary>Section names in file order, without [DEFAULT].</summary>
    public IReadOnlyList<string> SectionNames { get; }

    public bool HasSection(string section) => _sections.ContainsKey(section);

    /// <summary>The uninterpolated value of <paramref name="key"/> in <paramref name="section"/> or [DEFAULT].</summary>
    public IniValue? Raw(string section, string key)
    {
        key = key.ToLowerInvariant();
        if (_sections.TryGetValue(section, out var options) && options.TryGetValue(key, out var value))
            return value;
        return _defaults.TryGetValue(key, out var fallback) ? fallback : null;
    }

    /// <summary>Keys set in a section (its own first, then [DEFAULT]'s), lower-cased.</summary>
    public IEnumerable<string> Keys(string section)
    {
        var own = _sections.TryGetValue(section, out var options) ? options.Keys : Enumerable.Empty<string>();
        return own.Concat(_defaults.Keys.Where(k => options == null || !options.ContainsKey(k)));
    }

    /// <summary>
    /// The interpolated value, null when the key is unset, or an error naming the line when
    /// interpolation fails (a lone '%', an unknown %(name)s, or references nested too deep).
    /// </summary>
    public (string? Value, InputError? Error) Get(string section, string key)
    {
        var raw = Raw(section, key);
        if (raw == null)
            return (null, null);
        var result = new System.Text.StringBuilder();
        var error = Interpolate(section, raw, raw.Raw, result, depth: 1);
        return error == null ? (result.ToString(), null) : (null, error);
    }

    private const int MaxInterpolationDepth = 10;

    private InputError? Interpolate(string section, IniValue origin, string text, System.Text.StringBuilder into, int depth)
    {
        if (depth > MaxInterpolationDepth)
            return Error(origin, section, "interpolation nested deeper than 10 levels (a %(...)s reference loop?)");
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int percent = rest.IndexOf('%');
            if (percent < 0)
            {
                into.Append(rest);
                break;
            }
            into.Append(rest[..percent]);
            rest = rest[percent..];
            if (rest.StartsWith("%%"))
            {
                into.Append('%');
                rest = rest[2..];
                continue;
            }
            int close = rest.IndexOf(")s");
            if (!rest.StartsWith("%(") || close < 3 || rest[2..close].Contains(')'))
            {
                return Error(origin, section,
                    $"'%' must be followed by '%' or '(name)s', found '{rest.ToString()}' (write %% for a literal %)");
            }
            var name = rest[2..close].ToString();
            rest = rest[(close + 2)..];
            var referenced = Raw(section, name);
            if (referenced == null)
                return Error(origin, section, $"%({name})s refers to a key that is not set in [{section}] or [DEFAULT]");
            // Like configparser, only a value that has a '%' in it is interpolated one level
            // deeper, so a chain of ten references to a plain value is still fine.
            if (!referenced.Raw.Contains('%'))
            {
                into.Append(referenced.Raw);
                continue;
            }
            var nested = Interpolate(section, origin, referenced.Raw, into, depth + 1);
            if (nested != null)
                return nested;
        }
        return null;
    }

    private InputError Error(IniValue value, string section, string message) =>
        new(Path, value.Line, message) { Section = section, Key = value.Key };
}

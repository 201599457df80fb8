using System.Text.RegularExpressions;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// One line of a .kpr file, <c>&lt;where&gt;/&lt;pkgspec&gt;.log &lt;problem&gt;</c>, as the report
/// reads it (known-problems.md §4.1): where is the leading run of lower-case letters before the
/// first '/', the problem everything after the last space. The pkgspec is the log's, not the line's.
/// </summary>
public readonly partial record struct KprLine(string Where, string Problem, string PkgSpec)
{
    public static bool TryParse(string line, string pkgSpec, out KprLine parsed)
    {
        var match = Shape().Match(line);
        parsed = match.Success ? new KprLine(match.Groups[1].Value, match.Groups[2].Value, pkgSpec) : default;
        return match.Success;
    }

    /// <summary>The text of the line, without its newline.</summary>
    public string Format() => $"{Where}/{PkgSpec}.log {Problem}";

    [GeneratedRegex("^([a-z]+)/.+ (.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// One known problem, a <c>*.conf</c> file of the known-problem directory
/// (known-problems.md §2), and the test whether a log shows it (§3).
/// </summary>
public sealed class ProblemDefinition
{
    public const string Extension = ".conf";

    /// <summary>Where the original starts its whole-log pre-check: it passes re.MULTILINE (8) as the start position (§3 quirk).</summary>
    public const int PreCheckOffset = 8;

    /// <summary>
    /// How many logs a definition is matched against with interpreted expressions before they are
    /// compiled: compiling (emitting and jitting) every definition's expressions costs more than
    /// the report's usual run of a handful of new logs saves, and pays off over thousands.
    /// </summary>
    public const int CompileAfter = 64;

    private readonly Lazy<(Regex Pattern, Regex? Exclude)> _interpreted;
    private readonly Lazy<(Regex Pattern, Regex? Exclude)> _compiled;
    private int _uses;
    private volatile bool _useCompiled;
    private readonly HashSet<string> _where;
    private readonly Lazy<IReadOnlyList<string[]>> _required;

    /// <summary>Patterns must be valid .NET regular expressions; <see cref="ProblemDefinitionParser"/> checks that.</summary>
    public ProblemDefinition(string name, string pattern, string? excludePattern, IReadOnlyList<string> where,
        string issue, string header, string helpText, string? explain = null, string? priority = null)
    {
        Name = name;
        Pattern = pattern;
        ExcludePattern = excludePattern;
        Where = where;
        Issue = issue;
        Header = header;
        HelpText = helpText;
        Explain = explain;
        Priority = priority;
        _where = new HashSet<string>(where, StringComparer.Ordinal);
        // Made on first use: loading the directory stays cheap.
        _interpreted = new Lazy<(Regex, Regex?)>(() => (new Regex(pattern, Options), excludePattern == null ? null : new Regex(excludePattern, Options)));
        _compiled = new Lazy<(Regex, Regex?)>(() => (Compile(pattern), excludePattern == null ? null : Compile(excludePattern)));
        _required = new Lazy<IReadOnlyList<string[]>>(() => KnownProblems.RequiredLiterals.Of(pattern));
    }

    /// <summary>The file name including <c>.conf</c>: the identity used in .kpr files and exclude-known-problems.</summary>
    public string Name { get; }

    /// <summary>The name without <c>.conf</c>, the page name.</summary>
    public string ShortName => Name.EndsWith(Extension, StringComparison.Ordinal) ? Name[..^Extension.Length] : Name;

    public string Pattern { get; }

    /// <summary>What every match of <see cref="Pattern"/> contains (<see cref="KnownProblems.RequiredLiterals"/>); empty when unknown.</summary>
    public IReadOnlyList<string[]> RequiredLiterals => _required.Value;
    public string? ExcludePattern { get; }

    /// <summary>The log directories the problem applies to, WHERE split on single spaces (empty entries kept).</summary>
    public IReadOnlyList<string> Where { get; }

    /// <summary>The ISSUE value as written; no program uses it (see <see cref="IsIssue"/>).</summary>
    public string Issue { get; }
    public string Header { get; }
    public string HelpText { get; }
    public string? Explain { get; }
    public string? Priority { get; }

    /// <summary>Issues (reported for passing logs) are told from errors by the name, not by ISSUE (§6).</summary>
    public bool IsIssue => ShortName.EndsWith("issue", StringComparison.Ordinal);

    /// <summary>The shell command shown on the problem page (§3.1), unescaped.</summary>
    public string Command =>
        ExcludePattern == null ? $"grep -E \"{Pattern}\"" : $"grep -E \"{Pattern}\" | grep -v -E \"{ExcludePattern}\"";

    internal static RegexOptions Options => RegexOptions.CultureInvariant;

    public bool AppliesTo(string where) => _where.Contains(where);

    /// <summary>
    /// Whether a log (decoded by <see cref="LogText"/>) in directory <paramref name="where"/> shows
    /// the problem: the pattern is found from offset 8 of the whole text, and some line matches
    /// it without matching the exclude pattern (§3).
    /// </summary>
    public bool HasProblem(ReadOnlySpan<char> logText, string where)
    {
        if (!AppliesTo(where))
            return false;
        var (pattern, exclude) = Expressions();
        // Reproduced quirk: hits starting in the first 8 characters are not seen here, and ^
        // never matches (a start position is not the start of the text), so .kpr files stay
        // identical to Debian's.
        if (!pattern.IsMatch(logText, Math.Min(PreCheckOffset, logText.Length)))
            return false;
        foreach (var line in LogText.Lines(logText))
        {
            if (pattern.IsMatch(line) && (exclude == null || !exclude.IsMatch(line)))
                return true;
        }
        return false;
    }

    // Counted until the switch only: after it, every core reads a flag nobody writes.
    private (Regex Pattern, Regex? Exclude) Expressions()
    {
        // A native build cannot compile expressions (RegexOptions.Compiled is interpreted there):
        // the interpreted ones serve throughout instead of being made a second time.
        if (!RuntimeFeature.IsDynamicCodeCompiled)
            return _interpreted.Value;
        if (_useCompiled)
            return _compiled.Value;
        if (Interlocked.Increment(ref _uses) <= CompileAfter)
            return _interpreted.Value;
        var compiled = _compiled.Value;
        _useCompiled = true;
        return compiled;
    }

    public override string ToString() => Name;

    private static Regex Compile(string pattern) => new(pattern, Options | RegexOptions.Compiled);
}

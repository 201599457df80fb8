using System.Buffers;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// Tells, for one log, which known problems it may show: those whose required strings
/// (<see cref="RequiredLiterals"/>) all occur in it, found for every definition at once in one
/// pass over the text. A log is otherwise searched once per definition, 78 times with Debian's;
/// most logs show none of them, and the native build runs regular expressions interpreted.
/// </summary>
public sealed class ProblemScreen
{
    private readonly string[] _literals;
    private readonly SearchValues<string>? _search;
    private readonly Dictionary<char, int[]> _byFirstChar;

    // Per definition, its clauses as indexes into _literals; null: no clauses, always possible.
    private readonly int[][]?[] _clauses;

    public ProblemScreen(IReadOnlyList<ProblemDefinition> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _clauses = new int[problems.Count][][];
        for (int p = 0; p < problems.Count; p++)
        {
            var clauses = problems[p].RequiredLiterals;
            if (clauses.Count == 0)
                continue;
            _clauses[p] = clauses
                .Select(clause => clause.Select(s => index.TryGetValue(s, out int i) ? i : index[s] = index.Count).ToArray())
                .ToArray();
        }
        _literals = new string[index.Count];
        foreach (var (literal, i) in index)
            _literals[i] = literal;
        _search = _literals.Length > 0 ? SearchValues.Create(_literals, StringComparison.Ordinal) : null;
        _byFirstChar = Enumerable.Range(0, _literals.Length)
            .GroupBy(i => _literals[i][0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>
    /// Sets <paramref name="possible"/>[i] to whether definition i may match
    /// <paramref name="logText"/>: false only when one of its clauses has no string in the text
    /// from offset <see cref="ProblemDefinition.PreCheckOffset"/>, where the whole-log check
    /// starts, so that <see cref="ProblemDefinition.HasProblem"/> would be false too.
    /// </summary>
    public void Screen(ReadOnlySpan<char> logText, Span<bool> possible)
    {
        if (possible.Length != _clauses.Length)
            throw new ArgumentException("one entry per definition", nameof(possible));
        Span<bool> found = _literals.Length <= 512 ? stackalloc bool[_literals.Length] : new bool[_literals.Length];
        if (_search != null)
        {
            var text = logText[Math.Min(ProblemDefinition.PreCheckOffset, logText.Length)..];
            int offset = 0, missing = _literals.Length;
            while (missing > 0)
            {
                int hit = text[offset..].IndexOfAny(_search);
                if (hit < 0)
                    break;
                offset += hit;
                foreach (int i in _byFirstChar[text[offset]])
                {
                    if (!found[i] && text[offset..].StartsWith(_literals[i], StringComparison.Ordinal))
                    {
                        found[i] = true;
                        missing--;
                    }
                }
                offset++;
            }
        }
        for (int p = 0; p < _clauses.Length; p++)
            possible[p] = _clauses[p] is not { } clauses || AllHold(clauses, found);
    }

    private static bool AllHold(int[][] clauses, ReadOnlySpan<bool> found)
    {
        foreach (var clause in clauses)
        {
            bool any = false;
            foreach (int i in clause)
                any |= found[i];
            if (!any)
                return false;
        }
        return true;
    }
}

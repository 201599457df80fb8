using System.Text;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// What text a match of a known-problem pattern must contain, read off the pattern: a list of
/// clauses, each a set of strings of which at least one occurs in every match. A log that lacks
/// one clause's every string cannot show the problem, so <see cref="ProblemScreen"/> skips its
/// regular expression. Only what is surely required is listed: a construct this reading does not
/// know (an escape such as \d, a group starting with "(?", a counted repetition) gives no
/// clauses at all, and the expression then runs on every log as before.
/// </summary>
public static class RequiredLiterals
{
    /// <summary>Shorter strings are not listed: they occur too often to tell logs apart.</summary>
    public const int MinLength = 3;

    /// <summary>The clauses of <paramref name="pattern"/> (a .NET regular expression, case-sensitive), or none.</summary>
    public static IReadOnlyList<string[]> Of(string pattern)
    {
        var reader = new Reader(pattern);
        try
        {
            var clauses = reader.Alternation();
            return reader.AtEnd ? clauses : [];
        }
        catch (UnknownConstruct)
        {
            return [];
        }
    }

    private sealed class UnknownConstruct : Exception;

    private sealed class Reader(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        // branch|branch|...: one clause, a string of each branch's most telling clause, when every
        // branch has one.
        public List<string[]> Alternation()
        {
            var branches = new List<List<string[]>> { Sequence() };
            while (Peek() == '|')
            {
                _at++;
                branches.Add(Sequence());
            }
            if (branches.Count == 1)
                return branches[0];
            if (branches.Any(b => b.Count == 0))
                return [];
            var union = branches.SelectMany(b => b.MaxBy(c => c.Min(s => s.Length))!).Distinct(StringComparer.Ordinal).ToArray();
            return [union];
        }

        // Atoms one after the other: every run of plain characters, and every group that must
        // occur, contributes its clauses.
        private List<string[]> Sequence()
        {
            var clauses = new List<string[]>();
            var run = new StringBuilder();
            void Flush()
            {
                if (run.Length >= MinLength)
                    clauses.Add([run.ToString()]);
                run.Clear();
            }
            while (Peek() is { } c && c != '|' && c != ')')
            {
                _at++;
                switch (c)
                {
                    case '(':
                        if (Peek() == '?')
                            throw new UnknownConstruct(); // options, look-arounds, named groups
                        var inner = Alternation();
                        if (Peek() != ')')
                            throw new UnknownConstruct();
                        _at++;
                        Flush();
                        if (Quantifier() >= 1)
                            clauses.AddRange(inner);
                        break;
                    case '[':
                        SkipClass();
                        Flush();
                        Quantifier();
                        break;
                    case '.':
                        Flush();
                        Quantifier();
                        break;
                    case '^' or '$':
                        Flush();
                        if (Peek() is '*' or '+' or '?' or '{')
                            throw new UnknownConstruct();
                        break;
                    case '*' or '+' or '?' or '{':
                        throw new UnknownConstruct();
                    default:
                        char literal = c == '\\' ? Escaped() : c;
                        int min = Quantifier();
                        if (min == 0)
                        {
                            Flush();
                        }
                        else
                        {
                            run.Append(literal);
                            if (min > 1)
                            {
                                // Repeated: what follows is right after its last copy, not the run.
                                Flush();
                                run.Append(literal);
                            }
                        }
                        break;
                }
            }
            Flush();
            return clauses;
        }

        // The repetition after an atom: 1 for none, 0 for * and ?, 2 (one or more) for +.
        private int Quantifier()
        {
            int min;
            switch (Peek())
            {
                case '*' or '?':
                    min = 0;
                    break;
                case '+':
                    min = 2;
                    break;
                case '{':
                    throw new UnknownConstruct();
                default:
                    return 1;
            }
            _at++;
            if (Peek() == '?')
                _at++; // lazy
            if (Peek() is '*' or '+' or '?' or '{')
                throw new UnknownConstruct();
            return min;
        }

        // \ and a character that is not a letter or digit stands for that character.
        private char Escaped()
        {
            if (Peek() is not { } c || char.IsAsciiLetterOrDigit(c) || c > 127)
                throw new UnknownConstruct();
            _at++;
            return c;
        }

        // A character class, up to its closing bracket; one inside it (subtraction) is not read.
        private void SkipClass()
        {
            if (Peek() == '^')
                _at++;
            if (Peek() == ']')
                _at++;
            while (Peek() is { } c)
            {
                _at++;
                switch (c)
                {
                    case ']':
                        return;
                    case '[':
                        throw new UnknownConstruct();
                    case '\\':
                        if (Peek() == null)
                            throw new UnknownConstruct();
                        _at++;
                        break;
                }
            }
            throw new UnknownConstruct();
        }

        private char? Peek() => _at < pattern.Length ? pattern[_at] : null;
    }
}

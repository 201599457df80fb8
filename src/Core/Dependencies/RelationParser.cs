namespace Piuparts.Core.Dependencies;

/// <summary>
/// Parses Debian relationship fields (Depends, Pre-Depends, Provides, Build-Depends, ...):
/// comma separated groups of '|' separated alternatives (deb-control(5)). Never throws: the
/// result carries the first error and its column.
/// </summary>
/// <remarks>
/// Accepts a superset of what piuparts 1.1.7 accepts: architecture restrictions and build
/// profiles parse here (piuparts crashes on them). Like piuparts, one trailing comma and a
/// trailing '|' are tolerated, and names must have at least two characters.
/// </remarks>
public static class RelationParser
{
    private static readonly string[] Operators = ["<<", "<=", ">=", ">>", "=", "<", ">"];

    public static RelationParseResult Parse(string? text)
    {
        var groups = new List<RelationGroup>();
        if (string.IsNullOrWhiteSpace(text))
            return new(groups, 0, null);
        var cursor = new Cursor(text);
        while (true)
        {
            cursor.SkipSpace();
            if (cursor.AtEnd)
            {
                if (groups.Count == 0)
                    return new(groups, 0, null);
                break;
            }
            var (group, error) = ParseGroup(ref cursor);
            if (error != null)
                return new(groups, cursor.Position, error);
            groups.Add(group!);
            cursor.SkipSpace();
            if (cursor.AtEnd)
                break;
            if (cursor.Peek != ',')
                return new(groups, cursor.Position, $"expected ',' or the end, found '{cursor.Peek}'");
            cursor.Advance();
            cursor.SkipSpace();
            if (cursor.AtEnd)
                break; // one trailing comma
            if (cursor.Peek == ',')
                return new(groups, cursor.Position, "empty entry between commas");
        }
        return new(groups, 0, null);
    }

    private static (RelationGroup? Group, string? Error) ParseGroup(ref Cursor cursor)
    {
        var alternatives = new List<Relation>();
        while (true)
        {
            cursor.SkipSpace();
            if (cursor.AtEnd || cursor.Peek == ',')
            {
                if (alternatives.Count == 0)
                    return (null, cursor.AtEnd ? "missing package name" : "empty entry before ','");
                break; // a trailing '|' with nothing after it is ignored
            }
            var (relation, error) = ParseRelation(ref cursor);
            if (error != null)
                return (null, error);
            alternatives.Add(relation!);
            cursor.SkipSpace();
            if (cursor.AtEnd || cursor.Peek != '|')
                break;
            cursor.Advance();
        }
        return (new RelationGroup(alternatives), null);
    }

    private static (Relation? Relation, string? Error) ParseRelation(ref Cursor cursor)
    {
        int start = cursor.Position;
        if (cursor.AtEnd || !char.IsAsciiLetterOrDigit(cursor.Peek))
            return (null, cursor.AtEnd ? "missing package name" : $"a package name cannot start with '{cursor.Peek}'");
        while (!cursor.AtEnd && IsNameChar(cursor.Peek))
            cursor.Advance();
        if (cursor.Position - start < 2)
        {
            var shortName = cursor.Text[start..cursor.Position];
            cursor.Position = start;
            return (null, $"package name '{shortName}' is shorter than two characters");
        }
        var name = cursor.Text[start..cursor.Position];
        string? qualifier = null, op = null, version = null, architectures = null;
        List<string>? profiles = null;
        if (!cursor.AtEnd && cursor.Peek == ':')
        {
            cursor.Advance();
            int qualifierStart = cursor.Position;
            while (!cursor.AtEnd && (char.IsAsciiLetterOrDigit(cursor.Peek) || cursor.Peek == '-'))
                cursor.Advance();
            if (cursor.Position == qualifierStart)
                return (null, "empty architecture qualifier after ':'");
            qualifier = cursor.Text[qualifierStart..cursor.Position];
        }
        cursor.SkipSpace();
        if (!cursor.AtEnd && cursor.Peek == '(')
        {
            string? error;
            (op, version, error) = ParseVersionClause(ref cursor);
            if (error != null)
                return (null, error);
            cursor.SkipSpace();
        }
        if (!cursor.AtEnd && cursor.Peek == '[')
        {
            var (inside, error) = Enclosed(ref cursor, '[', ']', "architecture list");
            if (error != null)
                return (null, error);
            architectures = inside;
            cursor.SkipSpace();
        }
        while (!cursor.AtEnd && cursor.Peek == '<')
        {
            var (inside, error) = Enclosed(ref cursor, '<', '>', "build profile");
            if (error != null)
                return (null, error);
            (profiles ??= []).Add(inside!);
            cursor.SkipSpace();
        }
        return (new Relation(name)
        {
            ArchQualifier = qualifier,
            Operator = op,
            Version = version,
            Architectures = architectures,
            Profiles = profiles ?? (IReadOnlyList<string>)[],
        }, null);
    }

    private static (string? Op, string? Version, string? Error) ParseVersionClause(ref Cursor cursor)
    {
        cursor.Advance(); // '('
        cursor.SkipSpace();
        string? op = null;
        foreach (var candidate in Operators)
        {
            if (cursor.Rest.StartsWith(candidate, StringComparison.Ordinal))
            {
                op = candidate;
                break;
            }
        }
        if (op == null)
            return (null, null, "expected a version operator (<<, <=, =, >=, >>) after '('");
        cursor.Position += op.Length;
        cursor.SkipSpace();
        int start = cursor.Position;
        while (!cursor.AtEnd && IsVersionChar(cursor.Peek))
            cursor.Advance();
        var version = cursor.Text[start..cursor.Position];
        if (version.Length == 0)
            return (null, null, "missing version after the operator");
        int upstreamStart = version.IndexOf(':') + 1; // after the epoch, if any
        if (upstreamStart >= version.Length || !char.IsAsciiLetterOrDigit(version[upstreamStart]))
            return (null, null, $"version '{version}' does not start with a letter or digit");
        cursor.SkipSpace();
        if (cursor.AtEnd || cursor.Peek != ')')
            return (null, null, "expected ')' after the version");
        cursor.Advance();
        return (op, version, null);
    }

    private static (string? Inside, string? Error) Enclosed(ref Cursor cursor, char open, char close, string what)
    {
        cursor.Advance();
        int start = cursor.Position;
        int end = cursor.Text.IndexOf(close, start);
        if (end < 0)
            return (null, $"{what} opened with '{open}' is not closed with '{close}'");
        var inside = cursor.Text[start..end].Trim();
        if (inside.Length == 0)
            return (null, $"empty {what}");
        cursor.Position = end + 1;
        return (string.Join(' ', inside.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), null);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-' or '_';

    private static bool IsVersionChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or ':' or '~' or '-';

    private struct Cursor(string text)
    {
        public readonly string Text = text;
        public int Position;

        public readonly bool AtEnd => Position >= Text.Length;

        public readonly char Peek => Text[Position];

        public readonly ReadOnlySpan<char> Rest => Text.AsSpan(Position);

        public void Advance() => Position++;

        public void SkipSpace()
        {
            while (Position < Text.Length && char.IsWhiteSpace(Text[Position]))
                Position++;
        }
    }
}

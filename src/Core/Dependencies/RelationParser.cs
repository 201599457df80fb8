namespace Piuparts.Core.Dependencies;

/// <summary>
/// Parses Debian relationship fields (Depends, Pre-Depends, Provides, Build-Depends, ...):
/// comma separated groups of '|' separated alternatives (deb-control(5)). Never throws: the
/// result carries the first error and its column.
/// </summary>
/// <remarks>
/// Accepts a superset of what piuparts 1.1.7 accepts: architecture restrictions and build
/// profiles parse here (piuparts crashes on them). Like piuparts, one trailing comma and a
/// trailing '|' are tolerated, and names must have at least two characters. One grammar
/// (<see cref="Scan"/>) serves two readers: whole <see cref="Relation"/> objects, and the
/// names alone, which is all the state engine needs for 60,000 packages.
/// </remarks>
public static class RelationParser
{
    private static readonly string[] Operators = ["<<", "<=", ">=", ">>", "=", "<", ">"];

    public static RelationParseResult Parse(string? text)
    {
        var sink = new RelationSink(text ?? "");
        var error = Scan(text ?? "", ref sink, out int column);
        return new(sink.Groups, error == null ? 0 : column, error);
    }

    /// <summary>
    /// The names of each group, in written order, and the first error with its column. Names go
    /// through <paramref name="name"/>, so a caller can hand out strings it already holds.
    /// </summary>
    public static (string[][] Groups, string? Error, int Column) ParseNames(string? text, Func<ReadOnlySpan<char>, string> name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ([], null, 0);
        var sink = new NameSink(text, name);
        var error = Scan(text, ref sink, out int column);
        return (sink.Groups.ToArray(), error, column);
    }

    /// <summary>Where the parts of one relation stand in the text (start and length; length 0 = absent).</summary>
    internal readonly record struct Parts(
        int Name, int NameLength, int Qualifier, int QualifierLength, string? Operator,
        int Version, int VersionLength, int Architectures, int ArchitecturesLength, int Profiles, int ProfilesLength);

    internal interface ISink
    {
        void Add(in Parts parts, bool startsGroup);
    }

    // The grammar, once: calls the sink for every relation and returns the first error.
    private static string? Scan<TSink>(string text, ref TSink sink, out int column) where TSink : struct, ISink
    {
        var cursor = new Cursor(text);
        column = 0;
        bool any = false;
        while (true)
        {
            cursor.SkipSpace();
            if (cursor.AtEnd)
                return null;
            var error = ScanGroup(ref cursor, ref sink);
            if (error != null)
            {
                column = cursor.Position;
                return error;
            }
            any = true;
            cursor.SkipSpace();
            if (cursor.AtEnd)
                return null;
            if (cursor.Peek != ',')
            {
                column = cursor.Position;
                return $"expected ',' or the end, found '{cursor.Peek}'";
            }
            cursor.Advance();
            cursor.SkipSpace();
            if (cursor.AtEnd && any)
                return null; // one trailing comma
            if (!cursor.AtEnd && cursor.Peek == ',')
            {
                column = cursor.Position;
                return "empty entry between commas";
            }
        }
    }

    private static string? ScanGroup<TSink>(ref Cursor cursor, ref TSink sink) where TSink : struct, ISink
    {
        int count = 0;
        while (true)
        {
            cursor.SkipSpace();
            if (cursor.AtEnd || cursor.Peek == ',')
            {
                if (count == 0)
                    return cursor.AtEnd ? "missing package name" : "empty entry before ','";
                return null; // a trailing '|' with nothing after it is ignored
            }
            var error = ScanRelation(ref cursor, out var parts);
            if (error != null)
                return error;
            sink.Add(parts, startsGroup: count++ == 0);
            cursor.SkipSpace();
            if (cursor.AtEnd || cursor.Peek != '|')
                return null;
            cursor.Advance();
        }
    }

    private static string? ScanRelation(ref Cursor cursor, out Parts parts)
    {
        parts = default;
        int start = cursor.Position;
        if (cursor.AtEnd || !char.IsAsciiLetterOrDigit(cursor.Peek))
            return cursor.AtEnd ? "missing package name" : $"a package name cannot start with '{cursor.Peek}'";
        while (!cursor.AtEnd && IsNameChar(cursor.Peek))
            cursor.Advance();
        if (cursor.Position - start < 2)
        {
            var shortName = cursor.Text[start..cursor.Position];
            cursor.Position = start;
            return $"package name '{shortName}' is shorter than two characters";
        }
        int nameLength = cursor.Position - start;
        int qualifier = 0, qualifierLength = 0, version = 0, versionLength = 0;
        int architectures = 0, architecturesLength = 0, profiles = 0, profilesLength = 0;
        string? op = null;
        if (!cursor.AtEnd && cursor.Peek == ':')
        {
            cursor.Advance();
            qualifier = cursor.Position;
            while (!cursor.AtEnd && (char.IsAsciiLetterOrDigit(cursor.Peek) || cursor.Peek == '-'))
                cursor.Advance();
            qualifierLength = cursor.Position - qualifier;
            if (qualifierLength == 0)
                return "empty architecture qualifier after ':'";
        }
        cursor.SkipSpace();
        if (!cursor.AtEnd && cursor.Peek == '(')
        {
            var error = ScanVersionClause(ref cursor, out op, out version, out versionLength);
            if (error != null)
                return error;
            cursor.SkipSpace();
        }
        if (!cursor.AtEnd && cursor.Peek == '[')
        {
            var error = Enclosed(ref cursor, ']', "architecture list", out architectures, out architecturesLength);
            if (error != null)
                return error;
            cursor.SkipSpace();
        }
        while (!cursor.AtEnd && cursor.Peek == '<')
        {
            int first = cursor.Position;
            var error = Enclosed(ref cursor, '>', "build profile", out _, out _);
            if (error != null)
                return error;
            if (profilesLength == 0)
                profiles = first;
            profilesLength = cursor.Position - profiles;
            cursor.SkipSpace();
        }
        parts = new Parts(start, nameLength, qualifier, qualifierLength, op, version, versionLength,
            architectures, architecturesLength, profiles, profilesLength);
        return null;
    }

    private static string? ScanVersionClause(ref Cursor cursor, out string? op, out int version, out int length)
    {
        cursor.Advance(); // '('
        cursor.SkipSpace();
        op = null;
        version = length = 0;
        foreach (var candidate in Operators)
        {
            if (cursor.Rest.StartsWith(candidate, StringComparison.Ordinal))
            {
                op = candidate;
                break;
            }
        }
        if (op == null)
            return "expected a version operator (<<, <=, =, >=, >>) after '('";
        cursor.Position += op.Length;
        cursor.SkipSpace();
        version = cursor.Position;
        while (!cursor.AtEnd && IsVersionChar(cursor.Peek))
            cursor.Advance();
        length = cursor.Position - version;
        if (length == 0)
            return "missing version after the operator";
        var text = cursor.Text.AsSpan(version, length);
        int upstreamStart = text.IndexOf(':') + 1; // after the epoch, if any
        if (upstreamStart >= text.Length || !char.IsAsciiLetterOrDigit(text[upstreamStart]))
            return $"version '{text}' does not start with a letter or digit";
        cursor.SkipSpace();
        if (cursor.AtEnd || cursor.Peek != ')')
            return "expected ')' after the version";
        cursor.Advance();
        return null;
    }

    // The text between an opening character (at the cursor) and the closing one, trimmed.
    private static string? Enclosed(ref Cursor cursor, char close, string what, out int start, out int length)
    {
        char open = cursor.Peek;
        cursor.Advance();
        start = cursor.Position;
        length = 0;
        int end = cursor.Text.IndexOf(close, start);
        if (end < 0)
            return $"{what} opened with '{open}' is not closed with '{close}'";
        while (start < end && char.IsWhiteSpace(cursor.Text[start]))
            start++;
        int last = end;
        while (last > start && char.IsWhiteSpace(cursor.Text[last - 1]))
            last--;
        length = last - start;
        if (length == 0)
            return $"empty {what}";
        cursor.Position = end + 1;
        return null;
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

    // Builds whole relations.
    private struct RelationSink(string text) : ISink
    {
        public readonly List<RelationGroup> Groups = [];
        private List<Relation>? _current;

        public void Add(in Parts p, bool startsGroup)
        {
            if (startsGroup)
                Groups.Add(new RelationGroup(_current = []));
            _current!.Add(new Relation(text.Substring(p.Name, p.NameLength))
            {
                ArchQualifier = p.QualifierLength > 0 ? text.Substring(p.Qualifier, p.QualifierLength) : null,
                Operator = p.Operator,
                Version = p.VersionLength > 0 ? text.Substring(p.Version, p.VersionLength) : null,
                Architectures = p.ArchitecturesLength > 0 ? Words(text.AsSpan(p.Architectures, p.ArchitecturesLength)) : null,
                Profiles = p.ProfilesLength > 0 ? ProfileList(text.AsSpan(p.Profiles, p.ProfilesLength)) : [],
            });
        }

        private static string Words(ReadOnlySpan<char> text) =>
            string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        // "<!nocheck> <stage1 cross>" -> ["!nocheck", "stage1 cross"]
        private static string[] ProfileList(ReadOnlySpan<char> text) =>
            text.ToString().Split('>', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => Words(p.TrimStart('<'))).ToArray();
    }

    // Keeps the names only.
    private struct NameSink(string text, Func<ReadOnlySpan<char>, string> name) : ISink
    {
        public readonly List<string[]> Groups = [];

        public void Add(in Parts p, bool startsGroup)
        {
            var found = name(text.AsSpan(p.Name, p.NameLength));
            if (startsGroup)
            {
                Groups.Add([found]);
                return;
            }
            var group = Groups[^1];
            Array.Resize(ref group, group.Length + 1);
            group[^1] = found;
            Groups[^1] = group;
        }
    }
}

namespace Piuparts.Core.Dependencies;

/// <summary>The groups of a relationship field, or the first syntax error (0-based column and message).</summary>
public sealed record RelationParseResult(IReadOnlyList<RelationGroup> Groups, int ErrorColumn, string? Error)
{
    public bool Succeeded => Error == null;

    /// <summary>The error as one line that shows the field and where it went wrong.</summary>
    public string Describe(string fieldName, string text) =>
        Error == null ? "" : $"{fieldName}: {Error} at column {ErrorColumn + 1} of '{Flatten(text)}'";

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

namespace Piuparts.Core;

/// <summary>
/// One problem found in an input file or line: where it is and what is wrong. Parsers return
/// these instead of throwing, so every caller can report all of them the same way.
/// </summary>
public sealed record InputError(string File, int Line, string Message)
{
    public string? Section { get; init; }
    public string? Key { get; init; }

    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var context = (Section, Key) switch
        {
            (not null, not null) => $" [{Section}] {Key}:",
            (not null, null) => $" [{Section}]:",
            (null, not null) => $" {Key}:",
            _ => "",
        };
        return $"{where}:{context} {Message}";
    }
}

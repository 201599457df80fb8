namespace Piuparts.Differential.Tests.Harness;

/// <summary>What one master did in a <see cref="MasterComparison"/>.</summary>
/// <param name="Sessions">The scenario's sessions.</param>
/// <param name="Snapshot">The master directory after them (before the listing sessions, which change nothing but master.log).</param>
/// <param name="Listings">Per listed section, the _list answers.</param>
/// <param name="QuerySessions">Per listed section, the session with status and the queries.</param>
public sealed record ComparisonSide(
    MasterCommand Command,
    MasterCopy Copy,
    IReadOnlyList<SessionTranscript> Sessions,
    DirectorySnapshot Snapshot,
    IReadOnlyDictionary<string, StateListing> Listings,
    IReadOnlyDictionary<string, SessionTranscript> QuerySessions)
{
    public string Label => $"{Command.Name} ({Copy.Label})";

    /// <summary>Everything as one line list, section by section, for one comparison with one diff.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        for (int i = 0; i < Sessions.Count; i++)
        {
            lines.Add($"== session {i + 1}");
            lines.AddRange(Sessions[i].Normalized());
        }
        lines.Add("== master directory");
        lines.AddRange(Snapshot.Lines);
        foreach (var (section, listing) in Listings)
        {
            lines.Add($"== _list, section {section}");
            lines.AddRange(listing.Lines());
            lines.Add($"== queries, section {section}");
            lines.AddRange(QuerySessions[section].Normalized());
        }
        return lines;
    }
}

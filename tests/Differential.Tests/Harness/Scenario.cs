namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// A master directory and what slaves do to it: the scripted sessions, in order (each a new
/// connection, as a slave makes them), then for every listed section the <c>_list</c> answers
/// and the <paramref name="Queries"/> (sent after <c>section S</c> and <c>status</c>).
/// </summary>
public sealed record Scenario(
    string Name,
    MasterDirectoryBuilder Setup,
    IReadOnlyList<SessionScript> Sessions,
    IReadOnlyList<string> ListedSections,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Queries)
{
    public override string ToString() => Name;
}

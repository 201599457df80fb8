namespace Piuparts.Core.KnownProblems;

/// <summary>
/// What a refresh did: .kpr files removed and added ("parsed logfiles: N removed, M added";
/// added counts every log that needed one, as piuparts does, even when it could not be read),
/// .bug files removed, hits per problem name in the .kpr files written now (the unclassified
/// pseudo problem included), and the logs that could not be read.
/// </summary>
public sealed record KprRefreshResult(
    int Removed,
    int Added,
    int BugsRemoved,
    IReadOnlyDictionary<string, int> Hits,
    IReadOnlyList<InputError> Errors);

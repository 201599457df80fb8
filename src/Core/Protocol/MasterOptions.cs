using Piuparts.Core.Archive;

namespace Piuparts.Core.Protocol;

/// <summary>What a master session takes from its surroundings, so tests can make it exact.</summary>
public sealed record MasterOptions
{
    /// <summary>Largest log accepted in one submission; a larger one ends the session unwritten.</summary>
    public const int DefaultMaxLogBytes = 64 << 20;

    /// <summary>Longest command line accepted (without its newline); a longer one ends the session.</summary>
    public const int MaxCommandBytes = 64 << 10;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Tie-breaks of the reservation order and the idle jitter; seed it for exact tests.</summary>
    public Random Random { get; init; } = Random.Shared;

    public IndexFetcher? Fetcher { get; init; }

    /// <summary>Where messages go before a section is selected, and fatal reasons always.</summary>
    public TextWriter Errors { get; init; } = TextWriter.Null;

    public int MaxLogBytes { get; init; } = DefaultMaxLogBytes;

    /// <summary>Compute every connection from scratch, as piuparts does (no state cache).</summary>
    public bool NoCache { get; init; }
}

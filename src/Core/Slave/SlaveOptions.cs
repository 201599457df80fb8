using Piuparts.Core.Archive;

namespace Piuparts.Core.Slave;

/// <summary>
/// How a slave runs, beyond piuparts.conf: its clock and sleeps (tests pass their own, so no
/// test waits for real time), how it reaches the master, the time limit of a test.
/// </summary>
public sealed record SlaveOptions
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Waits the given time unless the token is cancelled first.</summary>
    public Action<TimeSpan, CancellationToken> Sleep { get; init; } = (time, wake) => wake.WaitHandle.WaitOne(time);

    /// <summary>Random waits (busy master, load throttling); must be safe to share between workers.</summary>
    public Random Random { get; init; } = Random.Shared;

    public Func<double?> LoadAverage { get; init; } = Slave.LoadAverage.Read;

    /// <summary>The ssh client (a name looked up on PATH, or a path).</summary>
    public string Ssh { get; init; } = "ssh";

    /// <summary>How to reach a master; null runs <see cref="Ssh"/>.</summary>
    public Func<MasterAddress, IMasterLink>? Connect { get; init; }

    public TimeSpan TestTimeout { get; init; } = CommandRunner.DefaultTimeout;

    /// <summary>Time a test gets to end after SIGINT before SIGTERM and SIGKILL.</summary>
    public TimeSpan KillGrace { get; init; } = CommandRunner.DefaultGrace;

    /// <summary>
    /// Exit instead of sleeping when every section is idle, disabled or done; a section waiting
    /// after a busy master or a failed connection is still retried once its wait is over.
    /// </summary>
    public bool Once { get; init; }

    /// <summary>The sections to run; null: [global] sections and basetgz-sections.</summary>
    public IReadOnlyList<string>? Sections { get; init; }

    /// <summary>Fetches Packages files; null makes one with [global] proxy.</summary>
    public IndexFetcher? Fetcher { get; init; }
}

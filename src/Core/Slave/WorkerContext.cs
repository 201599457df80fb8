using Piuparts.Core.Archive;

namespace Piuparts.Core.Slave;

/// <summary>What the sections of one worker share: configuration, clock, log, the master connection, the runners.</summary>
public sealed class WorkerContext
{
    public required int Number { get; init; }

    /// <summary>The worker's directory (piuparts' slave_run gives instance n &lt;slave-directory&gt;/n); sections live below it.</summary>
    public required string Directory { get; init; }

    public required ConfigSource Config { get; init; }

    public required SlaveOptions Options { get; init; }

    public required SlaveLog Log { get; init; }

    public required SlaveControl Control { get; init; }

    public required WorkerFlags Flags { get; init; }

    public required StatusBoard Status { get; init; }

    public required MasterClient Master { get; init; }

    public required IndexFetcher Fetcher { get; init; }

    public required CommandRunner Runner { get; init; }

    /// <summary>The http_proxy piuparts is given: [global] proxy, else the environment's.</summary>
    public string? Proxy { get; init; }

    public TimeProvider Clock => Options.Clock;

    public DateTimeOffset Now => Options.Clock.GetUtcNow();

    /// <summary>Neither a stop nor SIGHUP asks to hold back new tests.</summary>
    public bool MayStartTests => !Control.Stopping && !Flags.Hangup;

    public void SetStatus(string activity) => Status.Set(Number, activity);

    /// <summary>Sleeps, waking up early for a stop or a restart.</summary>
    public void Sleep(TimeSpan time) => Options.Sleep(time, Control.Wake);
}

namespace Piuparts.Core.Slave;

/// <summary>
/// What the signals ask of every worker of a slave process (the verb's --help): stop after the
/// running test and give back what was not tested (first SIGINT or SIGTERM), abort the running
/// test at once (the second), flush finished logs without starting new tests (SIGHUP), and
/// flush then restart the program (SIGUSR1). Sleeps wake up when a stop or restart is asked for.
/// </summary>
public sealed class SlaveControl : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _restart = new();
    private readonly CancellationTokenSource _wake;
    private readonly List<WorkerFlags> _workers = [];
    private int _stops;

    public SlaveControl() => _wake = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _restart.Token);

    /// <summary>A stop was asked for: no new tests, finished logs submitted, the rest given back.</summary>
    public bool Stopping => _stop.IsCancellationRequested;

    /// <summary>Cancelled when running tests must be killed now.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <summary>Cancelled when sleeping workers should wake up (stop or restart).</summary>
    public CancellationToken Wake => _wake.Token;

    public bool RestartRequested => _restart.IsCancellationRequested;

    /// <summary>The flags of one more worker.</summary>
    public WorkerFlags Register()
    {
        var flags = new WorkerFlags();
        lock (_workers)
            _workers.Add(flags);
        return flags;
    }

    /// <summary>SIGINT or SIGTERM: the first stops gracefully, the second aborts running tests; the number of stops so far.</summary>
    public int RequestStop()
    {
        int count = Interlocked.Increment(ref _stops);
        if (count == 1)
            _stop.Cancel();
        else
            _abort.Cancel();
        return count;
    }

    /// <summary>SIGHUP: every worker flushes its finished logs and starts no test until a round without tests.</summary>
    public void RequestFlush()
    {
        lock (_workers)
        {
            foreach (var worker in _workers)
                worker.Hangup = true;
        }
    }

    /// <summary>SIGUSR1: a flush, then the program starts again with the same arguments.</summary>
    public void RequestRestart()
    {
        RequestFlush();
        _restart.Cancel();
    }

    public void Dispose()
    {
        _wake.Dispose();
        _stop.Dispose();
        _abort.Dispose();
        _restart.Dispose();
    }
}


namespace Piuparts.Core.Slave;

/// <summary>The per-worker part of <see cref="SlaveControl"/>: SIGHUP's flag, cleared by the worker after a round without tests.</summary>
public sealed class WorkerFlags
{
    private volatile bool _hangup;

    public bool Hangup
    {
        get => _hangup;
        set => _hangup = value;
    }
}

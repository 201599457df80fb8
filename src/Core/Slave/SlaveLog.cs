using System.Globalization;

namespace Piuparts.Core.Slave;

/// <summary>
/// The slave's progress log: one line per event, <c>HH:MM:SS message</c> in local time as
/// piuparts' slave writes it, with the worker's number in brackets when several workers share
/// the output. Debug lines only when some section asks for them. Safe to share between workers.
/// </summary>
public sealed class SlaveLog
{
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;
    private readonly object _gate;

    public SlaveLog(TextWriter output, TimeProvider clock, string prefix = "")
        : this(output, clock, prefix, new object(), new DebugSwitch())
    {
    }

    private SlaveLog(TextWriter output, TimeProvider clock, string prefix, object gate, DebugSwitch debug)
    {
        _output = output;
        _clock = clock;
        Prefix = prefix;
        _gate = gate;
        _debug = debug;
    }

    private readonly DebugSwitch _debug;

    public string Prefix { get; }

    /// <summary>The same output for a worker: its lines carry "[n] ".</summary>
    public SlaveLog ForWorker(int worker) => new(_output, _clock, $"[{worker}] ", _gate, _debug);

    /// <summary>Debug lines are written from now on, for every worker (piuparts: debug = yes in any section).</summary>
    public void EnableDebug() => _debug.On = true;

    public void Info(string message) => Write(message);

    public void Error(string message) => Write(message);

    public void Debug(string message)
    {
        if (_debug.On)
            Write(message);
    }

    private void Write(string message)
    {
        var time = _clock.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _output.WriteLine($"{time} {Prefix}{message}");
            _output.Flush();
        }
    }

    private sealed class DebugSwitch
    {
        public volatile bool On;
    }
}

using System.Text;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// A master that answers the slave protocol from what the test put in it, in memory and in
/// order (no thread, no pipe): per section the packages it reserves, the packages it has for
/// recycling and the idle time it announces. It records every command with the time of the
/// test's clock and every log it received.
/// </summary>
public sealed class ScriptedMaster
{
    private readonly TimeProvider _clock;

    public ScriptedMaster(TimeProvider clock) => _clock = clock;

    public Dictionary<string, Queue<Reservation>> Reservable { get; } = [];

    public Dictionary<string, Queue<Reservation>> Recyclable { get; } = [];

    /// <summary>What "idle" answers, per section (0 when not set).</summary>
    public Dictionary<string, int> IdleSeconds { get; } = [];

    /// <summary>The command lines received, with the time they came (log bodies left out).</summary>
    public List<(DateTimeOffset Time, string Line)> Transcript { get; } = [];

    /// <summary>The logs received: kind, package, version, time.</summary>
    public List<(string Kind, string Name, string Version, DateTimeOffset Time)> Logs { get; } = [];

    public List<Reservation> Unreserved { get; } = [];

    public int Connections { get; private set; }

    /// <summary>The commands only (first words after "section"), for order assertions.</summary>
    public IEnumerable<string> Lines => Transcript.Select(t => t.Line);

    public void Reserve(string section, params string[] packages) =>
        Enqueue(Reservable, section, packages);

    public void Recycle(string section, params string[] packages) =>
        Enqueue(Recyclable, section, packages);

    private static void Enqueue(Dictionary<string, Queue<Reservation>> queues, string section, string[] packages)
    {
        if (!queues.TryGetValue(section, out var queue))
            queues[section] = queue = new Queue<Reservation>();
        foreach (var package in packages)
            queue.Enqueue(new Reservation(package.Split('=')[0], package.Split('=')[1]));
    }

    public IMasterLink Connect(MasterAddress address)
    {
        Connections++;
        return new Link(this);
    }

    private sealed class Link : IMasterLink
    {
        private readonly ScriptedMaster _master;
        private readonly ReplyStream _replies = new();
        private string? _section;
        private bool _recycle;
        private (string Kind, string Name, string Version)? _body;

        public Link(ScriptedMaster master)
        {
            _master = master;
            _replies.Add("hello");
            ToMaster = new CommandStream(Handle);
        }

        public Stream FromMaster => _replies;

        public Stream ToMaster { get; }

        private void Handle(string line)
        {
            if (_body is { } body)
            {
                if (line == ".")
                {
                    _master.Logs.Add((body.Kind, body.Name, body.Version, _master._clock.GetUtcNow()));
                    _body = null;
                    _replies.Add("ok");
                }
                return;
            }
            _master.Transcript.Add((_master._clock.GetUtcNow(), line));
            var words = line.Split(' ');
            switch (words[0])
            {
                case "section":
                    _section = words[1];
                    _recycle = false;
                    _replies.Add("ok");
                    break;
                case "recycle":
                    _recycle = _master.Recyclable.TryGetValue(_section!, out var recyclable) && recyclable.Count > 0;
                    _replies.Add(_recycle ? "ok" : "error");
                    break;
                case "pass" or "fail" or "untestable":
                    _body = (words[0], words[1], words[2]);
                    break;
                case "unreserve":
                    _master.Unreserved.Add(new Reservation(words[1], words[2]));
                    _replies.Add("ok");
                    break;
                case "idle":
                    _replies.Add($"ok {_master.IdleSeconds.GetValueOrDefault(_section!)}");
                    break;
                case "reserve":
                    var queues = _recycle ? _master.Recyclable : _master.Reservable;
                    _replies.Add(queues.TryGetValue(_section!, out var queue) && queue.TryDequeue(out var package)
                        ? $"ok {package.Name} {package.Version}" : "error");
                    break;
                case "status":
                    _replies.Add("ok total=0");
                    break;
                default:
                    _replies.Add("error");
                    break;
            }
        }

        public void Dispose()
        {
        }
    }

    // The master's side of the line: whole lines go to the handler as they are written.
    private sealed class CommandStream(Action<string> handle) : Stream
    {
        private readonly List<byte> _pending = [];

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            foreach (var b in buffer)
            {
                if (b == (byte)'\n')
                {
                    var line = Encoding.UTF8.GetString([.. _pending]);
                    _pending.Clear();
                    // A log's long part: its lines start with a space.
                    handle(line.StartsWith(' ') ? "" : line);
                }
                else
                {
                    _pending.Add(b);
                }
            }
        }

        public override void Flush()
        {
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    // The replies waiting to be read; reading past them is the end of the connection.
    private sealed class ReplyStream : Stream
    {
        private readonly Queue<byte> _bytes = new();

        public void Add(string reply)
        {
            foreach (var b in Encoding.UTF8.GetBytes(reply + "\n"))
                _bytes.Enqueue(b);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _bytes.TryDequeue(out var b))
                buffer[offset + n++] = b;
            return n;
        }

        public override void Flush()
        {
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

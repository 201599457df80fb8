using System.IO.Pipes;
using Piuparts.Core.Protocol;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// A connection to piuparts-site's master running in this process on its own thread, over
/// real pipes, as ssh would carry it. With <c>dropAfter</c> the line breaks after that many bytes
/// from the slave: the master sees end of input there, the slave a broken pipe.
/// </summary>
public sealed class InProcessMasterLink : IMasterLink
{
    private readonly AnonymousPipeServerStream _toMaster = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromMasterWriter = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _fromMaster;
    private readonly Thread _thread;

    public InProcessMasterLink(Func<Stream, Stream, MasterSession> session, long? dropAfter = null)
    {
        var masterInput = new AnonymousPipeClientStream(PipeDirection.In, _toMaster.ClientSafePipeHandle);
        _fromMaster = new AnonymousPipeClientStream(PipeDirection.In, _fromMasterWriter.ClientSafePipeHandle);
        ToMaster = dropAfter is { } limit ? new DroppingStream(_toMaster, limit) : _toMaster;
        _thread = new Thread(() =>
        {
            using (masterInput)
            using (var master = session(masterInput, _fromMasterWriter))
                master.Run();
            _fromMasterWriter.Dispose();
        }) { IsBackground = true, Name = "in-process master" };
        _thread.Start();
    }

    public Stream FromMaster => _fromMaster;

    public Stream ToMaster { get; }

    public void Dispose()
    {
        _toMaster.Dispose();
        _thread.Join();
        _fromMaster.Dispose();
    }

    // Passes bytes until the limit, then closes the pipe and fails like a dead connection.
    private sealed class DroppingStream(Stream inner, long limit) : Stream
    {
        private long _left = limit;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int pass = (int)Math.Min(_left, buffer.Length);
            inner.Write(buffer[..pass]);
            _left -= pass;
            if (pass < buffer.Length)
            {
                inner.Dispose();
                throw new IOException("Broken pipe (connection dropped by the test)");
            }
        }

        public override void Flush()
        {
            if (_left > 0)
                inner.Flush();
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
}

using System.Buffers;
using System.Threading.Channels;

namespace Piuparts.Core.IO;

/// <summary>
/// Reads its inner stream on another thread, a few chunks ahead of the consumer, so that
/// decompressing an index (one core) and parsing it (the other core) overlap.
/// An exception of the inner stream surfaces on the consumer's next read.
/// </summary>
public sealed class ReadAheadStream : Stream
{
    private const int ChunkBytes = 1 << 20;
    private readonly Stream _inner;
    private readonly Channel<(byte[] Buffer, int Length)> _chunks;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private byte[]? _current;
    private int _currentLength;
    private int _offset;
    private bool _done;

    public ReadAheadStream(Stream inner, int chunksAhead = 8)
    {
        _inner = inner;
        _chunks = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(chunksAhead)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        _producer = Task.Run(Produce);
    }

    private async Task Produce()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                int length = 0;
                while (length < ChunkBytes)
                {
                    int read = _inner.Read(buffer, length, ChunkBytes - length);
                    if (read == 0)
                        break;
                    length += read;
                }
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }
                await _chunks.Writer.WriteAsync((buffer, length), _stop.Token).ConfigureAwait(false);
            }
            _chunks.Writer.TryComplete();
        }
        catch (OperationCanceledException)
        {
            _chunks.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _chunks.Writer.TryComplete(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        while (_current == null || _offset == _currentLength)
        {
            if (_done || !NextChunk())
                return 0;
        }
        int n = Math.Min(destination.Length, _currentLength - _offset);
        _current.AsSpan(_offset, n).CopyTo(destination);
        _offset += n;
        return n;
    }

    private bool NextChunk()
    {
        if (_current != null)
            ArrayPool<byte>.Shared.Return(_current);
        _current = null;
        try
        {
            var chunk = _chunks.Reader.ReadAsync().AsTask().GetAwaiter().GetResult();
            (_current, _currentLength, _offset) = (chunk.Buffer, chunk.Length, 0);
            return true;
        }
        catch (ChannelClosedException e) when (e.InnerException == null)
        {
            _done = true;
            return false;
        }
        catch (ChannelClosedException e)
        {
            _done = true;
            throw new IOException(e.InnerException!.Message, e.InnerException);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            try
            {
                _producer.Wait();
            }
            catch (AggregateException)
            {
                // The producer's failure was already reported to the reader, or nobody read.
            }
            while (_chunks.Reader.TryRead(out var chunk))
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            _inner.Dispose();
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

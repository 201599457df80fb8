using System.Buffers;
using System.Threading.Channels;

namespace Piuparts.Core.IO;

/// <summary>
/// Reads its inner stream on another thread, a few chunks ahead of the consumer, so that
/// decompressing an index (one core) and parsing it (the other core) overlap.
/// An exception of the inner stream surfaces as an <see cref="IOException"/> once the bytes read
/// before it are consumed, and again on every read after that.
/// </summary>
public sealed class ReadAheadStream : ReadOnlyStream
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
    // Written by the producer before it completes the channel, read after the channel says so.
    private Exception? _failure;

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
                int length = Fill(buffer, out bool ended);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }
                await _chunks.Writer.WriteAsync((buffer, length), _stop.Token).ConfigureAwait(false);
                if (ended)
                    break;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed before the end: nobody reads any more.
        }
        finally
        {
            // The failure, if any, is set before completing: completion publishes it to the reader.
            _chunks.Writer.TryComplete();
        }
    }

    // Reads a chunk; a failure of the inner stream ends the data after the bytes read before it
    // (any exception, also an OperationCanceledException such as an HTTP read timeout).
    private int Fill(byte[] buffer, out bool ended)
    {
        int length = 0;
        ended = false;
        try
        {
            while (length < ChunkBytes)
            {
                int read = _inner.Read(buffer, length, ChunkBytes - length);
                if (read == 0)
                {
                    ended = true;
                    break;
                }
                length += read;
            }
        }
        catch (Exception e)
        {
            _failure = e;
            ended = true;
        }
        return length;
    }

    public override int Read(Span<byte> destination)
    {
        if (_done && _failure != null)
            throw Failure();
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
        catch (ChannelClosedException)
        {
            _done = true;
            if (_failure != null)
                throw Failure();
            return false;
        }
    }

    private IOException Failure() => new(_failure!.Message, _failure);

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
}

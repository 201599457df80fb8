namespace Piuparts.Core.IO;

/// <summary>
/// A forward-only, read-only view of a stream whose <see cref="Position"/> is the number of bytes
/// read so far. SharpCompress' xz decoder aligns its blocks by the position of the stream it
/// reads, which an HTTP response body does not have.
/// </summary>
internal sealed class CountingReadStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private long _position;

    public CountingReadStream(Stream inner) => _inner = inner;

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        _position += read;
        return read;
    }

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}

namespace Piuparts.Core.Tests.Support;

/// <summary>A stream that hands out at most a few bytes per read, as slow decoders and sockets do.</summary>
public sealed class TrickleStream(byte[] content, int bytesPerRead) : MemoryStream(content)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);
}

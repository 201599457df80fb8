using Piuparts.Core.IO;

namespace Piuparts.Core.Tests.Support;

/// <summary>Reads a byte array at most <c>step</c> bytes at a time and cannot seek, like a slow network or decoder.</summary>
public sealed class TrickleStream(byte[] data, int step) : ReadOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(step, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}

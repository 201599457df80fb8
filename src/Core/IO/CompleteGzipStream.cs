using System.Buffers.Binary;
using System.IO.Compression;

namespace Piuparts.Core.IO;

/// <summary>
/// Decodes gzip data like <see cref="GZipStream"/>, but reports data that ends before its
/// trailer instead of ending early. GZipStream returns what it decoded and then a normal end of
/// stream when its input stops in the middle (dotnet/runtime#47563; the fix was reverted), so a
/// truncated Packages.gz would load as a shorter index without any error.
/// </summary>
/// <remarks>
/// zlib checks the CRC-32 and length of every member whose trailer it reaches; what it cannot
/// notice is a trailer that never comes. So at the end of the decoded data the input must end
/// with a trailer whose ISIZE (the decoded length modulo 2^32) matches what was decoded. That is
/// exact for the single-member files archives publish; data made of several concatenated
/// members is reported too (piuparts itself reads only the first member of such a file).
/// </remarks>
internal sealed class CompleteGzipStream : ReadOnlyStream
{
    private readonly TailKeepingStream _input;
    private readonly GZipStream _gzip;
    private long _decoded;
    private bool _ended;
    private string? _failure;

    public CompleteGzipStream(Stream compressed)
    {
        _input = new TailKeepingStream(compressed);
        _gzip = new GZipStream(_input, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_failure != null)
            throw new InvalidDataException(_failure);
        if (buffer.IsEmpty || _ended)
            return 0;
        int read = _gzip.Read(buffer);
        if (read > 0)
        {
            _decoded += read;
            return read;
        }
        _ended = true;
        _failure = CheckTrailer();
        if (_failure != null)
            throw new InvalidDataException(_failure);
        return 0;
    }

    private string? CheckTrailer()
    {
        if (!_input.TryGetTrailerSize(out uint size))
            return $"gzip data ends after {_input.Total} bytes, before any trailer (truncated?)";
        if (size != unchecked((uint)_decoded))
            return $"gzip data ends before its trailer (truncated?): {_input.Total} bytes read, {_decoded} decoded";
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gzip.Dispose();
        base.Dispose(disposing);
    }

    // Passes reads through and keeps the last eight bytes: a gzip trailer is CRC-32 then ISIZE.
    private sealed class TailKeepingStream(Stream inner) : ReadOnlyStream
    {
        private const int TrailerBytes = 8;
        // The smallest gzip member: a 10-byte header, an empty deflate block and the trailer.
        private const int SmallestMember = 18;
        private readonly byte[] _tail = new byte[TrailerBytes];

        public long Total { get; private set; }

        public bool TryGetTrailerSize(out uint size)
        {
            size = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));
            return Total >= SmallestMember;
        }

        public override int Read(Span<byte> buffer)
        {
            int read = inner.Read(buffer);
            var got = buffer[..read];
            if (read >= TrailerBytes)
            {
                got[^TrailerBytes..].CopyTo(_tail);
            }
            else if (read > 0)
            {
                _tail.AsSpan(read).CopyTo(_tail);
                got.CopyTo(_tail.AsSpan(TrailerBytes - read));
            }
            Total += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

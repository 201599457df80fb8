using Piuparts.Core.IO;

using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.IO;

public sealed class ReadAheadStreamTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // Runs a blocking call on the thread pool and fails the test instead of hanging.
    private static void Bounded(Action call) => Task.Run(call).WaitAsync(s_bound).GetAwaiter().GetResult();

    [Theory]
    [InlineData(1 << 20, new[] { 1, 7, 4093, 65_537, (1 << 20) + 3 })]
    [InlineData(4093, new[] { 3 << 20 })]
    [InlineData(1, new[] { 1_000_003 })]
    public void Gives_back_exactly_the_inner_bytes_whatever_the_read_sizes(int innerStep, int[] readSizes)
    {
        var data = RandomBytes((5 << 20) + 12_345, seed: 20240611);
        var output = new MemoryStream();

        Bounded(() =>
        {
            using var stream = new ReadAheadStream(new TrickleStream(data, innerStep), chunksAhead: 3);
            var buffer = new byte[readSizes.Max()];
            for (int i = 0; ; i++)
            {
                int read = stream.Read(buffer, 0, readSizes[i % readSizes.Length]);
                if (read == 0)
                    break;
                output.Write(buffer, 0, read);
            }
            Assert.Equal(0, stream.Read(buffer, 0, 17));
        });

        Assert.Equal(data.Length, output.Length);
        Assert.True(data.AsSpan().SequenceEqual(output.ToArray()), "content differs");
    }

    [Fact]
    public void An_empty_inner_stream_gives_an_immediate_end()
    {
        using var stream = new ReadAheadStream(new MemoryStream());

        Assert.Equal(0, stream.Read(new byte[10], 0, 10));
    }

    [Fact]
    public void A_read_into_an_empty_buffer_returns_zero_without_consuming_anything()
    {
        var data = RandomBytes(1000, seed: 1);
        using var stream = new ReadAheadStream(new MemoryStream(data));

        Assert.Equal(0, stream.Read([], 0, 0));
        var all = new MemoryStream();
        stream.CopyTo(all);
        Assert.Equal(data, all.ToArray());
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(InvalidDataException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(TaskCanceledException))]
    public void An_exception_of_the_inner_stream_surfaces_as_an_io_exception_after_the_good_bytes(Type thrown)
    {
        var good = RandomBytes(3 << 20, seed: 7);
        var failure = (Exception)Activator.CreateInstance(thrown, "inner stream broke")!;
        var output = new MemoryStream();
        IOException? caught = null;

        Bounded(() =>
        {
            using var stream = new ReadAheadStream(new FailingStream(good, failure));
            var buffer = new byte[70_001];
            caught = Assert.Throws<IOException>(() =>
            {
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    output.Write(buffer, 0, read);
            });
        });

        Assert.Equal(good, output.ToArray());
        Assert.Contains("inner stream broke", caught!.Message);
        Assert.Same(failure, caught.InnerException);
    }

    [Fact]
    public void Reading_again_after_a_failure_fails_again_rather_than_reporting_the_end()
    {
        Bounded(() =>
        {
            using var stream = new ReadAheadStream(new FailingStream([1, 2, 3], new OperationCanceledException("timed out")));
            var buffer = new byte[16];
            Assert.Equal(3, stream.Read(buffer, 0, buffer.Length));

            Assert.Throws<IOException>(() => stream.Read(buffer, 0, buffer.Length));
            Assert.Throws<IOException>(() => stream.Read(buffer, 0, buffer.Length));
        });
    }

    [Fact]
    public void Dispose_before_reading_everything_does_not_hang_and_disposes_the_inner_stream()
    {
        var inner = new EndlessStream();

        Bounded(() =>
        {
            var stream = new ReadAheadStream(inner, chunksAhead: 2);
            var buffer = new byte[4096];
            Assert.Equal(buffer.Length, stream.Read(buffer, 0, buffer.Length));
            stream.Dispose();
        });

        Assert.True(inner.Disposed);
    }

    [Fact]
    public void Dispose_without_any_read_does_not_hang()
    {
        var inner = new EndlessStream();

        Bounded(() => new ReadAheadStream(inner, chunksAhead: 1).Dispose());

        Assert.True(inner.Disposed);
    }

    // Gives its bytes, then throws the given exception.
    private sealed class FailingStream(byte[] data, Exception failure) : ReadOnlyStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position == data.Length)
                throw failure;
            int n = Math.Min(buffer.Length, data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }

    // Never ends: every read fills the buffer.
    private sealed class EndlessStream : ReadOnlyStream
    {
        public bool Disposed { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            buffer.Fill((byte)'x');
            return buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

using System.IO.Compression;
using Piuparts.Core.IO;

using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.IO;

public sealed class CompleteGzipStreamTests
{
    private static readonly byte[] s_plain = MakePlain();
    private static readonly byte[] s_gzip = Gzip(s_plain);

    private static byte[] MakePlain()
    {
        var random = new Random(4711);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 20_000; i++)
            text.Append($"Package: pkg{random.Next(100_000)}\nVersion: {random.Next(10)}.{random.Next(100)}\n\n");
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Gzip(byte[] plain)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(plain);
        return output.ToArray();
    }

    private static byte[] Decode(Stream compressed, int bufferSize = 81920)
    {
        using var stream = new CompleteGzipStream(compressed);
        var output = new MemoryStream();
        stream.CopyTo(output, bufferSize);
        return output.ToArray();
    }

    [Theory]
    [InlineData(1 << 20, 81920)]
    [InlineData(1, 4093)]
    [InlineData(3, 7)]
    [InlineData(7919, 1)]
    public void A_complete_file_decodes_to_its_content_whatever_the_read_sizes(int inputStep, int outputBuffer)
    {
        Assert.Equal(s_plain, Decode(new TrickleStream(s_gzip, inputStep), outputBuffer));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(-10)]
    public void Data_cut_anywhere_fails_with_invalid_data_instead_of_ending_early(int cut)
    {
        // A positive cut drops that many bytes from the end, a negative one keeps only that many.
        var kept = cut > 0 ? s_gzip[..^cut] : s_gzip[..-cut];

        var e = Assert.Throws<InvalidDataException>(() => Decode(new TrickleStream(kept, 5)));
        Assert.Contains("gzip", e.Message);
    }

    [Fact]
    public void Every_cut_in_the_last_kilobyte_is_reported()
    {
        for (int length = s_gzip.Length - 1024; length < s_gzip.Length; length++)
            Assert.ThrowsAny<InvalidDataException>(() => Decode(new MemoryStream(s_gzip, 0, length)));
    }

    [Fact]
    public void Empty_input_is_reported()
    {
        Assert.Throws<InvalidDataException>(() => Decode(new MemoryStream()));
    }

    [Fact]
    public void A_damaged_checksum_is_reported()
    {
        var damaged = (byte[])s_gzip.Clone();
        damaged[^6] ^= 0x40;

        Assert.ThrowsAny<InvalidDataException>(() => Decode(new MemoryStream(damaged)));
    }

    [Fact]
    public void Reading_again_after_the_failure_fails_again_rather_than_reporting_the_end()
    {
        using var stream = new CompleteGzipStream(new MemoryStream(s_gzip[..^3]));
        var buffer = new byte[1 << 16];

        Assert.Throws<InvalidDataException>(() => { while (stream.Read(buffer) > 0) { } });
        Assert.Throws<InvalidDataException>(() => stream.Read(buffer));
    }

    [Fact]
    public void Concatenated_members_are_reported_rather_than_half_checked()
    {
        var twoMembers = Gzip("Package: a\nVersion: 1\n\n"u8.ToArray()).Concat(Gzip(s_plain)).ToArray();

        Assert.Throws<InvalidDataException>(() => Decode(new MemoryStream(twoMembers)));
    }
}

using Piuparts.Core.Archive;
using Piuparts.Core.Tests.Support;
using SharpCompress.Compressors.Xz;

namespace Piuparts.Core.Tests.Archive;

public class LzmaStreamTests
{
    private static byte[] ReadAll(Stream stream, int bufferSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            output.Write(buffer, 0, n);
        return output.ToArray();
    }

    [Fact]
    public void The_system_decoder_gives_the_same_bytes_as_the_managed_one()
    {
        var compressed = File.ReadAllBytes(BookwormExcerpt.XzPath);

        using var native = LzmaStream.TryCreate(new MemoryStream(compressed));
        using var managed = new XZStream(new MemoryStream(compressed));

        Assert.NotNull(native); // liblzma5 is on every Debian system: dpkg depends on it
        var expected = ReadAll(managed, 1 << 16);
        Assert.Equal(expected, ReadAll(native, 4099));
        Assert.True(expected.Length > 1_000_000);
    }

    [Fact]
    public void Two_concatenated_xz_streams_decode_as_one_file()
    {
        var compressed = File.ReadAllBytes(BookwormExcerpt.XzPath);
        using var once = LzmaStream.TryCreate(new MemoryStream(compressed))!;
        var single = ReadAll(once, 1 << 16);

        using var twice = LzmaStream.TryCreate(new MemoryStream([.. compressed, .. compressed]))!;

        Assert.Equal([.. single, .. single], ReadAll(twice, 1 << 16));
    }

    [Fact]
    public void A_truncated_file_is_invalid_data_not_a_short_read()
    {
        var compressed = File.ReadAllBytes(BookwormExcerpt.XzPath);
        using var truncated = LzmaStream.TryCreate(new MemoryStream(compressed[..(compressed.Length / 2)]))!;

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(truncated, 1 << 16));
        Assert.Contains("xz", error.Message);
    }

    [Fact]
    public void Data_that_is_not_xz_is_invalid_data()
    {
        using var garbage = LzmaStream.TryCreate(new MemoryStream("Package: hello\n"u8.ToArray()))!;

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(garbage, 1024));
        Assert.Contains("not in .xz format", error.Message);
    }
}

using Piuparts.Core.IO;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.IO;

public sealed class FileContentTests
{
    private static byte[] Page(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    [Fact]
    public void A_file_is_its_bytes_and_not_bytes_that_differ_after_its_first_blocks_or_in_length()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "state.html");
        var bytes = Page(200_000);
        File.WriteAllBytes(path, bytes);
        var late = (byte[])bytes.Clone();
        late[150_000] ^= 1;

        Assert.True(FileContent.Is(path, bytes));
        Assert.False(FileContent.Is(path, late));
        Assert.False(FileContent.Is(path, bytes.AsSpan(0, 199_999)));
        Assert.False(FileContent.Is(path, Page(200_001)));
    }

    [Fact]
    public void A_missing_file_or_directory_holds_nothing()
    {
        using var directory = new TemporaryDirectory();

        Assert.False(FileContent.Is(Path.Combine(directory.Path, "missing.html"), []));
        Assert.False(FileContent.Is(Path.Combine(directory.Path, "missing", "page.html"), [1]));
    }
}

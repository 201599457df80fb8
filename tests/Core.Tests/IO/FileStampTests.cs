using Piuparts.Core.IO;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.IO;

/// <summary>A file's size and time from one statx call: the same values FileInfo gives, null where FileInfo says the file does not exist.</summary>
public sealed class FileStampTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("page.html")]
    [InlineData("sid/source/libä/libäx.html")]
    public void A_file_has_the_size_and_time_FileInfo_gives(string relative)
    {
        var path = Path.Combine(_directory.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<p>twelve b</p>");
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 25, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234567));

        var stamp = FileStamp.Of(_directory.Path, relative);

        var info = new FileInfo(path);
        Assert.Equal((info.Length, info.LastWriteTimeUtc.Ticks), stamp);
        Assert.Equal(stamp, FileStamp.Of(_directory.Path + "/", relative));
    }

    [Fact]
    public void A_missing_file_a_directory_and_a_path_through_a_file_have_none()
    {
        File.WriteAllText(Path.Combine(_directory.Path, "file"), "x");
        Directory.CreateDirectory(Path.Combine(_directory.Path, "dir"));

        Assert.Null(FileStamp.Of(_directory.Path, "missing.html"));
        Assert.Null(FileStamp.Of(_directory.Path, "dir"));
        Assert.Null(FileStamp.Of(_directory.Path, "file/below.html"));
    }

    [Fact]
    public void An_empty_directory_leaves_the_path_relative_as_Path_Combine_does()
    {
        var name = $"file-stamp-test-{Guid.NewGuid():N}.txt";
        File.WriteAllText(name, "abcd");
        try
        {
            Assert.Equal(4, FileStamp.Of("", name)?.Length);
        }
        finally
        {
            File.Delete(name);
        }
    }

    [Fact]
    public void A_path_longer_than_the_stack_buffer_is_stat_ed_as_well()
    {
        var relative = string.Join('/', Enumerable.Repeat(new string('d', 200), 6)) + "/page.html";
        var path = Path.Combine(_directory.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "abc");

        Assert.Equal(3, FileStamp.Of(_directory.Path, relative)?.Length);
    }
}

using Piuparts.Core.Archive;

namespace Piuparts.Core.Tests.Support;

/// <summary>The shipped real excerpt of Debian bookworm main amd64 (every 30th stanza, 2,115 packages).</summary>
public static class BookwormExcerpt
{
    public static string XzPath => DebianTools.DataPath("Archive", "bookworm-main-amd64-excerpt.Packages.xz");

    public static ArchiveIndex<BinaryPackage> Load()
    {
        using var file = File.OpenRead(XzPath);
        using var decoded = IndexCompression.Xz.Decode(file);
        var index = PackagesIndex.NewBinaryIndex();
        var errors = PackagesIndex.ReadBinaries(decoded, XzPath, index);
        Assert.Empty(errors);
        return index;
    }
}

using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

public sealed class PackageCheckTests
{
    private static ArchiveIndex<BinaryPackage> Index(string packages)
    {
        var index = PackagesIndex.NewBinaryIndex();
        Assert.Empty(PackagesIndex.ReadBinaries(new MemoryStream(Encoding.UTF8.GetBytes(packages)), "Packages", index));
        return index;
    }

    private static readonly Dictionary<string, ArchiveIndex<BinaryPackage>> Sid = new()
    {
        ["sid"] = Index("Package: gg\nVersion: 2.0\nDepends: libc6\n\nPackage: hh\nVersion: 1\n"),
    };

    [Fact]
    public void A_package_of_the_reserved_version_passes_and_its_stanza_goes_into_the_log()
    {
        var (ret, text) = PackageCheck.Run("gg", "2.0", "sid", [], Sid);

        Assert.Equal(0, ret);
        Assert.Equal("\nPackage: gg\nVersion: 2.0\nDepends: libc6\n\n", text);
    }

    [Fact]
    public void A_package_missing_from_the_slaves_packages_file_is_untestable()
    {
        var (ret, text) = PackageCheck.Run("zz", "1", "sid", [], Sid);

        Assert.Equal(PackageCheck.NotFound, ret);
        Assert.Equal("Package zz not found in sid\n", text);
    }

    [Fact]
    public void Another_version_than_the_reserved_one_is_untestable_and_the_stanza_is_still_written()
    {
        var (ret, text) = PackageCheck.Run("gg", "1.9", "sid", [], Sid);

        Assert.Equal(PackageCheck.WrongVersion, ret);
        Assert.Equal("Package gg 1.9 not found in sid, 2.0 is available\n\nPackage: gg\nVersion: 2.0\nDepends: libc6\n\n", text);
    }

    private static readonly Dictionary<string, ArchiveIndex<BinaryPackage>> Upgrade = new()
    {
        ["bookworm"] = Index("Package: gg\nVersion: 3.0\n\nPackage: gone\nVersion: 1\n"),
        ["trixie"] = Index("Package: gg\nVersion: 2.0\n\nPackage: new\nVersion: 1\n"),
    };

    [Fact]
    public void An_upgrade_that_would_downgrade_the_package_is_untestable()
    {
        var (ret, text) = PackageCheck.Run("gg", "2.0", "trixie", ["bookworm", "trixie"], Upgrade);

        Assert.Equal(PackageCheck.Downgrade, ret);
        Assert.Equal("\n[bookworm]\nPackage: gg\nVersion: 3.0\n\n[trixie]\nPackage: gg\nVersion: 2.0\n\nUpgrade to trixie requires downgrade: 3.0 > 2.0\n", text);
    }

    [Fact]
    public void A_package_that_disappears_in_the_upgrade_is_tested_with_version_None()
    {
        var (ret, text) = PackageCheck.Run("gone", "None", "trixie", ["bookworm", "trixie"], Upgrade);

        Assert.Equal(0, ret);
        Assert.Equal("\n[bookworm]\nPackage: gone\nVersion: 1\n\n[trixie]\n\n", text);
    }

    [Fact]
    public void A_package_in_no_distribution_of_the_upgrade_is_untestable()
    {
        var (ret, text) = PackageCheck.Run("zz", "1", "trixie", ["bookworm", "trixie"], Upgrade);

        Assert.Equal(PackageCheck.NotInTarget, ret);
        Assert.StartsWith("Package zz not found in any distribution\nPackage zz not found in trixie\n", text);
    }
}

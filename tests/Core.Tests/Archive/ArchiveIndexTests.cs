using System.Text;
using Piuparts.Core.Archive;

namespace Piuparts.Core.Tests.Archive;

public class ArchiveIndexTests
{
    private static ArchiveIndex<BinaryPackage> Load(string text)
    {
        var index = PackagesIndex.NewBinaryIndex();
        var errors = PackagesIndex.ReadBinaries(new MemoryStream(Encoding.UTF8.GetBytes(text)), "Packages", index);
        Assert.Empty(errors);
        return index;
    }

    [Fact]
    public void A_duplicate_package_keeps_its_first_place_and_takes_the_newer_version()
    {
        var index = Load("Package: aa\nVersion: 1.0\n\nPackage: bb\nVersion: 1\n\nPackage: aa\nVersion: 1.0+b1\n\nPackage: cc\nVersion: 1\n");

        Assert.Equal(["aa", "bb", "cc"], index.InOrder.Select(p => p.Name));
        Assert.Equal("1.0+b1", index["aa"]!.Version);
    }

    [Fact]
    public void An_older_or_equal_duplicate_changes_nothing()
    {
        var index = Load("Package: aa\nVersion: 2\nTag: first\n\nPackage: aa\nVersion: 1:0\nTag: epoch\n\nPackage: aa\nVersion: 1:0\nTag: same\n");

        Assert.Equal("1:0", index["aa"]!.Version);
        Assert.Equal("epoch", index["aa"]!.Paragraph["Tag"]);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void A_paragraph_without_package_or_version_is_an_error_with_its_line()
    {
        var index = PackagesIndex.NewBinaryIndex();
        var errors = PackagesIndex.ReadBinaries(new MemoryStream("Package: aa\nVersion: 1\n\nVersion: 2\n\nPackage: cc\n"u8.ToArray()), "P", index);

        Assert.Equal([(4, "paragraph has no Package field"), (6, "package cc has no Version field")], errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(["aa"], index.InOrder.Select(p => p.Name));
    }

    [Fact]
    public void Source_name_and_version_come_from_the_source_field_or_the_package_itself()
    {
        var index = Load("Package: libfoo1\nVersion: 1.2-3+b1\nSource: foo (1.2-3)\n\nPackage: bar-utils\nVersion: 4\nSource: bar\n\nPackage: baz\nVersion: 5\n");

        Assert.Equal(("foo", "1.2-3"), (index["libfoo1"]!.SourceName, index["libfoo1"]!.SourceVersion));
        Assert.Equal(("bar", "4"), (index["bar-utils"]!.SourceName, index["bar-utils"]!.SourceVersion));
        Assert.Equal(("baz", "5"), (index["baz"]!.SourceName, index["baz"]!.SourceVersion));
    }

    [Fact]
    public void Sources_give_binaries_and_uploaders_one_by_one()
    {
        var index = PackagesIndex.NewSourceIndex();
        var text = "Package: foo\nVersion: 1\nBinary: foo, libfoo1,\n libfoo-dev\nMaintainer: A <a@d.org>\nUploaders: \"Doe, John\" <j@d.org>, Ann Other <ann@d.org>\n";
        var errors = PackagesIndex.ReadSources(new MemoryStream(Encoding.UTF8.GetBytes(text)), "Sources", index);

        Assert.Empty(errors);
        var foo = index["foo"]!;
        Assert.Equal(["foo", "libfoo1", "libfoo-dev"], foo.Binaries);
        Assert.Equal("A <a@d.org>", foo.Maintainer);
        Assert.Equal(["\"Doe, John\" <j@d.org>", "Ann Other <ann@d.org>"], foo.Uploaders);
    }

    [Fact]
    public void Uploaders_split_only_on_commas_after_an_address_even_when_many_names_hold_commas()
    {
        var index = PackagesIndex.NewSourceIndex();
        var text = "Package: team\nVersion: 1\nBinary: team\nMaintainer: T <t@d.org>\n" +
                   "Uploaders: A <a@d.org>, \"Doe, John\" <j@d.org>,\n \"X, Y, Z\" <x@d.org>,Bare Name, B <b@d.org>\n";
        PackagesIndex.ReadSources(new MemoryStream(Encoding.UTF8.GetBytes(text)), "Sources", index);

        Assert.Equal(["A <a@d.org>", "\"Doe, John\" <j@d.org>", "\"X, Y, Z\" <x@d.org>", "Bare Name, B <b@d.org>"], index["team"]!.Uploaders);
        Assert.Same(index["team"]!.Uploaders, index["team"]!.Uploaders);
    }
}

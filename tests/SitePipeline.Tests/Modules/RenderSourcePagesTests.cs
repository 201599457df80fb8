using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Tests.Support;
using static Piuparts.SitePipeline.Modules.RenderSourcePages;

namespace Piuparts.SitePipeline.Tests.Modules;

/// <summary>Index pages of sources and maintainers: rendered in pieces with the bytes of one rendering; unchanged pieces come from the cache.</summary>
public sealed class RenderSourcePagesTests
{
    private static readonly Fingerprints Prints = new("templates");

    private static IndexEntry[] Entries(int count, Func<int, string>? note = null) =>
        Enumerable.Range(0, count).Select(i => new IndexEntry($"src{i:D4}", $"s/src{i:D4}.html", (note ?? (_ => "pass"))(i))).ToArray();

    private static PiecedIndex Pieced(IReadOnlyList<IndexEntry> entries, int perPiece)
    {
        var (pieces, prints) = ListPieces.Cut(Prints, entries, e => e.Name, (buffer, e) => e.WriteTo(buffer), perPiece);
        return new PiecedIndex(new IndexPrint("Source packages", "sid", entries.Count, prints), pieces);
    }

    private static string Text(IReadOnlyList<ReadOnlyMemory<byte>> parts) => System.Text.Encoding.UTF8.GetString(Splice.Join(parts));

    [Fact]
    public void An_index_rendered_in_pieces_is_the_same_as_rendered_in_one()
    {
        var (templates, _) = TemplateSet.Load();
        var entries = Entries(9, i => i == 3 ? "fail" : "pass");

        var whole = Text(IndexBody(templates!, Pieced(entries, 100_000), null));

        Assert.Equal(whole, Text(IndexBody(templates!, Pieced(entries, 2), null)));
        Assert.Equal(whole, Text(IndexBody(templates!, Pieced(entries, 1), null)));
        var items = Html.Parse($"<html><body>{whole}</body></html>").QuerySelectorAll("ul.directory > li");
        Assert.Equal(entries.Select(e => e.Name), items.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Contains("<p>9 entries.</p>", whole, StringComparison.Ordinal);
        Assert.Contains("<a href=\"s/src0003.html\">src0003</a> <span class=\"note\">fail</span>", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_verdict_renders_one_piece_and_the_others_come_from_the_cache()
    {
        var (templates, _) = TemplateSet.Load();
        using var output = new TemporaryDirectory();
        var before = Pieced(Entries(300), 16);
        IndexBody(templates!, before, PieceCache.Load(output.Path, "sid/source/index.html"));
        var changed = Entries(300, i => i == 40 ? "fail" : "pass");

        var after = Pieced(changed, 16);
        var body = Text(IndexBody(templates!, after, PieceCache.Load(output.Path, "sid/source/index.html")));

        Assert.True(before.Pieces.Count > 5, $"{before.Pieces.Count} pieces");
        Assert.Single(after.Print.Pieces.Except(before.Print.Pieces));
        Assert.Equal(Text(IndexBody(templates!, Pieced(changed, 100_000), null)), body);
    }

    [Fact]
    public void Every_field_of_an_entry_changes_its_piece_fingerprint()
    {
        var entry = new IndexEntry("src", "s/src.html", "pass");
        string Print(IndexEntry e) => Pieced([e], 100).Print.Pieces.Single();

        var prints = new[] { entry with { Name = "srd" }, entry with { Href = "s/srd.html" }, entry with { Note = null } }.Select(Print).ToList();

        Assert.All(prints, print => Assert.NotEqual(Print(entry), print));
        Assert.Equal(prints.Count, prints.Distinct().Count());
        // A field added to an entry must be written into the fingerprint too (IndexEntry.WriteTo).
        Assert.Equal(3, typeof(IndexEntry).GetProperties().Length);
    }
}

using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Modules;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Tests.Support;
using static Piuparts.SitePipeline.Modules.RenderSectionPages;

namespace Piuparts.SitePipeline.Tests.Modules;

/// <summary>Log lists: a big list is rendered in pieces and joined, with the same bytes; unchanged pieces come from the cache.</summary>
public sealed class RenderSectionPagesTests
{
    private static LogListModel List(int count = 300, int skip = -1, Func<int, string>? version = null) =>
        new("sid", "Passed logs", "Logs of packages that passed the test.", false, Enumerable.Range(0, count).Where(i => i != skip)
            .Select(i => new LogListEntry($"pkg{i:D4}", [new LogLink($"pass/pkg{i:D4}_{(version ?? (_ => "1"))(i)}.log", (version ?? (_ => "1"))(i), i % 7 == 0)]))
            .ToArray());

    private static string Text(IReadOnlyList<ReadOnlyMemory<byte>> parts) => System.Text.Encoding.UTF8.GetString(Splice.Join(parts));

    private static string Whole(TemplateSet templates, LogListModel model) =>
        Text(LogListBody(templates, Pieced(new Fingerprints("templates"), model, rowsPerPiece: 100_000), null));

    [Fact]
    public void A_log_list_rendered_in_pieces_is_the_same_as_rendered_in_one()
    {
        var (templates, errors) = TemplateSet.Load();
        Assert.Empty(errors);
        var model = List(count: 9);

        var whole = Whole(templates!, model);

        Assert.Equal(whole, Text(LogListBody(templates!, Pieced(new Fingerprints("templates"), model, rowsPerPiece: 2), null)));
        Assert.Equal(whole, Text(LogListBody(templates!, Pieced(new Fingerprints("templates"), model, rowsPerPiece: 1), null)));
        var rows = Html.Parse($"<html><body>{whole}</body></html>").QuerySelectorAll("table.logs tbody tr");
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"pkg{i:D4}"), rows.Select(tr => tr.QuerySelector("td")!.TextContent));
        Assert.Contains("The list has 9 packages.", whole, StringComparison.Ordinal);
        Assert.Contains("<a href=\"pass/pkg0007_1.log\">1</a> [cruft]</td>", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_log_changes_one_piece_of_the_list_and_the_others_keep_their_fingerprints()
    {
        var fingerprints = new Fingerprints("templates");
        var before = Pieced(fingerprints, List(skip: 150), rowsPerPiece: 16);

        var added = Pieced(fingerprints, List(), rowsPerPiece: 16);
        var newer = Pieced(fingerprints, List(skip: 150, version: i => i == 40 ? "2" : "1"), rowsPerPiece: 16);

        Assert.True(before.Pieces.Count > 5, $"{before.Pieces.Count} pieces");
        Assert.Single(added.Prints.Except(before.Prints));
        Assert.Single(newer.Prints.Except(before.Prints));
    }

    [Fact]
    public void Every_field_of_a_row_changes_its_piece_fingerprint()
    {
        var fingerprints = new Fingerprints("templates");
        var entry = new LogListEntry("pkg", [new LogLink("pass/pkg_1.log", "1", false)]);
        string Print(LogListEntry e) => Pieced(fingerprints, List(count: 0) with { Packages = [e] }).Prints.Single();

        var prints = new[]
        {
            entry with { Name = "pkh" },
            entry with { Logs = [entry.Logs[0] with { Href = "fail/pkg_1.log" }] },
            entry with { Logs = [entry.Logs[0] with { Version = "2" }] },
            entry with { Logs = [entry.Logs[0] with { Cruft = true }] },
            entry with { Logs = [entry.Logs[0], entry.Logs[0]] },
        }.Select(Print).ToList();

        Assert.All(prints, print => Assert.NotEqual(Print(entry), print));
        Assert.Equal(prints.Count, prints.Distinct().Count());
        // A field added to a row must be written into the fingerprint too (LogListEntry.WriteTo).
        Assert.Equal(2, typeof(LogListEntry).GetProperties().Length);
        Assert.Equal(3, typeof(LogLink).GetProperties().Length);
    }

    [Fact]
    public void A_log_list_joins_cached_pieces_with_the_changed_one_into_the_bytes_of_a_whole_rendering()
    {
        var (templates, _) = TemplateSet.Load();
        using var output = new TemporaryDirectory();
        var fingerprints = new Fingerprints("templates");
        LogListBody(templates!, Pieced(fingerprints, List(skip: 150), 16), PieceCache.Load(output.Path, "sid/pass.html"));
        var file = Directory.GetFiles(output.Path, "*.pieces", SearchOption.AllDirectories).Single();
        // Each piece is taken from the cache as recorded, without rendering: a marked copy shows it.
        var marked = File.ReadAllBytes(file);
        var at = System.Text.Encoding.UTF8.GetString(marked).IndexOf(">pkg0000<", StringComparison.Ordinal);
        marked[at + 3] = (byte)'X';
        File.WriteAllBytes(file, marked);

        var body = Text(LogListBody(templates!, Pieced(fingerprints, List(), 16), PieceCache.Load(output.Path, "sid/pass.html")));

        Assert.Equal(Whole(templates!, List()).Replace(">pkg0000<", ">pkX0000<", StringComparison.Ordinal), body);
        Assert.Contains(">pkg0150<", body, StringComparison.Ordinal);
    }
}

using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Modules;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Modules;

/// <summary>State pages: a big list is rendered in pieces and joined, with the same bytes; unchanged pieces come from the cache.</summary>
public sealed class RenderStatePagesTests
{
    private static RenderStatePages.StatePageModel Model()
    {
        var libc = new RenderStatePages.DependencyEntry("libc6", "state-successfully-tested.html#libc6", "successfully-tested", false, [], []);
        var mail = new RenderStatePages.DependencyEntry("mail-transport-agent", null, "unknown", true,
            [new("exim4", "state-failed-testing.html#exim4", "failed-testing", true, [], [])], []);
        var packages = Enumerable.Range(0, 7).Select(i => new RenderStatePages.StateEntry(
            $"pkg{i}", $"pkg{i}", $"source/p/pkg{i}.html", i % 2 == 0, i == 3, i, i / 2, i == 5 ? null : "Ann <ann@example.org>",
            i % 3 == 0 ? [libc, mail with { Alternatives = [libc] }] : [])).ToArray();
        return new RenderStatePages.StatePageModel("sid", "dependency-failed-testing", true, packages);
    }

    [Fact]
    public void A_state_page_rendered_in_pieces_is_the_same_as_rendered_in_one()
    {
        var (templates, errors) = TemplateSet.Load();
        Assert.Empty(errors);

        var whole = RenderStatePages.StateBody(templates!, Model(), rowsPerPiece: 1000);

        Assert.Equal(whole, RenderStatePages.StateBody(templates!, Model(), rowsPerPiece: 2));
        Assert.Equal(whole, RenderStatePages.StateBody(templates!, Model(), rowsPerPiece: 1));
        var list = Html.Parse($"<html><body>{whole}</body></html>").QuerySelectorAll("ul.packages > li");
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"pkg{i}"), list.Select(li => li.Id));
        Assert.Contains("<p class=\"count\">7 packages.", whole, StringComparison.Ordinal);
    }

    private static string Text(IReadOnlyList<ReadOnlyMemory<byte>> parts) => System.Text.Encoding.UTF8.GetString(Splice.Join(parts));

    private static RenderStatePages.StatePageModel Big(Func<int, string?>? maintainer = null, int count = 300, int skip = -1) =>
        new("sid", "successfully-tested", false, Enumerable.Range(0, count).Where(i => i != skip).Select(i => new RenderStatePages.StateEntry(
            $"pkg{i:D4}", $"pkg{i:D4}", $"source/p/pkg{i:D4}.html", false, false, 0, 0, (maintainer ?? (_ => "Ann <ann@example.org>"))(i), [])).ToArray());

    [Fact]
    public void A_changed_or_new_package_changes_one_piece_of_the_list_and_the_others_keep_their_fingerprints()
    {
        var fingerprints = new Fingerprints("templates");
        var before = RenderStatePages.Pieced(fingerprints, Big(skip: 150), rowsPerPiece: 16);

        var changed = RenderStatePages.Pieced(fingerprints, Big(i => i == 40 ? "Bob <bob@example.org>" : "Ann <ann@example.org>", skip: 150), rowsPerPiece: 16);
        var added = RenderStatePages.Pieced(fingerprints, Big(), rowsPerPiece: 16);

        Assert.True(before.Pieces.Count > 5, $"{before.Pieces.Count} pieces");
        Assert.Single(changed.Prints.Except(before.Prints));
        Assert.Single(added.Prints.Except(before.Prints));
    }

    [Fact]
    public void A_dependency_shared_by_many_rows_is_fingerprinted_from_its_kept_bytes_as_from_its_fields()
    {
        var fingerprints = new Fingerprints("templates");
        var model = Model();
        var fromFields = fingerprints.OfFields(buffer =>
        {
            buffer.Write(model.Error);
            buffer.Write(model.Packages.Count);
            foreach (var entry in model.Packages)
                entry.WriteTo(buffer);
        });

        // libc6 is in three rows and in an alternative: its bytes are written once and copied.
        Assert.Equal(fromFields, RenderStatePages.Pieced(fingerprints, model, rowsPerPiece: 1000).Prints.Single());
    }

    [Fact]
    public void A_change_in_any_field_of_a_row_down_to_a_dependencys_provider_or_alternative_changes_its_pieces_fingerprint()
    {
        var fingerprints = new Fingerprints("templates");
        var model = Model();
        string Print(RenderStatePages.StatePageModel m) => RenderStatePages.Pieced(fingerprints, m, rowsPerPiece: 1000).Prints.Single();
        RenderStatePages.StatePageModel With(Func<RenderStatePages.StateEntry, RenderStatePages.StateEntry> change) =>
            model with { Packages = [change(model.Packages[0]), .. model.Packages.Skip(1)] };
        RenderStatePages.StateEntry WithMail(RenderStatePages.StateEntry e, Func<RenderStatePages.DependencyEntry, RenderStatePages.DependencyEntry> change) =>
            e with { Deps = [e.Deps[0], change(e.Deps[1])] };
        var original = Print(model);

        var changed = new[]
        {
            With(e => e with { Name = "pkgX" }), With(e => e with { Id = "pkgX" }), With(e => e with { SourcePage = "source/p/x.html" }),
            With(e => e with { All = !e.All }), With(e => e with { Cruft = !e.Cruft }), With(e => e with { Rdeps = 9 }),
            With(e => e with { Blocked = 9 }), With(e => e with { Maintainer = null }), With(e => e with { Deps = e.Deps.Take(1).ToArray() }),
            With(e => e with { Deps = [e.Deps[0] with { Name = "libc6.1" }, e.Deps[1]] }),
            With(e => WithMail(e, d => d with { Href = "state-x.html#m" })), With(e => WithMail(e, d => d with { State = "x" })),
            With(e => WithMail(e, d => d with { Bad = false })),
            With(e => WithMail(e, d => d with { Providers = [d.Providers[0] with { State = "successfully-tested" }] })),
            With(e => WithMail(e, d => d with { Alternatives = [d.Alternatives[0] with { Href = null }] })),
            With(e => WithMail(e, d => d with { Providers = [], Alternatives = [.. d.Alternatives, .. d.Providers] })),
            model with { Error = false },
        }.Select(Print).ToList();

        Assert.Equal(original, Print(Model()));
        Assert.All(changed, print => Assert.NotEqual(original, print));
        Assert.Equal(changed.Count, changed.Distinct().Count());
        // A field added to a row must be written into the fingerprint too (StateEntry.WriteTo).
        Assert.Equal(9, typeof(RenderStatePages.StateEntry).GetProperties().Length);
        Assert.Equal(6, typeof(RenderStatePages.DependencyEntry).GetProperties().Length);
    }

    [Fact]
    public void A_state_page_joins_cached_pieces_with_the_changed_one_into_the_bytes_of_a_whole_rendering()
    {
        var (templates, _) = TemplateSet.Load();
        using var output = new TemporaryDirectory();
        var fingerprints = new Fingerprints("templates");
        RenderStatePages.StateBody(templates!, RenderStatePages.Pieced(fingerprints, Big(), 16), PieceCache.Load(output.Path, "sid/state-successfully-tested.html"));
        var model = Big(i => i == 40 ? "Bob <bob@example.org>" : "Ann <ann@example.org>");

        var body = Text(RenderStatePages.StateBody(templates!, RenderStatePages.Pieced(fingerprints, model, 16), PieceCache.Load(output.Path, "sid/state-successfully-tested.html")));

        Assert.Equal(RenderStatePages.StateBody(templates!, model, rowsPerPiece: 1000), body);
        Assert.Contains("Bob &lt;bob@example.org&gt;", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_piece_is_used_as_recorded_and_a_damaged_cache_only_costs_rendering_every_piece()
    {
        var (templates, _) = TemplateSet.Load();
        using var output = new TemporaryDirectory();
        var page = RenderStatePages.Pieced(new Fingerprints("templates"), Big(), 16);
        var whole = Text(RenderStatePages.StateBody(templates!, page, PieceCache.Load(output.Path, "sid/state-x.html")));
        var file = Directory.GetFiles(output.Path, "*.pieces", SearchOption.AllDirectories).Single();

        // A piece is taken from the cache as recorded, without rendering: a marked copy shows it.
        var marked = File.ReadAllBytes(file);
        var at = System.Text.Encoding.UTF8.GetString(marked).IndexOf("pkg0000</a>", StringComparison.Ordinal);
        marked[at + 2] = (byte)'X';
        File.WriteAllBytes(file, marked);
        Assert.Contains("pkX0000", Text(RenderStatePages.StateBody(templates!, page, PieceCache.Load(output.Path, "sid/state-x.html"))), StringComparison.Ordinal);

        File.WriteAllBytes(file, marked[..(marked.Length / 2)]);
        Assert.Equal(whole, Text(RenderStatePages.StateBody(templates!, page, PieceCache.Load(output.Path, "sid/state-x.html"))));
    }
}

using System.Text;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// One page per active state of each changed section (report.md §6.9), listing its packages
/// with their dependencies' states. They need only the computed states and the charts (for the
/// navigation), so the pipeline runs this right after DrawCharts and BeginWriting starts writing
/// them on a core of their own while the history is read and the other pages are modelled: on
/// full bookworm they are a third of what WriteFiles would otherwise do.
/// </summary>
public sealed class RenderStatePages : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            foreach (var state in PackageStates.ActiveStates)
                output.Add(StatePage(context, section, state));
        }
        return output;
    }

    private static Document StatePage(SiteContext context, SectionModel section, PackageState state)
    {
        var destination = $"{section.Name}/state-{state.Name()}.html";
        return PageFrame.Page(context, destination, $"Packages in state {state.Name()} in {section.Name}", section.Name, () =>
        {
            var db = section.Db;
            bool error = StateDisplay.IsError(state);
            var names = db.InState(state).ToList();
            var counts = names.ToDictionary(n => n, n => error ? db.Reverse(n) : default, StringComparer.Ordinal);
            if (error)
                names = names.OrderByDescending(n => counts[n].BlockCount).ThenBy(n => n, StringComparer.Ordinal).ToList();
            var packages = names.Select(name =>
            {
                var package = db.Package(name)!;
                return new StateEntry(
                    name, Naming.HtmlId(name), Naming.SourcePage(package.SourceName),
                    package.Architecture == "all", section.IsCruft(package, missingSource: true),
                    counts[name].RdepCount, counts[name].BlockCount, package.Paragraph["Maintainer"],
                    db.DependencyGroups(name).Select(group => Dependency(section, group)).ToArray());
            }).ToArray();
            return Pieced(context.Fingerprints, new StatePageModel(section.Name, state.Name(), error, packages));
        },
        p => new StatePrint(p.Model.Section, p.Model.State, p.Model.Error, p.Model.Packages.Count, p.Prints),
        p => StateBody(context.Templates, p, PieceCache.Load(context.OutputDirectory, destination)), "state");
    }

    /// <summary>Packages per piece of a state page's list, on average.</summary>
    public const int RowsPerPiece = 256;

    /// <summary>
    /// The list of a state page cut into pieces (<see cref="ListPieces"/>); the page's fingerprint
    /// is made of its pieces' ones.
    /// </summary>
    public static PiecedStatePage Pieced(Fingerprints fingerprints, StatePageModel model, int rowsPerPiece = RowsPerPiece)
    {
        var pieces = ListPieces.Split(model.Packages, p => p.Name, rowsPerPiece);
        var prints = new string[pieces.Count];
        // Each core keeps the bytes of the dependencies it wrote: libc6's entry is in most rows.
        Parallel.For(0, pieces.Count, () => new Dictionary<DependencyEntry, byte[]>(ReferenceEqualityComparer.Instance), (i, _, written) =>
        {
            prints[i] = fingerprints.OfFields(buffer =>
            {
                buffer.Write(model.Error);
                buffer.Write(pieces[i].Length);
                foreach (var entry in pieces[i])
                    entry.WriteTo(buffer, written);
            });
            return written;
        }, _ => { });
        return new PiecedStatePage(model, pieces, prints);
    }

    /// <summary>
    /// The body of a state page as UTF-8 parts: each piece of its list taken from
    /// <paramref name="cache"/> when its fingerprint is there, else rendered (on every core),
    /// between the heading and the end of the list; the bytes do not depend on how the list was cut.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> StateBody(TemplateSet templates, PiecedStatePage page, PieceCache? cache)
    {
        var model = page.Model;
        var rows = ListPieces.Render(page.Pieces, page.Prints, cache, piece => templates.Render("state-rows", new { model.Error, Packages = piece }));
        return Splice.Around(templates.Render("state", new { model.Section, model.State, model.Error, Count = model.Packages.Count, Rows = Splice.Hole }), rows);
    }

    /// <summary>The body of a state page rendered whole, in pieces of about <paramref name="rowsPerPiece"/> packages.</summary>
    public static string StateBody(TemplateSet templates, StatePageModel model, int rowsPerPiece = RowsPerPiece) =>
        Encoding.UTF8.GetString(Splice.Join(StateBody(templates, new PiecedStatePage(model, ListPieces.Split(model.Packages, p => p.Name, rowsPerPiece), []), null)));

    private static DependencyEntry Dependency(SectionModel section, string[] group)
    {
        var first = Named(section, group[0]);
        return group.Length == 1 ? first : first with { Alternatives = group.Skip(1).Select(name => Named(section, name)).ToArray() };
    }

    // A name's entry is the same wherever it is depended on (libc6 by tens of thousands): made once per section.
    private static DependencyEntry Named(SectionModel section, string name) =>
        section.DependencyEntries.GetOrAdd(name, static (name, section) => MakeNamed(section, name), section);

    private static DependencyEntry MakeNamed(SectionModel section, string name)
    {
        var db = section.Db;
        var state = db.DependencyState(name);
        var providers = db.ProvidersOfName(name).Select(p =>
        {
            var providerState = db.ResolvedState(p);
            return new DependencyEntry(p, StateLink(section, p), providerState.Name(), StateDisplay.IsBad(providerState), [], []);
        }).ToArray();
        return new DependencyEntry(name, StateLink(section, name), state.Name(), StateDisplay.IsBad(state), providers, []);
    }

    private static string? StateLink(SectionModel section, string name) =>
        section.Db.Contains(name) ? $"state-{section.Db.OwnState(name).Name()}.html#{Naming.HtmlId(name)}" : null;

    public sealed record StatePageModel(string Section, string State, bool Error, IReadOnlyList<StateEntry> Packages);

    /// <summary>A state page's model with its list cut into pieces, and each piece's fingerprint.</summary>
    public sealed record PiecedStatePage(StatePageModel Model, IReadOnlyList<StateEntry[]> Pieces, IReadOnlyList<string> Prints);

    /// <summary>What a state page's fingerprint covers: its heading and its pieces' fingerprints.</summary>
    public sealed record StatePrint(string Section, string State, bool Error, int Count, IReadOnlyList<string> Pieces);

    public sealed record StateEntry(string Name, string Id, string SourcePage, bool All, bool Cruft, int Rdeps, int Blocked, string? Maintainer, IReadOnlyList<DependencyEntry> Deps)
    {
        /// <summary>Every field, for a piece's fingerprint; <paramref name="written"/> as in <see cref="DependencyEntry.WriteTo"/>.</summary>
        public void WriteTo(DigestBuffer buffer, Dictionary<DependencyEntry, byte[]>? written = null)
        {
            buffer.Write(Name);
            buffer.Write(Id);
            buffer.Write(SourcePage);
            buffer.Write(All);
            buffer.Write(Cruft);
            buffer.Write(Rdeps);
            buffer.Write(Blocked);
            buffer.Write(Maintainer);
            DependencyEntry.WriteTo(buffer, Deps, written);
        }
    }

    public sealed record DependencyEntry(string Name, string? Href, string State, bool Bad, IReadOnlyList<DependencyEntry> Providers, IReadOnlyList<DependencyEntry> Alternatives)
    {
        /// <summary>
        /// Every field of every entry of <paramref name="entries"/>, with their count. The bytes of
        /// an entry are kept in <paramref name="written"/> (by reference: entries are immutable, a
        /// changed one is another object) and copied when it comes again, the same bytes.
        /// </summary>
        public static void WriteTo(DigestBuffer buffer, IReadOnlyList<DependencyEntry> entries, Dictionary<DependencyEntry, byte[]>? written = null)
        {
            buffer.Write(entries.Count);
            for (int i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (written != null && written.TryGetValue(entry, out var bytes))
                {
                    buffer.Write(bytes);
                    continue;
                }
                int start = buffer.Length;
                buffer.Write(entry.Name);
                buffer.Write(entry.Href);
                buffer.Write(entry.State);
                buffer.Write(entry.Bad);
                WriteTo(buffer, entry.Providers, written);
                WriteTo(buffer, entry.Alternatives, written);
                // A group with alternatives is made per row; a named entry is shared by all.
                if (written != null && entry.Alternatives.Count == 0)
                    written[entry] = buffer.CopyFrom(start);
            }
        }
    }
}

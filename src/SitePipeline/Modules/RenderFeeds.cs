using Piuparts.Core.States;
using Piuparts.SitePipeline.Feeds;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// The Atom feed of state changes of each section, &lt;section&gt;/feed.atom (a maintainer's
/// feed, across sections, is RenderMaintainerFeeds'). A changed section's packages are compared
/// with the states the last run recorded (FeedRecord): new failures, then fixes, become
/// entries dated with the run's time, put before the earlier ones (the newest
/// <see cref="MaxEntries"/> are kept). RecordFeeds saves the new record once the site is
/// written. An unchanged section has no new entry and keeps its feeds.
/// </summary>
public sealed class RenderFeeds : IModule
{
    public const string FileName = "feed.atom";

    public const int MaxEntries = 200;

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var baseUrl = $"https://{context.WebHost}{context.DocRoot}/";
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            var previous = FeedRecord.Load(context.OutputDirectory, section.Name);
            // Addresses are looked up only for the few packages that make an entry.
            Dictionary<string, SourceReport>? sources = null;
            IReadOnlyList<string> Maintainers(string source) =>
                (sources ??= section.SourceResults.ToDictionary(r => r.Name, StringComparer.Ordinal)).TryGetValue(source, out var report)
                    ? Addresses(report) : [];
            var current = section.Db.PackagesByName().Select(p => (p.Package.Name, p.TestVersion, p.Own.Name(), p.Package.SourceName)).ToArray();
            var fresh = previous == null ? [] : FeedChanges.Between(context.WebHost, section.Name, context.Options.Now, previous.States, current, Maintainers);
            var entries = fresh.Concat(previous?.Entries ?? []).Take(MaxEntries).ToArray();
            section.Feed = new FeedRecord(FeedRecord.CurrentFormat, States(current, previous), entries);
            if (fresh.Count > 0)
                context.Log($"{section.Name}: feed: {fresh.Count(e => e.IsFailure)} new failures, {fresh.Count(e => !e.IsFailure)} fixes");

            output.Add(Feed(context, baseUrl, $"{section.Name}/{FileName}", $"{section.Name}/index.html",
                $"piuparts: state changes in {section.Name}", entries));
        }
        return output;
    }

    internal static Document Feed(SiteContext context, string baseUrl, string destination, string page, string title, IReadOnlyList<FeedEntry> entries) =>
        Document.FromModel(destination, () => entries,
            e => context.Fingerprints.Of(destination, baseUrl, page, title, e),
            // A feed without entries yet has no time of its own: the epoch keeps its bytes from run to run.
            e => AtomFeed.Render(baseUrl, destination, page, title, e, DateTimeOffset.UnixEpoch));

    // Every package's "version state"; a package whose version and state are as recorded keeps
    // the recorded string (nearly all of the section's 60,000 would otherwise be made again).
    private static Dictionary<string, string> States(IReadOnlyList<(string Name, string Version, string State, string Source)> current, FeedRecord? previous)
    {
        var states = new Dictionary<string, string>(current.Count, StringComparer.Ordinal);
        foreach (var (name, version, state, _) in current)
        {
            states[name] = previous != null && previous.States.TryGetValue(name, out var kept)
                && kept.Length == version.Length + 1 + state.Length && kept.StartsWith(version, StringComparison.Ordinal)
                && kept[version.Length] == ' ' && kept.EndsWith(state, StringComparison.Ordinal)
                ? kept : $"{version} {state}";
        }
        return states;
    }

    // The addresses of a source's maintainer and uploaders, each once.
    private static IReadOnlyList<string> Addresses(SourceReport source) =>
        new[] { source.Source.Maintainer ?? "" }.Concat(source.Source.Uploaders)
            .Select(Naming.Email).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}

using Piuparts.SitePipeline.Feeds;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// One Atom feed per maintainer or uploader address across every section,
/// maintainer/&lt;letter&gt;/&lt;email&gt;.atom at the site root, linked from each of the address's
/// pages (one feed to follow, wherever their packages are tested): the entries of every section's feed that name the
/// address, newest first, sections in configuration order within a run. A section this run does
/// not change gives the entries its feed record holds; when no section changed and the feeds are
/// as the last run wrote them, they are kept as they are.
/// </summary>
public sealed class RenderMaintainerFeeds : IModule
{
    /// <summary>The feed of an address across sections, relative to the site root.</summary>
    public static string FeedOf(string email) => Path.ChangeExtension(Naming.MaintainerPage(email), ".atom");

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        if (context.Sections.All(s => s.Unchanged))
        {
            var recorded = context.Manifest.PagesOf("maintainer").Where(p => p.EndsWith(".atom", StringComparison.Ordinal)).ToArray();
            if (recorded.Length > 0 && recorded.All(p => context.Manifest.Valid(p, context.OutputDirectory) != null))
            {
                output.AddRange(recorded.Select(p => Document.Kept(p, context.Manifest.Recorded(p)!)));
                return output;
            }
        }

        var reported = context.Sections.ToDictionary(s => s.Name, StringComparer.Ordinal);
        // Where each address has a page (the feed's alternate link), and every section's entries.
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<FeedEntry>();
        foreach (var name in context.AllSections)
        {
            var section = reported.GetValueOrDefault(name);
            var emails = section?.MaintainerEmails ?? context.PreviousRecords.GetValueOrDefault(name)?.Maintainers ?? [];
            foreach (var email in emails)
                pages.TryAdd(email, $"{name}/{Naming.MaintainerPage(email)}");
            var feed = section?.Feed ?? FeedRecord.Load(context.OutputDirectory, name);
            entries.AddRange(feed?.Entries ?? []);
        }
        // Stable: within the same time, the order of the sections and of each section's feed.
        var newestFirst = entries.OrderByDescending(e => e.Updated).ToArray();
        var byEmail = newestFirst.SelectMany(e => e.Maintainers.Select(m => (Email: m, Entry: e)))
            .ToLookup(p => p.Email, p => p.Entry, StringComparer.Ordinal);
        var baseUrl = $"https://{context.WebHost}{context.DocRoot}/";
        foreach (var (email, page) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!Naming.IsSafeFileName(email))
                continue;
            output.Add(RenderFeeds.Feed(context, baseUrl, FeedOf(email), page,
                $"piuparts: state changes of {email}'s packages", byEmail[email].Take(RenderFeeds.MaxEntries).ToArray()));
        }
        return output;
    }
}

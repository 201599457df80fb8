using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Brings each current log into the output tree (report.md §6.3): a hard link to the master's
/// file when possible (same size and not newer: left alone), else a copy; then removes copies of
/// logs that are gone (§6.12). Done on another core while the modules after it run (the feed
/// records, the global summary.json), which write none of its files; the run waits for it at its end.
/// </summary>
/// <remarks>
/// Both sides are compared from directory listings, not a stat call per log: the master's from
/// the section's kept listings, the output's from listings kept in the output's cache directory
/// (<see cref="ListingsFile"/>), so that on full bookworm an unchanged directory of 30,000 logs
/// costs two stat calls instead of 60,000. Links and copies change their directory, which is
/// read again before the listings are saved. (Pages are not checked this way: a page edited in
/// place under its name, which a listing does not show, is written again at the next run.)
/// </remarks>
public sealed class LinkLogs : IBackgroundModule
{
    /// <summary>The output's kept listings of its log directories, in the cache directory.</summary>
    public const string ListingsFile = "listings";

    private Task? _linking;

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        _linking = Task.Run(() => Link(context));
        return documents;
    }

    public void Finish() => _linking?.GetAwaiter().GetResult();

    public void Drain()
    {
        try
        {
            _linking?.Wait();
        }
        catch (AggregateException)
        {
            // The run has failed already; its own error is the one reported.
        }
    }

    private static void Link(SiteContext context)
    {
        int linked = 0, removed = 0;
        var outputListings = ListingCache.Open(RunCache.PathOf(context.OutputDirectory, ListingsFile));
        foreach (var section in context.Sections)
        {
            foreach (var directory in SectionLogFiles.Shown)
            {
                var from = section.Directory.DirectoryPath(directory);
                var target = Path.Combine(context.OutputDirectory, section.Name, directory.DirectoryName());
                Directory.CreateDirectory(target);
                var sources = Files(context.Listings(section.Name).List(from));
                var copies = Files(outputListings.List(target));
                var current = new HashSet<string>(StringComparer.Ordinal);
                foreach (var log in section.Logs.In(directory))
                {
                    current.Add(log.FileName);
                    var source = Path.Combine(from, log.FileName);
                    var copy = Path.Combine(target, log.FileName);
                    try
                    {
                        if (Update(source, copy, sources.TryGetValue(log.FileName, out var listedSource) ? listedSource : null,
                                copies.TryGetValue(log.FileName, out var listedCopy) ? listedCopy : null))
                            linked++;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        context.Log($"{section.Name}: cannot copy {source}: {e.Message}");
                    }
                }
                foreach (var name in copies.Keys)
                {
                    if (!current.Contains(name))
                    {
                        File.Delete(Path.Combine(target, name));
                        removed++;
                    }
                }
            }
        }
        // Read again where this run linked or removed, so that the next run finds them kept.
        outputListings.RefreshChanged();
        outputListings.Save();
        context.Log($"logs: {linked} linked or copied, {removed} removed");
    }

    private static Dictionary<string, ListedEntry> Files(IReadOnlyList<ListedEntry>? entries)
    {
        var files = new Dictionary<string, ListedEntry>(entries?.Count ?? 0, StringComparer.Ordinal);
        foreach (var entry in entries ?? [])
        {
            if (!entry.IsDirectory)
                files[entry.Name] = entry;
        }
        return files;
    }

    // The source as listed (stat-ed when its listing lacks it) and the copy as listed (null: none yet).
    private static bool Update(string source, string copy, ListedEntry? listedSource, ListedEntry? listedCopy)
    {
        var (length, modified) = listedSource is { } s ? (s.Length, s.ModifiedTicks) : Stat(source) ?? throw new FileNotFoundException($"{source} is gone", source);
        if (listedCopy is { } existing && existing.Length == length && modified <= existing.ModifiedTicks)
            return false;
        var temporary = copy + $".{Environment.ProcessId}.tmp";
        File.Delete(temporary);
        if (!HardLink.TryCreate(source, temporary))
        {
            File.Copy(source, temporary, overwrite: true);
            File.SetLastWriteTimeUtc(temporary, new DateTime(modified, DateTimeKind.Utc));
        }
        File.Move(temporary, copy, overwrite: true);
        return true;
    }

    private static (long Length, long ModifiedTicks)? Stat(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}

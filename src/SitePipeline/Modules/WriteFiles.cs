using System.Collections.Concurrent;
using Piuparts.Core.IO;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Produces every document (in parallel) and writes those whose bytes differ from the file
/// already there, each through a temporary file renamed into place, so a reader never sees half
/// a page and an unchanged page keeps its time stamp. A page whose inputs have the fingerprint
/// recorded in the page manifest, and whose file is as it was left, is not even rendered. The
/// documents handed to <see cref="Begin"/> (BeginWriting's) are being written already; the
/// others are taken one at a time by each core. Meanwhile it removes the pages of processed
/// sections that this run no longer produces, with their cached pieces (sources that left the
/// archive with their JSON files, former maintainers with their feeds, problems without hits),
/// which piuparts leaves for a month, and the feeds across sections of addresses that no longer
/// have a page. Then it records what it wrote for the next run, on another core while the
/// modules after it run (<see cref="Finish"/> waits for that).
/// </summary>
public sealed class WriteFiles : IBackgroundModule
{
    /// <summary>Sub-trees of a section whose files are all produced by the report.</summary>
    private static readonly string[] OwnedSubtrees = ["source", "maintainer"];

    public int Written { get; private set; }

    public int Unchanged { get; private set; }

    public int Removed { get; private set; }

    /// <summary>Pages not rendered because their fingerprint was unchanged (counted in <see cref="Unchanged"/>).</summary>
    public int Skipped { get; private set; }

    // Documents BeginWriting handed over early, and their results once written.
    private Document[] _early = [];
    private Task<Result[]>? _writingEarly;

    // The page manifest and the section records being saved after Execute.
    private Task? _recording;

    /// <summary>
    /// Starts writing <paramref name="documents"/> on a thread of their own, one after another,
    /// while the pipeline goes on; Execute waits for them. They must need nothing a later module sets.
    /// </summary>
    public void Begin(SiteContext context, IReadOnlyList<Document> documents)
    {
        if (_writingEarly != null)
            throw new InvalidOperationException("WriteFiles.Begin is called once per run");
        var manifest = context.Manifest;
        _early = [.. documents];
        var early = _early;
        _writingEarly = Task.Factory.StartNew(() => early.Select(d => Write(context.OutputDirectory, d, manifest)).ToArray(),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Waits until the documents handed to <see cref="Begin"/> are written and what Execute wrote is recorded, and ignores how that went: for a run that failed.</summary>
    public void Drain()
    {
        foreach (var task in new[] { _writingEarly, _recording })
        {
            try
            {
                task?.Wait();
            }
            catch (AggregateException)
            {
                // The run has failed already; its own error is the one reported.
            }
        }
    }

    /// <summary>Waits until what Execute wrote is recorded for the next run; throws what recording threw.</summary>
    public void Finish() => _recording?.GetAwaiter().GetResult();

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var manifest = context.Manifest;
        var early = new Dictionary<Document, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _early.Length; i++)
            early[_early[i]] = i;
        // The documents that are always rendered (not fingerprinted: the machine-readable files,
        // the biggest single files of a section) go first, and each core takes the next document
        // when it is done: a core left alone with summary.json at the end was a fifth of the run.
        var order = Enumerable.Range(0, documents.Count)
            .Where(i => !early.ContainsKey(documents[i]))
            .OrderBy(i => documents[i].IsFingerprinted ? 1 : 0)
            .ToArray();
        var results = new Result[documents.Count];
        // What this run does not produce is found and removed meanwhile: none of it is written.
        var removing = Task.Run(() => RemoveStale(context, documents));
        try
        {
            Parallel.ForEach(Partitioner.Create(order, loadBalance: true), i => results[i] = Write(context.OutputDirectory, documents[i], manifest));
            if (_writingEarly != null)
            {
                var written = _writingEarly.GetAwaiter().GetResult();
                for (int i = 0; i < documents.Count; i++)
                {
                    if (early.TryGetValue(documents[i], out int slot))
                        results[i] = written[slot];
                }
            }
        }
        catch
        {
            // Nothing is removed after the run returns, even when writing failed.
            Task.WaitAny(removing);
            throw;
        }
        Written = results.Count(r => r.Outcome == Outcome.Written);
        Skipped = results.Count(r => r.Outcome == Outcome.Skipped);
        Unchanged = results.Length - Written;
        var entries = new Dictionary<string, PageManifest.Entry>(documents.Count, StringComparer.Ordinal);
        for (int i = 0; i < documents.Count; i++)
        {
            if (results[i].Entry is { } entry)
                entries[documents[i].Destination] = entry;
        }

        Removed = removing.GetAwaiter().GetResult();
        // Read by no later module: saved while they run (75,000 entries: a fifth of a second).
        var records = context.Sections.ToDictionary(s => s.Name, s => Record(s, entries), StringComparer.Ordinal);
        _recording = Task.Run(() =>
        {
            manifest.Save(entries, context.OutputDirectory);
            SectionRecords.Save(context.OutputDirectory, context.PreviousRecords, records);
        });
        context.Log($"wrote {Written} of {results.Length} files ({Unchanged} unchanged, {Skipped} of them not rendered), removed {Removed} stale pages");
        return documents;
    }

    // Pages, JSON files and feeds of the processed sections that this run does not produce, with
    // their cached pieces, and the feeds across sections of addresses without a page; how many files went.
    private static int RemoveStale(SiteContext context, IReadOnlyList<Document> documents)
    {
        int removed = 0;
        var produced = new Lazy<HashSet<string>>(() => documents.Select(d => Path.Combine(context.OutputDirectory, d.Destination)).ToHashSet(StringComparer.Ordinal));
        foreach (var section in context.Sections)
        {
            var root = Path.Combine(context.OutputDirectory, section.Name);
            // A section's first run: nothing of it is there yet (its pages are being written meanwhile).
            if (!Directory.Exists(root))
                continue;
            // One walk of each owned sub-tree for its pages, JSON files and feeds.
            var stale = Directory.EnumerateFiles(root, "*.html")
                .Concat(OwnedSubtrees.Select(s => Path.Combine(root, s)).Where(Directory.Exists)
                    .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
                    .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".atom", StringComparison.Ordinal)))
                .Where(f => !produced.Value.Contains(f))
                .ToArray();
            foreach (var file in stale)
            {
                File.Delete(file);
                removed++;
            }
            PieceCache.RemoveStale(context.OutputDirectory, section.Name, d => produced.Value.Contains(Path.Combine(context.OutputDirectory, d)));
        }
        // The feeds across sections at the root, when this run made them (not only kept them).
        var rootFeeds = Path.Combine(context.OutputDirectory, "maintainer");
        if (documents.Any(d => !d.IsKept && d.Destination.StartsWith("maintainer/", StringComparison.Ordinal)) && Directory.Exists(rootFeeds))
        {
            foreach (var file in Directory.EnumerateFiles(rootFeeds, "*.atom", SearchOption.AllDirectories).Where(f => !produced.Value.Contains(f)).ToArray())
            {
                File.Delete(file);
                removed++;
            }
        }
        return removed;
    }

    // What the next run needs to report the section if it finds it unchanged; null when its inputs could not be fingerprinted.
    private static SectionRecord? Record(Model.SectionModel section, Dictionary<string, PageManifest.Entry> entries)
    {
        if (section.NeedsFullRun || section.InputsFingerprint is not { } fingerprint || section.IndexRows is not { } rows || section.MaintainerEmails is not { } emails
            || section.FailedPackages is not { } failures || section.RecentTests is not { } recent)
            return null;
        int pages = entries.Keys.Count(d => d.StartsWith(section.Name + "/", StringComparison.Ordinal));
        return section.Previous is { } previous
            ? previous with { Pages = pages, SummaryNames = section.SummaryNames ?? previous.SummaryNames }
            : new SectionRecord(fingerprint, pages, section.StateCounts, section.PackageCount, section.IndexUrls, rows, section.SummaryNames, emails, failures, recent);
    }

    private enum Outcome { Written, Same, Skipped }

    private readonly record struct Result(Outcome Outcome, PageManifest.Entry? Entry);

    private static Result Write(string outputDirectory, Document document, PageManifest manifest)
    {
        if (document.IsKept)
            return new Result(Outcome.Skipped, manifest.Find(document.Destination));
        var previous = document.IsFingerprinted ? manifest.Valid(document.Destination, outputDirectory) : null;
        var (bytes, fingerprint) = document.Produce(previous);
        if (bytes == null)
        {
            // The file was just found as recorded (Valid), or its section's pages were (Kept).
            var entry = manifest.Find(document.Destination);
            return new Result(Outcome.Skipped, entry ?? Recorded(outputDirectory, document.Destination, fingerprint));
        }
        var outcome = Outcome.Same;
        var path = Path.Combine(outputDirectory, document.Destination);
        if (!FileContent.Is(path, bytes))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            outcome = Outcome.Written;
        }
        return new Result(outcome, Recorded(outputDirectory, document.Destination, fingerprint));
    }

    // The file as it is now, under the fingerprint of the inputs it was made from.
    private static PageManifest.Entry? Recorded(string outputDirectory, string destination, string? fingerprint) =>
        fingerprint != null && FileStamp.Of(outputDirectory, destination) is { } stamp
            ? new PageManifest.Entry(fingerprint, stamp.Length, stamp.ModifiedTicks)
            : null;
}

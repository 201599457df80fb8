using Piuparts.Core;
using Piuparts.Core.Config;
using Piuparts.SitePipeline.Modules;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// The report: read the master directory and the indexes, change what piuparts-report changes
/// there (archived logs, .kpr files, counts.txt), then render and write the site. A list of
/// verb-named modules, run in order.
/// </summary>
public static class ReportPipeline
{
    public const string LockFile = "report.lock";

    /// <summary>The modules of a run, in order.</summary>
    public static IReadOnlyList<IModule> Modules(WriteFiles writer) =>
    [
        new LoadSections(),
        // These two need no state: they run while LoadSections' states are computed on the other core.
        new ArchiveObsoleteLogs(),
        new ClassifyLogs(),
        new RecordCounts(),
        new DrawCharts(),
        // The state pages need only the states and the charts: written on the other core meanwhile.
        new RenderStatePages(),
        new BeginWriting(writer),
        new ReadHistory(),
        new FingerprintSections(),
        new UnlockSections(),
        new RenderProblemPages(),
        new RenderSectionPages(),
        new GatherSourceSections(),
        new RenderSourcePages(),
        new RefreshSourceJson(),
        new RenderSearch(),
        new RenderFeeds(),
        new RenderMaintainerFeeds(),
        new RenderGlobalPages(),
        new RenderResultPages(),
        new RenderMachineReadable(),
        new CopyAssets(),
        new KeepUnchangedPages(),
        new RenderSitemap(),
        writer,
        // On the other core while the records and the global summary are written.
        new LinkLogs(),
        new RecordFeeds(),
        new RecordSourceSections(),
        new MergeSummaries(),
    ];

    public static ReportResult Run(SiteConfig config, ReportOptions options, Action<string> log)
    {
        var masterPath = config.Piuparts.MasterDirectory ?? ".";
        if (!Directory.Exists(masterPath))
            return Failed(new InputError(config.Piuparts.Path, 0, $"master-directory {Path.GetFullPath(masterPath)} does not exist") { Key = "master-directory" });
        var output = options.OutputDirectory ?? config.Piuparts.OutputDirectory ?? "html";
        try
        {
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new InputError(output, 0, $"cannot create the output directory: {e.Message}"));
        }

        FileStream runLock;
        try
        {
            runLock = new FileStream(Path.Combine(masterPath, LockFile), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            return new ReportResult(false, [], 0, 0, 0) { Busy = true };
        }

        using (runLock)
        {
            var templates = TemplateSet.Start(options.TemplatesDirectory);
            if (templates.Hash == null)
                return new ReportResult(false, templates.Wait().Errors, 0, 0, 0);
            using var context = new SiteContext(config, options, output, templates, log);
            var writer = new WriteFiles();
            var modules = Modules(writer);
            IModule? current = null;
            try
            {
                IReadOnlyList<Document> documents = [];
                var clock = System.Diagnostics.Stopwatch.StartNew();
                foreach (var module in modules)
                {
                    current = module;
                    var started = clock.Elapsed;
                    var paused = GC.GetTotalPauseDuration();
                    var (collections, full) = (GC.CollectionCount(0), GC.CollectionCount(2));
                    long allocated = options.Timings ? GC.GetTotalAllocatedBytes() : 0;
                    var cpu = options.Timings ? Environment.CpuUsage.TotalTime : default;
                    documents = module.Execute(context, documents);
                    // The templates were parsed while the sections loaded: invalid ones stop the
                    // run before it changes anything in the master directory.
                    if (module is LoadSections && templates.Wait() is { Set: null } invalid)
                        return new ReportResult(false, invalid.Errors, 0, 0, 0);
                    // With the CPU time of every thread meanwhile (work left to other cores shows in the
                    // step that runs beside it) and the garbage collector's share: on two cores its
                    // pauses are a good part of a rerun.
                    if (options.Timings)
                        log(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"timing: {module.GetType().Name} {(clock.Elapsed - started).TotalSeconds:F2} s (CPU {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:F2} s, GC {GC.CollectionCount(0) - collections}x, {GC.CollectionCount(2) - full} full, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s, allocated {(GC.GetTotalAllocatedBytes() - allocated) >> 20} MB, heap {GC.GetGCMemoryInfo().HeapSizeBytes >> 20} MB)"));
                }
                // Saving the manifest and the records is the writer's work, linking the logs LinkLogs'.
                foreach (var background in modules.OfType<IBackgroundModule>())
                {
                    current = background;
                    background.Finish();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file that cannot be written or moved (a directory where a page goes, a full
                // disk, no permission): said as such, with what was met before, not as a crash.
                var stopped = new InputError(current?.GetType().Name ?? "report", 0, $"stopped: {e.Message}");
                return new ReportResult(true, [.. context.Errors, stopped], context.Sections.Count, writer.Written, writer.Unchanged);
            }
            finally
            {
                // Nothing is written after the run returns, even when it failed.
                foreach (var background in modules.OfType<IBackgroundModule>())
                    background.Drain();
                foreach (var held in context.Locks.Values)
                    held.Dispose();
            }
            return new ReportResult(true, context.Errors, context.Sections.Count, writer.Written, writer.Unchanged) { FilesNotRendered = writer.Skipped };
        }
    }

    private static ReportResult Failed(InputError error) => new(false, [error], 0, 0, 0);
}

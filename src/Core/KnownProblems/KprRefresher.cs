using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// Brings one section's .kpr files up to date (known-problems.md §4.2): removes those whose log
/// is gone, newer or moved (or all, on recheck), then classifies every log without one, in
/// parallel, reading each log once. Takes no lock: the caller holds the section's master.lock.
/// </summary>
public sealed class KprRefresher
{
    private readonly Lazy<ProblemSet> _problems;

    /// <param name="problems">The definitions already filtered by the section's exclude-known-problems.</param>
    public KprRefresher(ProblemSet problems) => _problems = new Lazy<ProblemSet>(problems);

    /// <param name="problems">
    /// Gives the definitions (filtered by the section's exclude-known-problems) when a log needs
    /// them: a refresh with nothing to classify does not read them.
    /// </param>
    public KprRefresher(Func<ProblemSet> problems) => _problems = new Lazy<ProblemSet>(problems);

    /// <param name="logDone">Called after each log is classified (from several threads): for progress bars.</param>
    /// <param name="listings">The section's kept directory listings (<see cref="ListingCache"/>); none when null.</param>
    public KprRefreshResult Refresh(string sectionPath, KprRefreshOptions options, Action? logDone = null, ListingCache? listings = null)
    {
        listings ??= ListingCache.None;
        var directories = options.Directories;
        var paths = directories.Select(d => Path.Combine(sectionPath, d)).ToArray();
        var mark = MarkKey(options);
        if (mark != null && listings.IsMarked(mark, paths))
            return new KprRefreshResult(0, 0, 0, new Dictionary<string, int>(StringComparer.Ordinal), []);
        var logs = SectionFiles.MapWithTimes(sectionPath, directories, SectionFiles.LogExtension, listings);
        var kprs = SectionFiles.MapWithTimes(sectionPath, directories, SectionFiles.KprExtension, listings);

        int removed = 0;
        foreach (var (pkgSpec, kpr) in kprs)
        {
            if (IsStale(pkgSpec, kpr, logs, options) && TryDelete(kpr.Path, listings))
                removed++;
        }
        int bugsRemoved = 0;
        if (options.CleanBugs)
        {
            foreach (var (pkgSpec, bug) in SectionFiles.Map(sectionPath, directories, SectionFiles.BugExtension, listings))
            {
                // A bug link follows its log only while the log stays where it is; age does not matter.
                if ((!logs.TryGetValue(pkgSpec, out var log) || log.Directory != bug.Directory) && TryDelete(bug.Path, listings))
                    bugsRemoved++;
            }
        }

        // Rescan, as piuparts does: whatever is on disk now decides what still needs a .kpr (the
        // listing stands when nothing was removed: the caller holds the lock, nobody else writes).
        if (removed > 0)
            kprs = SectionFiles.Map(sectionPath, directories, SectionFiles.KprExtension, listings);
        var needed = logs.Where(entry => !kprs.ContainsKey(entry.Key)).ToList();
        var (hits, errors) = Classify(needed, options.MaxParallelism, logDone);
        if (mark != null)
        {
            // Checked on the directories as this run leaves them, so that the next run with
            // nothing to do knows it from their change times alone.
            listings.RefreshChanged();
            listings.TryMark(mark, paths, list => IsUpToDate(sectionPath, options, list));
        }
        return new KprRefreshResult(removed, needed.Count, bugsRemoved, hits, errors);
    }

    // What a refresh that found nothing to do is marked by in the listing cache: its directories
    // and options (a recheck is never nothing to do).
    private static string? MarkKey(KprRefreshOptions options) =>
        options.Recheck || options.RecheckFailed
            ? null
            : $"kpr-refresh {string.Join(',', options.Directories)} bugs={options.CleanBugs} definitions={options.DefinitionsModified?.Ticks}";

    // Whether a refresh over these listings would change nothing.
    private static bool IsUpToDate(string sectionPath, KprRefreshOptions options, Func<string, IReadOnlyList<ListedEntry>?> list)
    {
        var directories = options.Directories;
        var logs = SectionFiles.Map(sectionPath, directories, SectionFiles.LogExtension, withTimes: true, list);
        var kprs = SectionFiles.Map(sectionPath, directories, SectionFiles.KprExtension, withTimes: true, list);
        if (kprs.Any(k => IsStale(k.Key, k.Value, logs, options)) || logs.Keys.Any(pkgSpec => !kprs.ContainsKey(pkgSpec)))
            return false;
        return !options.CleanBugs || SectionFiles.Map(sectionPath, directories, SectionFiles.BugExtension, withTimes: false, list)
            .All(b => logs.TryGetValue(b.Key, out var log) && log.Directory == b.Value.Directory);
    }

    /// <summary>
    /// What <see cref="Refresh"/> would do, changing nothing: the .kpr and .bug files it would
    /// remove and the logs it would classify, each list sorted.
    /// </summary>
    public static KprPending Pending(string sectionPath, KprRefreshOptions options, ListingCache? listings = null)
    {
        var directories = options.Directories;
        if (MarkKey(options) is { } mark && listings != null && listings.IsMarked(mark, directories.Select(d => Path.Combine(sectionPath, d)).ToArray()))
            return new KprPending([], [], []);
        var logs = SectionFiles.MapWithTimes(sectionPath, directories, SectionFiles.LogExtension, listings);
        var kprs = SectionFiles.MapWithTimes(sectionPath, directories, SectionFiles.KprExtension, listings);
        var staleKprs = kprs.Where(k => IsStale(k.Key, k.Value, logs, options)).ToList();
        var remaining = kprs.Keys.Except(staleKprs.Select(k => k.Key)).ToHashSet(StringComparer.Ordinal);
        var staleBugs = options.CleanBugs
            ? SectionFiles.Map(sectionPath, directories, SectionFiles.BugExtension, listings)
                .Where(b => !logs.TryGetValue(b.Key, out var log) || log.Directory != b.Value.Directory)
                .Select(b => b.Value.Path).Order(StringComparer.Ordinal).ToList()
            : [];
        return new KprPending(
            staleKprs.Select(k => k.Value.Path).Order(StringComparer.Ordinal).ToList(),
            staleBugs,
            logs.Where(l => !remaining.Contains(l.Key)).Select(l => l.Value.Path).Order(StringComparer.Ordinal).ToList());
    }

    private static bool IsStale(string pkgSpec, SectionFile kpr, Dictionary<string, SectionFile> logs, KprRefreshOptions options)
    {
        if (!logs.TryGetValue(pkgSpec, out var log))
            return true;
        if (IsNewer(log, kpr) is not { } newer)
            return false; // the log or the .kpr disappeared meanwhile; piuparts leaves it alone as well
        if (newer)
            return true;
        if (options.DefinitionsModified is { } definitions
            && (kpr.ModifiedTicks != 0 ? new DateTime(kpr.ModifiedTicks, DateTimeKind.Utc) : File.GetLastWriteTimeUtc(kpr.Path)) < definitions)
            return true;
        return log.Directory != kpr.Directory || options.Recheck || (options.RecheckFailed && kpr.Directory != "pass");
    }

    // Whether the log is strictly newer than its .kpr, compared as Python's os.path.getmtime
    // values (seconds as doubles). The listing's times (100 ns ticks) decide when they are more
    // than a microsecond apart, where doubles of today's times order the same way; closer ones
    // are compared as piuparts compares them. Null when a file is gone.
    private static bool? IsNewer(SectionFile log, SectionFile kpr)
    {
        const long Microsecond = 10;
        long difference = log.ModifiedTicks - kpr.ModifiedTicks;
        if (log.ModifiedTicks != 0 && kpr.ModifiedTicks != 0 && Math.Abs(difference) > Microsecond)
            return difference > 0;
        try
        {
            return NativeFile.Times(log.Path).Modified > NativeFile.Times(kpr.Path).Modified;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The listings learn of it: a report written again under the name must not pass for this one.
    private static bool TryDelete(string path, ListingCache listings)
    {
        try
        {
            if (!File.Exists(path))
                return false;
            File.Delete(path);
            listings.Removed(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private (IReadOnlyDictionary<string, int> Hits, IReadOnlyList<InputError> Errors) Classify(
        List<KeyValuePair<string, SectionFile>> logs, int parallelism, Action? logDone)
    {
        if (logs.Count == 0)
            return (new Dictionary<string, int>(StringComparer.Ordinal), []);
        var set = _problems.Value;
        var problems = set.Problems;
        // One slot per problem plus one for the unclassified pseudo problem.
        var totals = new int[problems.Count + 1];
        var errors = new ConcurrentBag<InputError>();
        Parallel.ForEach(
            logs,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            () => new Worker(problems.Count + 1),
            (entry, _, worker) =>
            {
                if (worker.Process(entry.Key, entry.Value, set) is { } error)
                    errors.Add(error);
                logDone?.Invoke();
                return worker;
            },
            worker =>
            {
                lock (totals)
                {
                    for (int i = 0; i < totals.Length; i++)
                        totals[i] += worker.Hits[i];
                }
                worker.Dispose();
            });

        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < problems.Count; i++)
        {
            if (totals[i] > 0)
                hits[problems[i].Name] = totals[i];
        }
        if (totals[^1] > 0)
            hits[KprFile.UnclassifiedProblem] = hits.GetValueOrDefault(KprFile.UnclassifiedProblem) + totals[^1];
        return (hits, errors.OrderBy(e => e.File, StringComparer.Ordinal).ToList());
    }

    // .NET emulates FileShare with flock(2) on Unix unless others may write: sharing everything
    // saves a system call per file (piuparts takes no such locks either).
    private const FileShare NoLock = FileShare.ReadWrite | FileShare.Delete;

    // Per-thread buffers, reused from log to log.
    private sealed class Worker(int slots) : IDisposable
    {
        private byte[] _bytes = [];
        private char[] _chars = [];
        private readonly List<string> _found = [];
        private readonly bool[] _possible = new bool[slots - 1];

        public int[] Hits { get; } = new int[slots];

        public InputError? Process(string pkgSpec, SectionFile log, ProblemSet set)
        {
            var problems = set.Problems;
            int length;
            try
            {
                length = ReadAll(log.Path, ref _bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new InputError(log.Path, 0, $"File error processing {log.Path}: {e.Message}");
            }
            int textLength = LogText.Decode(_bytes.AsSpan(0, length), ref _chars);
            var text = _chars.AsSpan(0, textLength);

            _found.Clear();
            set.Screen.Screen(text, _possible);
            for (int i = 0; i < problems.Count; i++)
            {
                if (_possible[i] && problems[i].HasProblem(text, log.Directory))
                {
                    _found.Add(problems[i].Name);
                    Hits[i]++;
                }
            }
            if (_found.Count == 0 && log.Directory != "pass")
                Hits[^1]++;

            var content = KprFile.Format(log.Directory, pkgSpec, _found);
            var kprPath = Path.Combine(log.DirectoryPath, pkgSpec + SectionFiles.KprExtension);
            // A cache: recomputed when lost, so not forced to disk for each of thousands of files.
            // An empty report (most passed logs) is created directly: its name never shows other
            // content, so that is as atomic as the temporary file and rename, at a third of the calls.
            if (content.Length == 0)
                File.OpenHandle(kprPath, FileMode.Create, FileAccess.Write, NoLock).Dispose();
            else
                AtomicFile.Replace(kprPath, Encoding.UTF8.GetBytes(content), flushToDisk: false);
            return null;
        }

        public void Dispose()
        {
            if (_bytes.Length > 0)
                ArrayPool<byte>.Shared.Return(_bytes);
            if (_chars.Length > 0)
                ArrayPool<char>.Shared.Return(_chars);
            _bytes = [];
            _chars = [];
        }

        // The whole file into the pooled buffer, to its end even if it grows meanwhile.
        private static int ReadAll(string path, ref byte[] buffer)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, NoLock);
            long size = RandomAccess.GetLength(handle);
            Grow(ref buffer, 0, (int)Math.Min(size + 1, Array.MaxLength));
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                    Grow(ref buffer, total, total * 2);
                int read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                    return total;
                total += read;
            }
        }

        private static void Grow(ref byte[] buffer, int used, int needed)
        {
            if (buffer.Length >= needed)
                return;
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            buffer.AsSpan(0, used).CopyTo(larger);
            if (buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}

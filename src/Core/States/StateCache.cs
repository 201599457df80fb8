using System.Security.Cryptography;
using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.States;

/// <summary>
/// Remembers a section's computed states and reservation order in the section directory, so
/// that a connection which finds the configuration, the Packages indexes and the logs as they
/// were answers status and reserve without loading anything. Reservations made since (new
/// reserved logs of packages that were waiting) do not change any state and keep it valid;
/// any other change of logs, indexes or configuration makes the next connection compute again.
/// </summary>
public sealed class StateCache
{
    public const string FileName = ".piuparts-site-states";
    private const string Magic = "piuparts-site states 1";

    private readonly SiteConfig _config;
    private readonly MasterDirectory _master;
    private readonly DatabaseLoader _loader;
    private readonly IndexFetcher _fetcher;

    public StateCache(SiteConfig config, MasterDirectory master, DatabaseLoader loader, IndexFetcher fetcher)
    {
        _config = config;
        _master = master;
        _loader = loader;
        _fetcher = fetcher;
    }

    private string PathOf(string section) => Path.Combine(_master.Section(section).Path, FileName);

    /// <summary>The cached states of a section if they still hold, else null.</summary>
    public CachedStates? TryLoad(string section, bool recycle)
    {
        var key = Key(section, recycle);
        if (key == null)
            return null;
        CachedStates? cached;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(PathOf(section)), Encoding.UTF8);
            cached = Read(reader, key);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
        if (cached == null)
            return null;
        var directory = _master.Section(section);
        var waiting = cached.WaitingNames();
        foreach (var logDirectory in LogDirectories.All)
        {
            var now = SectionLogs.List(directory, logDirectory);
            var then = cached.Listing[(int)logDirectory];
            bool same = logDirectory == LogDirectory.Reserved
                ? ReservationsOnly(then, now, waiting)
                : now.SequenceEqual(then);
            if (!same)
                return null;
        }
        return cached;
    }

    // Every reservation of then is still there, and the new ones are of packages that were waiting.
    private static bool ReservationsOnly(IReadOnlyList<string> then, IReadOnlyList<string> now, HashSet<string> waiting)
    {
        var current = new HashSet<string>(now, StringComparer.Ordinal);
        return then.All(current.Contains) && current.Except(then).All(waiting.Contains);
    }

    /// <summary>Stores what a full computation found (states as computed, listing as it was when they were).</summary>
    public void Save(PackageDatabase db, ReservationQueue queue)
    {
        var key = Key(db.Section, db.Recycle);
        if (key == null || db.Logs.AtStart == null)
            return;
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(key);
            var counts = db.Counts();
            writer.Write(counts.Count);
            foreach (var (state, count) in counts)
            {
                writer.Write((int)state);
                writer.Write(count);
            }
            var waiting = db.InState(PackageState.WaitingToBeTested);
            writer.Write(waiting.Count);
            foreach (var name in waiting)
                writer.Write(LogName.Log(name, db.TestVersion(name)!));
            writer.Write(queue.Entries.Count);
            foreach (var (name, version) in queue.Entries)
            {
                writer.Write(name);
                writer.Write(version);
            }
            foreach (var names in db.Logs.AtStart)
            {
                writer.Write(names.Count);
                foreach (var name in names)
                    writer.Write(name);
            }
        }
        // A cache: killed here, the master leaves none rather than a temporary file.
        AtomicFile.ReplaceCache(PathOf(db.Section), buffer.ToArray());
    }

    private static CachedStates? Read(BinaryReader reader, string key)
    {
        if (reader.ReadString() != Magic || reader.ReadString() != key)
            return null;
        var counts = new List<(PackageState, int)>();
        for (int i = reader.ReadInt32(); i > 0; i--)
            counts.Add(((PackageState)reader.ReadInt32(), reader.ReadInt32()));
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        for (int i = reader.ReadInt32(); i > 0; i--)
            waiting.Add(reader.ReadString());
        var order = new List<(string, string)>();
        for (int i = reader.ReadInt32(); i > 0; i--)
            order.Add((reader.ReadString(), reader.ReadString()));
        var listing = new IReadOnlyList<string>[LogDirectories.All.Count];
        for (int d = 0; d < listing.Length; d++)
        {
            var names = new string[reader.ReadInt32()];
            for (int i = 0; i < names.Length; i++)
                names[i] = reader.ReadString();
            listing[d] = names;
        }
        return new CachedStates(counts, waiting, order, listing);
    }

    // What the states depend on besides the own logs: the configuration files, every index (each
    // compressed form's size and time, or its HTTP validators), the depends-sections' logs.
    private string? Key(string section, bool recycle)
    {
        var (urls, sections, error) = _loader.Inputs(section);
        if (error != null)
            return null;
        var text = new StringBuilder();
        text.Append("recycle=").Append(recycle).Append('\n');
        foreach (var file in new[] { _config.Piuparts.Path, _config.Distros.Path })
            text.Append(file).Append('=').Append(File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "-").Append('\n');
        foreach (var url in urls)
        {
            var validator = _fetcher.Validator(url);
            if (validator == null)
                return null;
            text.Append(url).Append('=').Append(validator).Append('\n');
        }
        foreach (var other in sections.Skip(1))
        {
            var directory = _master.Section(other);
            foreach (var logDirectory in LogDirectories.All)
                text.Append(other).Append('/').Append(logDirectory.DirectoryName()).Append('=').AppendJoin(',', SectionLogs.List(directory, logDirectory)).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

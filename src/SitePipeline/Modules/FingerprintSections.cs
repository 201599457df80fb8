using Piuparts.Core.Archive;
using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Takes the fingerprint of everything a changed section's pages are made from, once the
/// master directory is as this run leaves it (logs archived, .kpr files refreshed) and while it
/// is still locked; WriteFiles records it. The next run takes the same fingerprint before it
/// changes anything (LoadSections): when it is the recorded one, the section is unchanged and
/// is reported from its record. The inputs are cheap to read: the configuration files, the
/// known-problem definitions, the validators of every index the section reads (size and time
/// for file:, ETag and Last-Modified for HTTP) and of the Sources of every section of the run
/// (maintainer pages link each other), the size and time of submissions.txt (the history on source pages), and the name, size and time of every file in the log
/// directories of the section and of its depends-sections, whose logs decide its states.
/// </summary>
public sealed class FingerprintSections : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        // The section's own logs as this run leaves them (it holds their lock); its
        // depends-sections' as they were before their logs were read for the states, so a change
        // made meanwhile by their masters is seen by the next run, never hidden from it.
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            // Read again after this run's changes and kept, so the next run compares without reading them.
            context.Listings(section.Name).RefreshChanged();
            var before = section.LogListingsAtLoad;
            section.InputsFingerprint = Compute(context, section.Name,
                name => name == section.Name || before == null || !before.TryGetValue(name, out var listing)
                    ? LogListing(context.Master.Section(name), context.Listings(name))
                    : listing);
        }
        return documents;
    }

    /// <summary>
    /// The fingerprint of a section's inputs as they are now, or null when one of them cannot be
    /// told; <paramref name="logs"/> lists the log directories of a section (its own and its depends-sections).
    /// </summary>
    public static string? Compute(SiteContext context, string section, Func<string, string[]> logs)
    {
        var settings = context.Config.Piuparts.Section(section);
        if (settings == null)
            return null;
        var (urls, sections, error) = context.Loader.Inputs(section);
        if (error != null)
            return null;
        var packages = new List<string>();
        foreach (var url in urls)
        {
            if (context.Validator(url) is not { } validator)
                return null;
            packages.Add($"{url} {validator}");
        }
        var processed = new List<object>();
        foreach (var name in context.RequestedSections)
        {
            if (SourcesValidators(context, name) is not { } sources)
                return null;
            processed.Add(new { name, sources });
        }
        var definitions = Listing(context.Config.Piuparts.Global.NonEmpty("known-problem-directory") ?? ClassifyLogs.DefaultDirectory);
        var configuration = new[] { context.Config.Piuparts.Path, context.Config.Distros.Path }.Select(Listing).ToArray();
        var listings = sections.Select(s => new { s, Files = logs(s) }).ToArray();
        // The history on source pages: the master appends to submissions.txt with every log.
        var submissions = Listing(Path.Combine(context.Master.Section(section).Path, History.SubmissionsFile.FileName));
        return context.Fingerprints.Of(section, configuration, definitions, context.AllSections, processed, packages, listings, submissions,
            settings.Words("json-sections") is not ["none", ..]);
    }

    private static string[]? SourcesValidators(SiteContext context, string section)
    {
        var settings = context.Config.Piuparts.Section(section);
        if (settings == null)
            return null;
        var layout = new ArchiveLayout(settings, context.Config.Distros);
        var urls = new List<string>();
        var (own, error) = layout.SourcesUrls();
        if (error != null)
            return null;
        urls.AddRange(own);
        if (settings.FinalDistro is { } final && final != settings.Distro)
        {
            var (finals, finalError) = layout.SourcesUrls(final);
            if (finalError != null)
                return null;
            urls.AddRange(finals);
        }
        var result = new List<string>();
        foreach (var url in urls)
        {
            if (context.Validator(url) is not { } value)
                return null;
            result.Add($"{url} {value}");
        }
        return [.. result];
    }

    /// <summary>
    /// Each of a section's log directories with a digest of the name, size and time of every
    /// file in it, from its kept listings where they hold.
    /// </summary>
    public static string[] LogListing(SectionDirectory directory, ListingCache listings) =>
        LogDirectories.All.Select(d => DirectoryListing(directory.DirectoryPath(d), listings)).ToArray();

    // Digested field by field: a directory of 30,000 logs is not made 30,000 strings first.
    private static string DirectoryListing(string path, ListingCache listings)
    {
        if (listings.List(path) is not { } entries)
            return $"{path} -";
        var files = entries.Where(e => !e.IsDirectory).ToArray();
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var buffer = DigestBuffer.ForThread();
        buffer.Write(files.Length);
        foreach (var file in files)
        {
            buffer.Write(file.Name);
            buffer.Write(file.Length);
            buffer.Write(file.ModifiedTicks);
        }
        return $"{path} {buffer.Hash()}";
    }

    // Name, size and modification time of every file of a directory (or of one file), sorted.
    private static string[] Listing(string path)
    {
        if (!File.Exists(path))
            return [DirectoryListing(path, ListingCache.None)];
        var file = new FileInfo(path);
        return [$"{path} {file.Length} {file.LastWriteTimeUtc.Ticks}"];
    }
}

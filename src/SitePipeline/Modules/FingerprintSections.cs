using System.IO.Enumeration;
using Piuparts.Core.Archive;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Takes a fingerprint of everything a section's pages are made from, once the master
/// directory is as this run leaves it (logs archived, .kpr files refreshed) and while it is
/// still locked, and marks the
/// section unchanged when it equals the one recorded when its pages were last written. The
/// render modules then skip the section's pages (except those showing the time), and
/// KeepUnchangedPages keeps their files. The inputs are cheap to read: configuration files,
/// the validators of every index the section reads (size and time for file:, ETag and
/// Last-Modified for HTTP), and the name, size and time of every file in the log directories
/// of the section and of its depends-sections, whose logs decide its states.
/// </summary>
public sealed class FingerprintSections : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        using var fetcher = new IndexFetcher(proxy: context.Config.Piuparts.Global.NonEmpty("proxy"));
        var loader = new DatabaseLoader(context.Config, context.Master, fetcher);
        var validators = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Validator(string url) => validators.TryGetValue(url, out var known) ? known : validators[url] = fetcher.Validator(url);

        // Maintainer pages link the same address in the other sections of this run.
        var processed = new List<object?>();
        foreach (var section in context.Sections)
            processed.Add(new { section.Name, Sources = SourcesValidators(context, section.Name, Validator) });

        var definitions = Listing(context.Config.Piuparts.Global.NonEmpty("known-problem-directory") ?? ClassifyLogs.DefaultDirectory);
        // The navigation of every page: the sections, and which have a chart (DrawCharts draws one wherever counts.txt has rows).
        var navigation = context.AllSections.Select(name => new
        {
            name,
            Chart = context.Sections.FirstOrDefault(s => s.Name == name)?.History?.Rows.Count > 0,
        }).ToArray();
        var configuration = new[] { context.Config.Piuparts.Path, context.Config.Distros.Path }.Select(Listing).ToArray();
        foreach (var section in context.Sections)
        {
            var (urls, sections, error) = loader.Inputs(section.Name);
            var sources = SourcesValidators(context, section.Name, Validator);
            var packages = urls.Select(u => (u, Validator(u))).ToArray();
            if (error != null || sources == null || packages.Any(p => p.Item2 == null))
                continue;
            var logs = sections.Select(s => new { s, Files = LogListing(context.Master.Section(s)) }).ToArray();
            section.InputsFingerprint = context.Fingerprints.Of(
                section.Name, configuration, definitions, processed, packages.Select(p => $"{p.u} {p.Item2}").ToArray(), sources, logs,
                section.HasSummary, navigation);
            section.Unchanged = context.Manifest.SectionFingerprint(section.Name) == section.InputsFingerprint
                && context.Manifest.PagesOf(section.Name).All(page => context.Manifest.Valid(page, Path.Combine(context.OutputDirectory, page)) != null);
            if (section.Unchanged)
                context.Log($"{section.Name}: nothing changed since the pages were written; only the dated pages are rendered");
        }
        return documents;
    }

    private static string[]? SourcesValidators(SiteContext context, string section, Func<string, string?> validator)
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
            if (validator(url) is not { } value)
                return null;
            result.Add($"{url} {value}");
        }
        return [.. result];
    }

    private static string[] LogListing(SectionDirectory directory) =>
        LogDirectories.All.SelectMany(d => Listing(directory.DirectoryPath(d))).ToArray();

    // Name, size and modification time of every file of a directory (or of one file), sorted.
    private static string[] Listing(string path)
    {
        if (File.Exists(path))
        {
            var file = new FileInfo(path);
            return [$"{path} {file.Length} {file.LastWriteTimeUtc.Ticks}"];
        }
        if (!Directory.Exists(path))
            return [$"{path} -"];
        var entries = new FileSystemEnumerable<string>(path,
            (ref FileSystemEntry entry) => $"{entry.FileName} {entry.Length} {entry.LastWriteTimeUtc.UtcTicks}",
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        }.ToArray();
        Array.Sort(entries, StringComparer.Ordinal);
        return [path, .. entries];
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.History;
using Piuparts.SitePipeline.Model;

namespace Piuparts.SitePipeline.Sources;

/// <summary>
/// The machine-readable twin of a source page, <c>source/&lt;subdir&gt;/&lt;source&gt;.json</c>
/// beside it (summary.md §8 suggests it): the source's verdict and versions in the section, each
/// binary's state, logs and known problems, the history of its tests, and what every section
/// that has the source says of it (versions, verdicts, states). Links are relative to the file,
/// as on the page. The layout is described by docs/source.schema.json; a change that
/// is not backwards compatible increases <see cref="FormatVersion"/>.
/// </summary>
public static class SourceJson
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Generated metadata, named and written by these options: no code emitted at run time.
        TypeInfoResolver = Pipeline.CacheJson.Default,
    };

    // The generated metadata under these options, asked for by type: what a native build can run.
    private static readonly JsonTypeInfo<Entry> EntryInfo = (JsonTypeInfo<Entry>)Options.GetTypeInfo(typeof(Entry));

    /// <summary>The document of a source of the section; <paramref name="toSection"/> is the way from the file to the section directory.</summary>
    public static Entry Build(SectionModel section, SourceReport result, IReadOnlyList<SourceHistory.Row> history, string toSection,
        IReadOnlyList<SourceSection> sections)
    {
        var problems = section.ProblemShortNames;
        var failures = section.FailuresByPackage;
        var binaries = result.Binaries.Select(b =>
        {
            if (b.Package == null)
                return new Binary(b.Name, false, null, null, null, false, [], false, []);
            var logs = new List<Log>();
            foreach (var directory in SectionLogFiles.Shown.Where(d => d != LogDirectory.Reserved))
            {
                if (section.LatestLog(directory, b.Name) is { } log)
                    logs.Add(new Log(directory.DirectoryName(), log.Version, toSection + log.RelativePath));
            }
            var known = failures[b.Name]
                .Where(f => problems.ContainsKey(f.Line.Problem))
                .Select(f => new KnownProblem(problems[f.Line.Problem], f.LogDirectory, toSection + problems[f.Line.Problem] + ".html"))
                .Distinct()
                .ToArray();
            return new Binary(b.Name, true, b.Package.Architecture, b.TestVersion, b.State.Name(),
                b.Package.SourceVersion != result.Version, logs, logs.Any(l => l.Directory is "bugged" or "affected"), known);
        }).ToArray();
        var maintainer = result.Source.Maintainer;
        return new Entry(FormatVersion, result.Name, section.Name, result.Version, result.Verdict.Word(),
            $"{result.Name}.html",
            maintainer, result.Source.Uploaders, binaries, InSections(result.Name, sections, toSection),
            history.Select(h => new Test(h.Iso, h.Package, h.Version, h.Result, h.Changed, h.Log)).ToArray());
    }

    /// <summary>The entry with its list of sections replaced (the file of a section that did not change, when another one did).</summary>
    public static Entry WithSections(Entry entry, IReadOnlyList<SourceSection> sections) =>
        entry with { Sections = InSections(entry.Source, sections, "../../") };

    // From a file two directories below its section, through the site root, to each section's page and JSON of the source.
    private static InSection[] InSections(string source, IReadOnlyList<SourceSection> sections, string toSection) =>
        sections.Select(s =>
        {
            var page = $"{toSection}../{s.Section}/{Naming.SourcePage(source)}";
            return new InSection(s.Section, s.SourceVersion, s.Verdict, page, Path.ChangeExtension(page, ".json"), s.Binaries);
        }).ToArray();

    public static byte[] Serialize(Entry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, EntryInfo);

    /// <summary>An entry read back from a file this class wrote, or null when the bytes are not one.</summary>
    public static Entry? Deserialize(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, EntryInfo) is { Version: FormatVersion, Binaries: not null, History: not null, Uploaders: not null } entry
                ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public sealed record Entry(int Version, string Source, string Section, string SourceVersion, string Verdict, string Page,
        string? Maintainer, IReadOnlyList<string> Uploaders, IReadOnlyList<Binary> Binaries, IReadOnlyList<InSection> Sections,
        IReadOnlyList<Test> History);

    /// <summary>What one section that has the source says of it, with its page and JSON file there.</summary>
    public sealed record InSection(string Section, string SourceVersion, string Verdict, string Page, string Json,
        IReadOnlyList<SourceSection.BinaryState> Binaries);

    /// <summary>A binary of the source's Binary field; <c>Known</c> is false when the section's Packages index does not have it (udebs, other architectures).</summary>
    public sealed record Binary(string Name, bool Known, string? Architecture, string? Version, string? State, bool Cruft,
        IReadOnlyList<Log> Logs, bool BugFiled, IReadOnlyList<KnownProblem> KnownProblems);

    public sealed record Log(string Directory, string Version, string Url);

    public sealed record KnownProblem(string Problem, string Directory, string Page);

    public sealed record Test(string Time, string Package, string Version, string Result, bool Changed, string? Log);
}

using Piuparts.Core.IO;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Yaml;

/// <summary>
/// <c>&lt;output&gt;/&lt;section&gt;/sources.yaml</c> (summary.md §7.2): one mapping per source with
/// the keys source, state, version, sorted by name as sources.txt.
/// </summary>
public static class SourcesYaml
{
    public const string FileName = "sources.yaml";

    public static string Render(IEnumerable<SourceResult> sources)
    {
        var yaml = new YamlWriter();
        var any = false;
        foreach (var source in sources.OrderBy(s => s.Source, StringComparer.Ordinal))
        {
            any = true;
            yaml.Write("- source:");
            yaml.Scalar(source.Source, indent: 4);
            yaml.Line();
            yaml.Write("  state:");
            yaml.Scalar(source.Verdict.Word(), indent: 4);
            yaml.Line();
            yaml.Write("  version:");
            yaml.Scalar(source.Version, indent: 4);
            yaml.Line();
        }
        return any ? yaml.ToString() : "[]\n";
    }

    public static void Write(string path, IEnumerable<SourceResult> sources) => AtomicFile.Replace(path, Render(sources));
}

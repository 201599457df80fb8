using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Yaml;

/// <summary><c>&lt;output&gt;/sections.yaml</c>: the [global] sections as a YAML block sequence (report.md §7.1).</summary>
public static class SectionsYaml
{
    public const string FileName = "sections.yaml";

    public static string Render(IEnumerable<string> sections)
    {
        var yaml = new YamlWriter();
        var any = false;
        foreach (var section in sections)
        {
            any = true;
            yaml.Write("-");
            yaml.Scalar(section, indent: 2);
            yaml.Line();
        }
        return any ? yaml.ToString() : "[]\n";
    }

    public static void Write(string path, IEnumerable<string> sections) => AtomicFile.Replace(path, Render(sections));
}

using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Sources;

/// <summary>
/// <c>&lt;output&gt;/&lt;section&gt;/sources.txt</c> (summary.md §7.1): <c>&lt;source&gt;: &lt;verdict&gt;</c>
/// per line, sorted by name. tracker.debian.org reads it, so the format is an interface.
/// </summary>
public static class SourcesTxt
{
    public const string FileName = "sources.txt";

    public static string Render(IEnumerable<SourceResult> sources)
    {
        var text = new StringBuilder();
        foreach (var source in sources.OrderBy(s => s.Source, StringComparer.Ordinal))
            text.Append(source.Source).Append(": ").Append(source.Verdict.Word()).Append('\n');
        return text.ToString();
    }

    public static void Write(string path, IEnumerable<SourceResult> sources) => AtomicFile.Replace(path, Render(sources));
}

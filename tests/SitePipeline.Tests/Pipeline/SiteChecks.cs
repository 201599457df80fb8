using AngleSharp.Dom;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>Checks over a whole generated site: HTML5 validity and links that resolve.</summary>
public static class SiteChecks
{
    /// <summary>Every problem of every page: parse errors, duplicate ids, images without alt text.</summary>
    public static IReadOnlyList<string> HtmlProblems(string site)
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(site, file);
            var text = File.ReadAllText(file);
            if (Html.ParseError(text) is { } error)
                problems.Add($"{name}: {error}");
            var page = Html.Parse(text);
            foreach (var id in page.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1))
                problems.Add($"{name}: id '{id.Key}' used {id.Count()} times");
            foreach (var image in page.QuerySelectorAll("img").Where(i => !i.HasAttribute("alt")))
                problems.Add($"{name}: image {image.GetAttribute("src")} without alt text");
            if (!text.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal))
                problems.Add($"{name}: not an HTML5 document");
        }
        return problems;
    }

    /// <summary>Every internal link (href, src) that does not resolve to a file, or whose #fragment names no id there.</summary>
    public static IReadOnlyList<string> BrokenLinks(string site)
    {
        var broken = new List<string>();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var page = Html.Parse(File.ReadAllText(file));
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                var link = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal))
                    continue;
                var (path, fragment) = link.IndexOf('#') is var hash and >= 0 ? (link[..hash], link[(hash + 1)..]) : (link, "");
                var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (Directory.Exists(target))
                    target = Path.Combine(target, "index.html");
                if (!File.Exists(target))
                {
                    broken.Add($"{Path.GetRelativePath(site, file)}: {link}");
                    continue;
                }
                if (fragment.Length > 0 && target.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(ids, target).Contains(fragment))
                    broken.Add($"{Path.GetRelativePath(site, file)}: {link} (no such id)");
            }
        }
        return broken;
    }

    private static HashSet<string> IdsOf(Dictionary<string, HashSet<string>> cache, string file)
    {
        if (!cache.TryGetValue(file, out var set))
            cache[file] = set = Html.Parse(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        return set;
    }
}

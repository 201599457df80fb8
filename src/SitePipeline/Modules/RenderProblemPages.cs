using System.Text.RegularExpressions;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// One page per known problem with hits (known-problems.md §5, §6), named &lt;problem&gt;.html as
/// on piuparts.debian.org, and its link with counts under successfully-tested (issues) or
/// failed-testing (errors) on the section index. Unlike piuparts, every definition of the
/// directory gets its page (piuparts keeps a hard-wired list with typos), its label is the
/// definition's HEADER, and links point into this site, not to a fixed host.
/// </summary>
public sealed partial class RenderProblemPages : IModule
{
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        // An unchanged section keeps its problem pages, and its index its problem links (from its record).
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            var rdeps = new Dictionary<string, int>(StringComparer.Ordinal);
            int Rdeps(string package) =>
                rdeps.TryGetValue(package, out int n) ? n : rdeps[package] = section.Db.Contains(package) ? section.Db.Reverse(package).RdepCount : -1;
            // Stable: failed logs first, then by reverse dependencies, the rest as read (by log path).
            var sorted = section.Failures.OrderBy(f => f.IsInFail ? 0 : 1).ThenByDescending(f => Rdeps(f.Package)).ToArray();
            section.Failures = sorted;
            foreach (var problem in section.ProblemSet.Problems)
            {
                var entries = sorted.Where(f => f.Line.Problem == problem.Name).ToArray();
                if (entries.Length == 0 || !Naming.IsSafeFileName(problem.ShortName + ".html"))
                    continue;
                var page = problem.ShortName + ".html";
                var state = problem.IsIssue ? PackageState.SuccessfullyTested : PackageState.FailedTesting;
                var label = Tag().Replace(problem.Header, "").Trim();
                if (!section.Problems.TryGetValue(state, out var links))
                    section.Problems[state] = links = [];
                links.Add(new ProblemLink(page, label, Counts(entries, problem.IsIssue)));
                var destination = $"{section.Name}/{page}";
                output.Add(PageFrame.Page(context, destination, $"Packages in state {state.Name()} {label}", section.Name, "problem",
                    () => Model(section, problem, entries, Rdeps)));
            }
        }
        return output;
    }

    private static string Counts(SectionFailure[] entries, bool issue)
    {
        int Count(string directory) => entries.Count(e => e.LogDirectory == directory);
        if (issue)
            return Count("pass") is var passed and > 0 ? $"{passed} passed" : "";
        var parts = new List<string>();
        if (Count("bugged") is var bugged and > 0)
            parts.Add($"{bugged} bugged");
        if (Count("affected") is var affected and > 0)
            parts.Add($"{affected} affected");
        if (Count("fail") is var failed and > 0)
            parts.Add($"<span class=\"needs-bugging\">{failed} failed</span>");
        return string.Join(", ", parts);
    }

    private static object Model(SectionModel section, ProblemDefinition problem, SectionFailure[] entries, Func<string, int> rdeps)
    {
        var rows = entries.Select(e =>
        {
            var package = section.Db.Package(e.Package);
            var source = package?.SourceName ?? e.Package;
            var bug = Path.Combine(section.Directory.Path, e.LogDirectory, e.Line.PkgSpec + ".bug");
            return new
            {
                Rdeps = rdeps(e.Package),
                Href = e.LogPath,
                Path = $"{e.Line.Where}/{e.Line.PkgSpec}.log",
                All = package?.Architecture == "all",
                Cruft = package != null && section.IsCruft(package, missingSource: false),
                SourcePage = Naming.SourcePage(source),
                Source = source,
                Package = e.Package,
                Bugs = File.Exists(bug) ? File.ReadAllText(bug).Trim() : null,
                InFail = e.Line.Where == "fail",
            };
        }).ToArray();
        // piuparts starts a second list at the first entry whose log is not in fail/.
        int split = Array.FindIndex(rows, r => !r.InFail);
        var lists = split <= 0 ? new[] { rows } : new[] { rows[..split], rows[split..] };
        return new
        {
            Header = problem.Header,
            Section = section.Name,
            Helptext = problem.HelpText,
            Command = problem.Command,
            Lists = lists,
            Count = rows.Length,
        };
    }
}

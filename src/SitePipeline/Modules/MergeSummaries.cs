using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Summary;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// The global summary.json (summary.md §4): every section's file, this run's (as built, not
/// read back) or an earlier one's, merged by precedence. A section switched to json-sections = none loses its file first.
/// </summary>
public sealed class MergeSummaries : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        foreach (var section in context.Sections.Where(s => !s.HasSummary))
            File.Delete(Path.Combine(context.OutputDirectory, section.Name, GlobalSummary.FileName));
        var order = GlobalSummary.ByPrecedence(context.AllSections, s => context.Config.Piuparts.Section(s)?["precedence"]);
        var built = context.Sections.Where(s => s.BuiltSummary != null).ToDictionary(s => s.Name, s => s.BuiltSummary!, StringComparer.Ordinal);
        var merged = GlobalSummary.Merge(context.OutputDirectory, order, SummaryDate.Format(context.Options.Now), out var errors, built.GetValueOrDefault);
        foreach (var error in errors)
            context.Log($"{error}: left out of the global summary");
        SummaryJson.Write(merged, Path.Combine(context.OutputDirectory, GlobalSummary.FileName));
        return documents;
    }
}

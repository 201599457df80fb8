using Piuparts.Core.KnownProblems;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Refreshes the .kpr files of pass, bugged, affected and fail (known-problems.md §4.2), as
/// piuparts-report does before it builds pages, and reads every section's failure list.
/// </summary>
public sealed class ClassifyLogs : IModule
{
    public const string DefaultDirectory = "/usr/share/piuparts/known_problems";

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var directory = context.Config.Piuparts.Global.NonEmpty("known-problem-directory") ?? DefaultDirectory;
        var problems = Directory.Exists(directory) ? ProblemSet.Load(directory) : new ProblemSet([]);
        if (!Directory.Exists(directory))
            context.Log($"known-problem-directory {directory} does not exist: no logs are classified");
        foreach (var error in problems.Errors)
            context.Log($"{error}: definition skipped");
        // An unchanged section's logs, .kpr files and definitions are as the last run left them.
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            section.ProblemSet = problems.Without(section.Settings.Words("exclude-known-problems"));
            var listings = context.Listings(section.Name);
            var result = new KprRefresher(section.ProblemSet).Refresh(section.Directory.Path, KprRefreshOptions.Report, listings: listings);
            context.Log($"{section.Name}: parsed logfiles: {result.Removed} removed, {result.Added} added");
            foreach (var error in result.Errors)
                context.Log($"{section.Name}: {error}");
            var (failures, errors) = SectionFailures.Read(section.Directory.Path, listings);
            foreach (var error in errors)
                context.Log($"{section.Name}: {error}");
            section.Failures = failures;
        }
        return documents;
    }
}

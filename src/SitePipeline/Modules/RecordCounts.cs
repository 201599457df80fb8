using Piuparts.SitePipeline.History;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Adds the day's row to each section's counts.txt (report.md §6.5): the number of packages in
/// each of the fourteen states, once a day. The day is the run's date in UTC, so the same
/// --now gives the same file everywhere.
/// </summary>
public sealed class RecordCounts : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var day = DateOnly.FromDateTime(context.Options.Now.UtcDateTime);
        foreach (var section in context.Sections)
        {
            var counts = section.StateCounts.Select(c => (long)c).ToArray();
            var path = Path.Combine(section.Directory.Path, CountsFile.FileName);
            if (CountsFile.Update(path, day, counts))
                context.Log($"{section.Name}: counts.txt: added {day:yyyyMMdd}");
            section.History = CountsFile.Read(path);
            foreach (var error in section.History.Errors)
                context.Log($"{section.Name}: {error}");
        }
        return documents;
    }
}

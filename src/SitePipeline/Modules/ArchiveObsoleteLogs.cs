using Piuparts.Core.Maintenance;
using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>Moves logs of removed, outdated and superseded packages into archive/ (report.md §6.2), as piuparts-report does before it builds pages.</summary>
public sealed class ArchiveObsoleteLogs : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        // An unchanged section is as the last run left it: nothing became obsolete. The states
        // are not needed: this runs while they are computed (LoadSections).
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            var obsolete = ObsoleteLogs.Find(section.DbBeforeStates);
            foreach (var error in ObsoleteLogs.Archive(section.Directory, obsolete))
                context.Log($"{section.Name}: {error}");
            foreach (var log in obsolete)
            {
                if (File.Exists(section.Directory.LogPath(log.Directory, log.Name, log.Version)))
                    continue;
                context.Log($"{section.Name}: archived {log.Directory.DirectoryName()}/{log.Name}_{log.Version}.log: {log.Reason}");
                section.Archived.Add(log);
                section.Logs.Remove(log.Directory, $"{log.Name}_{log.Version}.log");
            }
        }
        return documents;
    }
}

using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Brings each current log into the output tree (report.md §6.3): a hard link to the master's
/// file when possible (same size and not newer: left alone), else a copy; then removes copies of
/// logs that are gone (§6.12).
/// </summary>
public sealed class LinkLogs : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        int linked = 0, removed = 0;
        foreach (var section in context.Sections)
        {
            foreach (var directory in SectionLogFiles.Shown)
            {
                var target = Path.Combine(context.OutputDirectory, section.Name, directory.DirectoryName());
                Directory.CreateDirectory(target);
                var current = new HashSet<string>(StringComparer.Ordinal);
                foreach (var log in section.Logs.In(directory))
                {
                    current.Add(log.FileName);
                    var source = Path.Combine(section.Directory.DirectoryPath(directory), log.FileName);
                    var copy = Path.Combine(target, log.FileName);
                    try
                    {
                        if (Update(source, copy))
                            linked++;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        context.Log($"{section.Name}: cannot copy {source}: {e.Message}");
                    }
                }
                foreach (var file in Directory.EnumerateFiles(target))
                {
                    if (!current.Contains(Path.GetFileName(file)))
                    {
                        File.Delete(file);
                        removed++;
                    }
                }
            }
        }
        context.Log($"logs: {linked} linked or copied, {removed} removed");
        return documents;
    }

    private static bool Update(string source, string copy)
    {
        var from = new FileInfo(source);
        var to = new FileInfo(copy);
        if (to.Exists && to.Length == from.Length && from.LastWriteTimeUtc <= to.LastWriteTimeUtc)
            return false;
        var temporary = copy + $".{Environment.ProcessId}.tmp";
        File.Delete(temporary);
        if (!HardLink.TryCreate(source, temporary))
        {
            File.Copy(source, temporary, overwrite: true);
            File.SetLastWriteTimeUtc(temporary, from.LastWriteTimeUtc);
        }
        File.Move(temporary, copy, overwrite: true);
        return true;
    }
}

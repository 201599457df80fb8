using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Renders every document (in parallel, output order fixed) and writes those whose bytes
/// differ from the file already there, each through a temporary file renamed into place, so a
/// reader never sees half a page and an unchanged page keeps its time stamp. Then removes the
/// pages of processed sections that this run no longer produces (sources that left the
/// archive, former maintainers, problems without hits), which piuparts leaves for a month.
/// </summary>
public sealed class WriteFiles : IModule
{
    /// <summary>Sub-trees of a section whose files are all produced by the report.</summary>
    private static readonly string[] OwnedSubtrees = ["source", "maintainer"];

    public int Written { get; private set; }

    public int Unchanged { get; private set; }

    public int Removed { get; private set; }

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var results = documents
            .AsParallel().AsOrdered()
            .Select(d => Write(context.OutputDirectory, d))
            .ToArray();
        Written = results.Count(r => r);
        Unchanged = results.Length - Written;

        var produced = documents.Select(d => Path.Combine(context.OutputDirectory, d.Destination)).ToHashSet(StringComparer.Ordinal);
        foreach (var section in context.Sections)
        {
            var root = Path.Combine(context.OutputDirectory, section.Name);
            var stale = Directory.EnumerateFiles(root, "*.html")
                .Concat(OwnedSubtrees.Select(s => Path.Combine(root, s)).Where(Directory.Exists)
                    .SelectMany(d => Directory.EnumerateFiles(d, "*.html", SearchOption.AllDirectories)))
                .Where(f => !produced.Contains(f))
                .ToArray();
            foreach (var file in stale)
            {
                File.Delete(file);
                Removed++;
            }
        }
        context.Log($"wrote {Written} of {results.Length} files ({Unchanged} unchanged), removed {Removed} stale pages");
        return documents;
    }

    private static bool Write(string outputDirectory, Document document)
    {
        var bytes = document.Content();
        var path = Path.Combine(outputDirectory, document.Destination);
        if (Same(path, bytes))
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    private static bool Same(string path, byte[] bytes)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (file.Length != bytes.Length)
                return false;
            var existing = new byte[bytes.Length];
            file.ReadExactly(existing);
            return existing.AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}

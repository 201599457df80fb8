namespace Piuparts.Core.Archive;

/// <summary>Fetches and merges the Packages or Sources files of a distribution into one index.</summary>
public sealed class IndexLoader
{
    // Bookworm main has 63,440 binary stanzas; sizing the table once avoids rehashing.
    private const int ExpectedPackages = 70_000;

    private readonly IndexFetcher _fetcher;
    private readonly IndexSnapshot? _snapshots;

    /// <param name="snapshots">Where to keep and find index snapshots; null for none.</param>
    public IndexLoader(IndexFetcher fetcher, IndexSnapshot? snapshots = null)
    {
        _fetcher = fetcher;
        _snapshots = snapshots;
    }

    /// <param name="opening">Told each URL before it is opened.</param>
    /// <param name="fetched">Told the URL that answered, with its compression suffix.</param>
    public IndexLoadResult<BinaryPackage> LoadBinaries(IEnumerable<string> urls, Action<string>? opening = null, Action<string>? fetched = null) =>
        _snapshots == null
            ? Load(urls, PackagesIndex.NewBinaryIndex(ExpectedPackages), PackagesIndex.ReadBinaries, opening, fetched)
            : LoadWithSnapshots(urls, _snapshots, PackagesIndex.NewBinaryIndex(ExpectedPackages), PackagesIndex.ReadBinaries,
                (stream, name, into, trimmed) => PackagesIndex.ReadBinaries(stream, name, into, p => IndexSnapshot.Trim(p, trimmed)),
                opening, fetched);

    public IndexLoadResult<SourcePackage> LoadSources(IEnumerable<string> urls) =>
        _snapshots == null
            ? Load(urls, PackagesIndex.NewSourceIndex(ExpectedPackages / 2), PackagesIndex.ReadSources, null, null)
            : LoadWithSnapshots(urls, _snapshots, PackagesIndex.NewSourceIndex(ExpectedPackages / 2), PackagesIndex.ReadSources,
                (stream, name, into, trimmed) => PackagesIndex.ReadSources(stream, name, into, p => IndexSnapshot.Trim(p, trimmed, IndexSnapshot.KeptSourceFields)),
                null, null);

    // Each URL from its snapshot while its validator holds; otherwise fetched, and snapshotted.
    private IndexLoadResult<T> LoadWithSnapshots<T>(IEnumerable<string> urls, IndexSnapshot snapshots, ArchiveIndex<T> index,
        Func<Stream, string, ArchiveIndex<T>, IReadOnlyList<InputError>> read,
        Func<Stream, string, ArchiveIndex<T>, MemoryStream, IReadOnlyList<InputError>> readAndTrim,
        Action<string>? opening, Action<string>? answered)
        where T : ArchivePackage
    {
        var opened = new List<string>();
        foreach (var url in urls)
        {
            var validator = _fetcher.Validator(url);
            if (validator != null && snapshots.Find(url, validator) is { } snapshot && OpenSnapshot(snapshot.File) is { } file)
            {
                opening?.Invoke(url);
                opened.Add(snapshot.FetchedUrl);
                answered?.Invoke(snapshot.FetchedUrl);
                IReadOnlyList<InputError> errors;
                using (file)
                    errors = read(file, snapshot.File, index);
                if (errors.Count > 0)
                    return new(null, opened, errors);
                continue;
            }
            var trimmed = new MemoryStream();
            var one = Load([url], index, (stream, name, into) => readAndTrim(stream, name, into, trimmed), opening, answered);
            if (one.Index == null)
                return new(null, [.. opened, .. one.Fetched], one.Errors);
            opened.AddRange(one.Fetched);
            if (validator != null)
                snapshots.Save(url, validator, one.Fetched[^1], trimmed.ToArray());
        }
        return new(index, opened, []);
    }

    // Another process saving the same URL's snapshot removes the file for a moment
    // (AtomicFile.ReplaceCache): then the index is fetched as if there were none.
    private static FileStream? OpenSnapshot(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private IndexLoadResult<T> Load<T>(IEnumerable<string> urls, ArchiveIndex<T> index,
        Func<Stream, string, ArchiveIndex<T>, IReadOnlyList<InputError>> read, Action<string>? opening, Action<string>? answered)
        where T : ArchivePackage
    {
        var opened = new List<string>();
        foreach (var url in urls)
        {
            opening?.Invoke(url);
            var fetched = _fetcher.Open(url);
            if (!fetched.Succeeded)
                return new(null, opened, [new InputError(fetched.Url, 0, fetched.Error!)]);
            opened.Add(fetched.Url);
            answered?.Invoke(fetched.Url);
            using var content = fetched.Content!;
            IReadOnlyList<InputError> errors;
            try
            {
                errors = read(content, fetched.Url, index);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A truncated or corrupt download surfaces as a decoder exception.
                return new(null, opened, [new InputError(fetched.Url, 0, $"cannot read: {e.Message}")]);
            }
            if (errors.Count > 0)
                return new(null, opened, errors);
        }
        return new(index, opened, []);
    }
}

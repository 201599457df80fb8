namespace Piuparts.Core.Archive;

/// <summary>Fetches and merges the Packages or Sources files of a distribution into one index.</summary>
public sealed class IndexLoader
{
    // Bookworm main has 63,440 binary stanzas; sizing the table once avoids rehashing.
    private const int ExpectedPackages = 70_000;

    private readonly IndexFetcher _fetcher;

    public IndexLoader(IndexFetcher fetcher) => _fetcher = fetcher;

    /// <param name="opening">Told each URL before it is opened.</param>
    /// <param name="fetched">Told the URL that answered, with its compression suffix.</param>
    public IndexLoadResult<BinaryPackage> LoadBinaries(IEnumerable<string> urls, Action<string>? opening = null, Action<string>? fetched = null) =>
        Load(urls, PackagesIndex.NewBinaryIndex(ExpectedPackages), PackagesIndex.ReadBinaries, opening, fetched);

    public IndexLoadResult<SourcePackage> LoadSources(IEnumerable<string> urls) =>
        Load(urls, PackagesIndex.NewSourceIndex(ExpectedPackages / 2), PackagesIndex.ReadSources, null, null);

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

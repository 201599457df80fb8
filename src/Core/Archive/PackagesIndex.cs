namespace Piuparts.Core.Archive;

/// <summary>Builds binary and source package indexes from control file streams.</summary>
public static class PackagesIndex
{
    public static ArchiveIndex<BinaryPackage> NewBinaryIndex(int capacity = 0) =>
        new(capacity);

    public static ArchiveIndex<SourcePackage> NewSourceIndex(int capacity = 0) =>
        new(capacity);

    /// <summary>Reads a Packages file into <paramref name="index"/>; returns the problems found (empty when clean).</summary>
    public static IReadOnlyList<InputError> ReadBinaries(Stream stream, string fileName, ArchiveIndex<BinaryPackage> index) =>
        Read(stream, fileName, index, (name, version, paragraph) => new BinaryPackage(name, version, paragraph));

    /// <summary>Like <see cref="ReadBinaries(Stream, string, ArchiveIndex{BinaryPackage})"/>, showing every well-formed paragraph to <paramref name="seen"/> too.</summary>
    public static IReadOnlyList<InputError> ReadBinaries(Stream stream, string fileName, ArchiveIndex<BinaryPackage> index,
        Action<ControlParagraph> seen) =>
        Read(stream, fileName, index, (name, version, paragraph) =>
        {
            seen(paragraph);
            return new BinaryPackage(name, version, paragraph);
        });

    /// <summary>Reads a Sources file into <paramref name="index"/>; returns the problems found (empty when clean).</summary>
    public static IReadOnlyList<InputError> ReadSources(Stream stream, string fileName, ArchiveIndex<SourcePackage> index) =>
        Read(stream, fileName, index, (name, version, paragraph) => new SourcePackage(name, version, paragraph));

    /// <summary>Like <see cref="ReadSources(Stream, string, ArchiveIndex{SourcePackage})"/>, showing every well-formed paragraph to <paramref name="seen"/> too.</summary>
    public static IReadOnlyList<InputError> ReadSources(Stream stream, string fileName, ArchiveIndex<SourcePackage> index,
        Action<ControlParagraph> seen) =>
        Read(stream, fileName, index, (name, version, paragraph) =>
        {
            seen(paragraph);
            return new SourcePackage(name, version, paragraph);
        });

    private static List<InputError> Read<T>(Stream stream, string fileName, ArchiveIndex<T> index,
        Func<string, string, ControlParagraph, T> create) where T : ArchivePackage
    {
        var reader = new ControlFileReader(stream, fileName);
        var missing = new List<InputError>();
        while (reader.ReadNext() is { } paragraph)
        {
            var name = paragraph["Package"];
            var version = paragraph["Version"];
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
            {
                missing.Add(new InputError(fileName, paragraph.Line,
                    string.IsNullOrEmpty(name) ? "paragraph has no Package field" : $"package {name} has no Version field"));
                continue;
            }
            index.Add(create(name, version, paragraph));
        }
        return [.. reader.Errors.Concat(missing).OrderBy(e => e.Line)];
    }
}

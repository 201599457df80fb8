namespace Piuparts.Core.KnownProblems;

/// <summary>
/// A file of a section's log directory: the directory's name (pass, fail …), the directory's
/// path, the file's name and, when listed with times, its modification time in ticks (0 when
/// not known). The full path is made when asked: a section's maps hold 30,000 files each, and
/// most are only compared.
/// </summary>
public readonly record struct SectionFile(string Directory, string DirectoryPath, string FileName, long ModifiedTicks = 0)
{
    public string Path => System.IO.Path.Combine(DirectoryPath, FileName);
}

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// A file of a section's log directory: the directory's name (pass, fail …), the file's full
/// path and, when listed with times, its modification time in ticks (0 when not known).
/// </summary>
public readonly record struct SectionFile(string Directory, string Path, long ModifiedTicks = 0);

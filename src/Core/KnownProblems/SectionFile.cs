namespace Piuparts.Core.KnownProblems;

/// <summary>A file of a section's log directory: the directory's name (pass, fail …) and the file's full path.</summary>
public readonly record struct SectionFile(string Directory, string Path);

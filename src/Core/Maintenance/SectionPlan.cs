namespace Piuparts.Core.Maintenance;

/// <summary>
/// What a maintenance job will do to one section (or to the master directory as a whole when
/// <see cref="Section"/> names no section): the changes in the order they are applied, a
/// one-line summary, and warnings that change nothing (a file to back up that is missing).
/// </summary>
public sealed record SectionPlan(string Section, IReadOnlyList<FileChange> Changes, string Summary)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

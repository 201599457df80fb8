namespace Piuparts.Differential.Tests.Harness;

/// <summary>What a <see cref="DirectorySnapshot"/> records beyond the layout and the log contents.</summary>
public sealed record SnapshotOptions
{
    public static readonly SnapshotOptions Default = new();

    public MasterLogMode MasterLog { get; init; } = MasterLogMode.Exists;

    /// <summary>Larger files are shown by size and SHA-256 instead of their lines.</summary>
    public int MaxContentBytes { get; init; } = 64 * 1024;
}

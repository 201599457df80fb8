using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// What <see cref="MasterDirectoryBuilder.Build"/> made: a file:// mirror shared by all copies
/// (read-only for the masters) and one or more identical master directories with their
/// configuration. Disposing removes everything.
/// </summary>
public sealed class MasterFixture : IDisposable
{
    private readonly TemporaryDirectory root;

    internal MasterFixture(TemporaryDirectory root, string mirrorDirectory, IReadOnlyList<MasterCopy> copies, DateTime builtAt)
    {
        this.root = root;
        MirrorDirectory = mirrorDirectory;
        Copies = copies;
        BuiltAt = builtAt;
    }

    public string Root => root.Path;

    public string MirrorDirectory { get; }

    public string MirrorUrl => "file://" + MirrorDirectory;

    public IReadOnlyList<MasterCopy> Copies { get; }

    /// <summary>The instant the seeded ages count back from (UTC).</summary>
    public DateTime BuiltAt { get; }

    /// <summary>The only copy, for fixtures built with one.</summary>
    public MasterCopy Single => Copies.Count == 1 ? Copies[0] : throw new InvalidOperationException($"the fixture has {Copies.Count} copies");

    public void Dispose() => root.Dispose();
}

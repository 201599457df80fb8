using System.Diagnostics;
using Piuparts.Core.Archive;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Support;
using Piuparts.Differential.Tests.Harness;
using Xunit.Abstractions;

namespace Piuparts.Differential.Tests.Comparison;

/// <summary>
/// package-states.md promises identical _list answers on the complete bookworm main index:
/// Debian's master and ours on all 63,436 packages, with logs seeded for 40% of them.
/// </summary>
public sealed class FullBookwormTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_list_and_the_status_of_full_bookworm_main_are_those_of_Debians_master()
    {
        var plain = _temp.Combine("Packages");
        AptLists.DecodeLz4(AptLists.BookwormMainPackages(), plain);
        var xz = plain + ".xz";
        // Fast and multi-threaded: this test is about states, not compression.
        DebianTools.Run("xz", ["-0", "-T2", "-k", plain], timeout: TimeSpan.FromMinutes(2));
        var index = PackagesIndex.NewBinaryIndex();
        using (var file = File.OpenRead(plain))
            Assert.Empty(PackagesIndex.ReadBinaries(file, plain, index));

        var builder = new MasterDirectoryBuilder().Section("bookworm").PackagesXz("bookworm", xz);
        var pick = new Random(7);
        foreach (var package in index.InOrder)
        {
            double x = pick.NextDouble();
            LogDirectory? directory = x switch
            {
                < 0.40 => LogDirectory.Pass,
                < 0.43 => LogDirectory.Fail,
                < 0.44 => LogDirectory.Untestable,
                < 0.445 => LogDirectory.Bugged,
                < 0.45 => LogDirectory.Affected,
                < 0.452 => LogDirectory.Reserved,
                _ => null,
            };
            if (directory is { } d)
                builder.Log("bookworm", d, package.Name, package.Version);
        }
        using var fixture = builder.Build(copies: 2);
        var script = StateListing.Script("bookworm", "_state libc6", "_depends python3", "_recursive-depends dpkg");

        var clock = Stopwatch.StartNew();
        var debian = MasterRunner.Run(MasterCommand.Debian, fixture.Copies[0], script, replyTimeout: TimeSpan.FromMinutes(3));
        var debianTime = clock.Elapsed;
        clock.Restart();
        var ours = MasterRunner.Run(MasterUnderTest.Command, fixture.Copies[1], script, replyTimeout: TimeSpan.FromMinutes(3));
        output.WriteLine($"Debian's master: {debianTime.TotalSeconds:F1} s, piuparts-site: {clock.Elapsed.TotalSeconds:F1} s");

        var theirs = StateListing.From(debian);
        var mine = StateListing.From(ours);
        Assert.Equal(63_436, theirs.Total);
        Assert.Equal(theirs.Status, mine.Status);
        foreach (var (state, names) in theirs.Lists)
            Assert.True(names.SequenceEqual(mine.Names(state)), $"_list {state} differs");
        Assert.Equal(debian.Replies.TakeLast(3), ours.Replies.TakeLast(3));
    }
}

using Piuparts.Differential.Tests.Harness;
using Xunit.Abstractions;

namespace Piuparts.Differential.Tests.Debian;

/// <summary>
/// The harness against Debian's master itself: every comparison scenario, run by Debian's
/// master on two identical copies, must come out identical once normalized. Otherwise the
/// comparison with the master under test would report the harness's noise as differences.
/// </summary>
public sealed class HarnessDeterminismTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void Debians_master_run_twice_on_identical_copies_leaves_identical_answers_and_files(string name)
    {
        var scenario = Scenarios.Named(name);

        var comparison = MasterComparison.Run(scenario, MasterCommand.Debian, MasterCommand.Debian);

        foreach (var line in comparison.Expected.Lines())
            output.WriteLine(line.Length > 300 ? line[..300] + " ..." : line);
        Assert.All(comparison.Expected.Sessions, session => Assert.Equal("hello", session.Greeting));
        comparison.AssertSame();
    }
}

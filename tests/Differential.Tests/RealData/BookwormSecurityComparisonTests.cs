using Piuparts.Differential.Tests.Harness;
using Xunit.Abstractions;

namespace Piuparts.Differential.Tests.RealData;

/// <summary>
/// <see cref="BookwormSecurityScenario"/> with Debian's master and the master under test: the
/// same replies, files, <c>_list</c> answers, <c>status</c> and sampled <c>_state</c>; the time
/// each master took is written to the test output (not asserted).
/// </summary>
public sealed class BookwormSecurityComparisonTests(ITestOutputHelper output)
{
    [Fact]
    public void Both_masters_agree_on_a_5000_package_excerpt_of_bookworm_and_all_of_bookworm_security_as_a_partial_section()
    {
        var scenario = BookwormSecurityScenario.Create();

        var comparison = MasterComparison.Run(scenario, MasterCommand.Debian, MasterUnderTest.Command);

        foreach (var side in (ComparisonSide[])[comparison.Expected, comparison.Actual])
            output.WriteLine(Timing(side));
        foreach (var (section, listing) in comparison.Expected.Listings)
            output.WriteLine($"Debian's master, {section}: {listing.Status}");
        var granted = comparison.Expected.Sessions
            .Select(s => s.RepliesTo("reserve").Count(r => r != null && r.StartsWith("ok ", StringComparison.Ordinal)));
        output.WriteLine("Debian's master granted reservations per session: " + string.Join(", ", granted));
        var debianMain = comparison.Expected.Listings[BookwormSecurityScenario.Main];
        var debianSecurity = comparison.Expected.Listings[BookwormSecurityScenario.Security];
        Assert.True(debianMain.Total >= 5000, $"bookworm has {debianMain.Total} packages");
        Assert.Equal(BookwormSecurityScenario.Names(BookwormSecurityScenario.Main).Count, debianMain.Total);
        Assert.Equal(BookwormSecurityScenario.Names(BookwormSecurityScenario.Security).Count, debianSecurity.Total);
        Assert.NotEmpty(debianSecurity.Names("outdated"));
        Assert.All((string[])["successfully-tested", "failed-testing", "cannot-be-tested", "waiting-to-be-tested"],
            state => Assert.NotEmpty(debianMain.Names(state)));
        // Every session reserves until "error": the reserved set is then fixed although ties are broken at random.
        Assert.All(comparison.Expected.Sessions, session =>
        {
            Assert.Contains(session.RepliesTo("reserve"), reply => reply != null && reply.StartsWith("ok ", StringComparison.Ordinal));
            Assert.Equal("error", session.RepliesTo("reserve")[^1]);
        });
        Assert.Equal("ok", comparison.Expected.Sessions[1].ReplyTo("recycle"));
        comparison.AssertSame();
    }

    private static string Timing(ComparisonSide side)
    {
        var sessions = string.Join(", ", side.Sessions.Select((s, i) => $"session {i + 1} {Milliseconds(s.Elapsed)}"));
        var loads = string.Join(", ", side.QuerySessions.Select(q =>
            $"{q.Key}: section+status (load and compute) {Milliseconds(q.Value.Exchanges.Take(2).Aggregate(TimeSpan.Zero, (t, e) => t + e.Took))}, " +
            $"whole query session {Milliseconds(q.Value.Elapsed)}"));
        return $"{side.Label}: {sessions}; {loads}";
    }

    private static string Milliseconds(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";
}

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// Runs a scenario with two masters, each on its own identical copy of the master directory
/// (sessions alternate: session 1 on both, then session 2, ...), and compares the normalized
/// transcripts, the master directories left behind, the _list answers and the query answers.
/// The copies are removed when <see cref="Run"/> returns; the sides keep what was recorded.
/// </summary>
public sealed class MasterComparison
{
    private MasterComparison(Scenario scenario, ComparisonSide expected, ComparisonSide actual)
    {
        Scenario = scenario;
        Expected = expected;
        Actual = actual;
    }

    public Scenario Scenario { get; }

    public ComparisonSide Expected { get; }

    public ComparisonSide Actual { get; }

    public static MasterComparison Run(Scenario scenario, MasterCommand expected, MasterCommand actual, SnapshotOptions? options = null)
    {
        using var fixture = scenario.Setup.Build(copies: 2);
        var commands = new[] { expected, actual };
        var sessions = new[] { new List<SessionTranscript>(), new List<SessionTranscript>() };
        foreach (var script in scenario.Sessions)
        {
            for (int side = 0; side < 2; side++)
                sessions[side].Add(MasterRunner.Run(commands[side], fixture.Copies[side], script));
        }
        var sides = new ComparisonSide[2];
        for (int side = 0; side < 2; side++)
        {
            var copy = fixture.Copies[side];
            var snapshot = DirectorySnapshot.Take(copy.MasterDirectory, options);
            var listings = new Dictionary<string, StateListing>(StringComparer.Ordinal);
            var queries = new Dictionary<string, SessionTranscript>(StringComparer.Ordinal);
            foreach (var section in scenario.ListedSections)
            {
                listings[section] = StateListing.From(MasterRunner.Run(commands[side], copy, StateListing.Script(section)));
                var asked = scenario.Queries.TryGetValue(section, out var more) ? more : [];
                queries[section] = MasterRunner.Run(commands[side], copy, new SessionScript($"section {section}", "status").Send([.. asked]));
            }
            sides[side] = new ComparisonSide(commands[side], copy, sessions[side], snapshot, listings, queries);
        }
        return new MasterComparison(scenario, sides[0], sides[1]);
    }

    /// <summary>One assertion over everything; on failure the diff names the session, file or list that differs.</summary>
    public void AssertSame() =>
        HarnessAssert.SameLines(Expected.Lines(), Actual.Lines(), $"scenario '{Scenario.Name}': what the masters did",
            Expected.Label, Actual.Label);
}

using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;
using Xunit.Abstractions;

namespace Piuparts.Differential.Tests.Debian;

/// <summary>
/// <c>_list</c> for every state with Debian's master on real bookworm data (the excerpt, 2,115
/// packages) with logs seeded in every log directory: each package is in exactly one list, the
/// lists agree with <c>status</c>, seeded logs land where package-states.md §6.2 says, and the
/// time Debian's master takes is reported.
/// </summary>
public sealed class ExcerptStateListTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_package_of_the_bookworm_excerpt_is_in_exactly_one_list_and_status_counts_the_lists()
    {
        var names = Scenarios.ExcerptNames();
        using var fixture = Scenarios.ExcerptSetup().Build();

        var transcript = MasterRunner.Run(MasterCommand.Debian, fixture.Single, StateListing.Script(Scenarios.ExcerptSection));

        Assert.True(transcript.AllAnswered, transcript.ToString());
        var listing = StateListing.From(transcript);
        Assert.Empty(listing.Problems);
        Assert.Equal(2115, names.Count);
        Assert.Equal(names.Count, listing.Total);
        Assert.Equal(names.Order(StringComparer.Ordinal), listing.Lists.Values.SelectMany(n => n).Order(StringComparer.Ordinal));
        var counts = listing.StatusCounts();
        Assert.Equal([.. ListStates.Active, "total"], counts.Keys);
        Assert.All(ListStates.Active, state => Assert.Equal(listing.Names(state).Count, counts[state]));
        Assert.Equal(names.Count, counts["total"]);
        Assert.All(ListStates.Obsolete, state => Assert.Empty(listing.Names(state)));
        Assert.Empty(listing.Names("outdated"));
        Assert.Empty(listing.Names("unknown"));
        output.WriteLine(string.Join('\n', counts.Select(c => $"{c.Key} {c.Value}")));
    }

    [Fact]
    public void Seeded_logs_put_their_packages_in_the_states_of_package_states_section_6_2()
    {
        using var fixture = Scenarios.ExcerptSetup().Build();

        var listing = StateListing.From(MasterRunner.Run(MasterCommand.Debian, fixture.Single, StateListing.Script(Scenarios.ExcerptSection)));

        Assert.Equal("successfully-tested", listing.StateOf("libafterburner.fx-java-doc"));
        Assert.Equal("successfully-tested", listing.StateOf("fonts-campania"));
        // A pass log whose dependencies are not all in the section does not count at first...
        Assert.Equal("dependency-does-not-exist", listing.StateOf("libc6"));
        // ...and a log of another version is not this package's log.
        Assert.Equal("waiting-to-be-tested", listing.StateOf("libcalendar-ocaml-doc"));
        Assert.Equal("failed-testing", listing.StateOf("sensible-utils"));
        Assert.Equal("failed-testing", listing.StateOf("libcctz-doc"));
        Assert.Equal("failed-testing", listing.StateOf("colobot-common-textures"));
        Assert.Equal("cannot-be-tested", listing.StateOf("cl-ppcre"));
        Assert.Equal("waiting-to-be-tested", listing.StateOf("asterisk-core-sounds-en-gsm"));
        // Without recycle mode a recycle mark changes nothing.
        Assert.Equal("waiting-to-be-tested", listing.StateOf("c++-annotations-dvi"));
        Assert.Equal(Scenarios.ExcerptSeeds.Count(s => s.Directory is LogDirectory.Fail or LogDirectory.Bugged or LogDirectory.Affected),
            listing.Names("failed-testing").Count);
    }

    [Fact]
    public void Debians_master_loads_and_computes_the_excerpt_within_seconds()
    {
        using var fixture = Scenarios.ExcerptSetup().Build();

        var transcript = MasterRunner.Run(MasterCommand.Debian, fixture.Single,
            new SessionScript($"section {Scenarios.ExcerptSection}", "status", "reserve"));

        Assert.True(transcript.AllAnswered, transcript.ToString());
        var status = transcript.Exchanges[1];
        var reserve = transcript.Exchanges[2];
        Assert.StartsWith("ok ", reserve.Reply);
        output.WriteLine($"Debian's master on the excerpt: status (download, parse, states) {status.Took.TotalMilliseconds:F0} ms, " +
            $"first reserve {reserve.Took.TotalMilliseconds:F0} ms, whole session {transcript.Elapsed.TotalMilliseconds:F0} ms");
        Assert.InRange(status.Took, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }
}

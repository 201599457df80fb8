using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.HarnessTests;

/// <summary>What normalizing a transcript masks, and what it keeps.</summary>
public sealed class SessionTranscriptTests
{
    [Fact]
    public void Normalizing_masks_idle_seconds_sorts_list_answers_and_the_grants_of_a_run_of_reserves()
    {
        var transcript = Transcript(
            ("idle", "ok 0"), ("idle", "ok 3712"), ("_list waiting-to-be-tested", "ok zz aa mm"),
            ("reserve", "ok zzlib 1.0"), ("reserve", "ok aa 2"), ("reserve", "error"), ("status", "ok total=0"), ("reserve", "ok b 1"));

        Assert.Equal(
            ["<< hello", ">> idle", "<< ok 0", ">> idle", "<< ok <positive>", ">> _list waiting-to-be-tested", "<< ok aa mm zz",
             ">> reserve", "<< ok aa 2", ">> reserve", "<< ok zzlib 1.0", ">> reserve", "<< error", ">> status", "<< ok total=0",
             ">> reserve", "<< ok b 1", "exit 0"],
            transcript.Normalized());
    }

    [Fact]
    public void A_timing_dependent_idle_is_masked_whatever_its_value_but_a_malformed_one_stays()
    {
        var script = new SessionScript().SendTimingDependent("idle").SendTimingDependent("idle");
        var transcript = Transcript(script.Zip(["ok 0", "ok -1"]).Select(p => (p.First, p.Second)).ToArray());

        Assert.Equal(["<< ok <seconds>", "<< ok -1"], transcript.Normalized().Where(l => l.StartsWith("<< ok", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_state_listing_reads_sorted_lists_the_status_counts_and_the_lists_that_failed()
    {
        var transcript = Transcript(("status", "ok successfully-tested=1 failed-testing=0 total=1"), ("_list successfully-tested", "ok b a"),
            ("_list failed-testing", "ok"), ("_list outdated", "error"));

        var listing = StateListing.From(transcript);

        Assert.Equal(["a", "b"], listing.Names("successfully-tested"));
        Assert.Equal(2, listing.Total);
        Assert.Equal("b", listing.Names("successfully-tested")[1]);
        Assert.Equal("successfully-tested", listing.StateOf("a"));
        Assert.Equal(new Dictionary<string, int> { ["successfully-tested"] = 1, ["failed-testing"] = 0, ["total"] = 1 }, listing.StatusCounts());
        Assert.Equal("error", listing.Problems["outdated"]);
        Assert.Contains("outdated: not listed: error", listing.Lines());
    }

    [Fact]
    public void The_reply_to_a_command_line_is_found_by_the_whole_line_and_a_missing_reply_shows_its_outcome()
    {
        var answered = Transcript(("_depends aa", "ok bb"), ("_depends a", "error"));
        var cut = new SessionTranscript
        {
            MasterName = answered.MasterName,
            Greeting = answered.Greeting,
            Exchanges = [.. answered.Exchanges, new Exchange(SessionStep.Command("_state aa"), ReplyOutcome.EndOfOutput, null, TimeSpan.Zero)],
            TrailingOutput = [],
            ExitCode = 1,
            StandardError = "",
            Started = answered.Started,
            Ended = answered.Ended,
        };

        Assert.Equal("ok bb", cut.ReplyTo("_depends aa"));
        Assert.Equal("error", cut.ReplyTo("_depends a"));
        Assert.Equal("(no reply: the master closed its output)", cut.ReplyTo("_state aa"));
        Assert.Null(cut.ReplyTo("_depends"));
    }

    private static SessionTranscript Transcript(params (string Command, string Reply)[] exchanges) =>
        Transcript(exchanges.Select(e => (SessionStep.Command(e.Command), e.Reply)).ToArray());

    private static SessionTranscript Transcript(params (SessionStep Step, string Reply)[] exchanges) => new()
    {
        MasterName = "test",
        Greeting = "hello",
        Exchanges = exchanges.Select(e => new Exchange(e.Step, ReplyOutcome.Answered, e.Reply, TimeSpan.Zero)).ToList(),
        TrailingOutput = [],
        ExitCode = 0,
        StandardError = "",
        Started = DateTimeOffset.Now,
        Ended = DateTimeOffset.Now,
    };
}

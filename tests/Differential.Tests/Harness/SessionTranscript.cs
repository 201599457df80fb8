using System.Globalization;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// Everything one master process did in one session: its greeting, the reply to every step,
/// any output after the last reply, how it ended and what it wrote on stderr.
/// </summary>
public sealed class SessionTranscript
{
    public required string MasterName { get; init; }

    /// <summary>The first line the master wrote ("hello"), or null when it wrote none in time.</summary>
    public required string? Greeting { get; init; }

    public required IReadOnlyList<Exchange> Exchanges { get; init; }

    /// <summary>Lines the master wrote after the last expected reply (a correct master writes none).</summary>
    public required IReadOnlyList<string> TrailingOutput { get; init; }

    /// <summary>The exit status, or null when the process had to be killed.</summary>
    public required int? ExitCode { get; init; }

    public required string StandardError { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required DateTimeOffset Ended { get; init; }

    public TimeSpan Elapsed => Ended - Started;

    /// <summary>The reply lines (null where a step got none).</summary>
    public IReadOnlyList<string?> Replies => Exchanges.Select(e => e.Reply).ToList();

    /// <summary>True when every step got its reply line.</summary>
    public bool AllAnswered => Exchanges.All(e => e.Outcome == ReplyOutcome.Answered);

    /// <summary>The replies to the steps whose command is <paramref name="verb"/>, in order.</summary>
    public IReadOnlyList<string?> RepliesTo(string verb) =>
        Exchanges.Where(e => e.Step.Verb == verb).Select(e => e.Reply).ToList();

    /// <summary>
    /// The reply (or, when there was none, the parenthesized outcome) to the first step whose
    /// command line is exactly <paramref name="commandLine"/>; null when the session has no such step.
    /// </summary>
    public string? ReplyTo(string commandLine) =>
        Exchanges.FirstOrDefault(e => e.Step.Display[0] == commandLine) is { } exchange
            ? exchange.Reply ?? exchange.ReplyLine
            : null;

    /// <summary>The session as protocol.md §8 shows one ("&lt;&lt;" master, "&gt;&gt;" slave), then how it ended.</summary>
    public IReadOnlyList<string> Render() => Lines(normalize: false);

    /// <summary>
    /// <see cref="Render"/> with what legitimately differs between runs masked, so two masters
    /// (or two runs of one) can be compared line for line:
    /// <list type="bullet">
    /// <item>a positive <c>idle</c> answer becomes <c>ok &lt;positive&gt;</c> (it adds a random 0-119 s); an idle
    /// step marked timing-dependent becomes <c>ok &lt;seconds&gt;</c> whatever its value;</item>
    /// <item>the names of a <c>_list</c> answer are sorted (the original's order is hash-set order);</item>
    /// <item>in a run of consecutive <c>reserve</c> steps, the <c>ok NAME VERSION</c> answers are sorted
    /// among themselves (the original breaks ties between equal weights at random).</item>
    /// </list>
    /// stderr is left out (Python tracebacks and other messages differ by nature).
    /// </summary>
    public IReadOnlyList<string> Normalized() => Lines(normalize: true);

    public override string ToString()
    {
        var text = string.Join('\n', Render());
        return StandardError.Length == 0 ? text : text + "\nstderr:\n" + StandardError.TrimEnd();
    }

    private List<string> Lines(bool normalize)
    {
        var replies = Exchanges.Select(e => e.ReplyLine).ToList();
        if (normalize)
            NormalizeReplies(replies);
        var lines = new List<string> { Greeting == null ? "(no greeting)" : "<< " + SessionStep.Escape(Greeting) };
        for (int i = 0; i < Exchanges.Count; i++)
        {
            lines.AddRange(Exchanges[i].Step.Display.Select(d => ">> " + d));
            lines.Add(replies[i]);
        }
        lines.AddRange(TrailingOutput.Select(t => "(after the last reply) << " + SessionStep.Escape(t)));
        lines.Add(ExitCode is { } code ? $"exit {code}" : "killed");
        return lines;
    }

    private void NormalizeReplies(List<string> replies)
    {
        for (int i = 0; i < Exchanges.Count; i++)
        {
            var exchange = Exchanges[i];
            if (exchange.Outcome != ReplyOutcome.Answered)
                continue;
            var words = exchange.Reply!.Split(' ');
            switch (exchange.Step.Verb)
            {
                case "idle" when words.Length == 2 && words[0] == "ok" && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds):
                    if (exchange.Step.TimingDependent)
                        replies[i] = "<< ok <seconds>";
                    else if (seconds > 0)
                        replies[i] = "<< ok <positive>";
                    break;
                case "_list" when words[0] == "ok":
                    replies[i] = "<< " + string.Join(' ', words.Skip(1).Order(StringComparer.Ordinal).Prepend("ok"));
                    break;
            }
        }
        for (int start = 0; start < Exchanges.Count;)
        {
            int end = start;
            while (end < Exchanges.Count && Exchanges[end].Step.Verb == "reserve")
                end++;
            if (end == start)
            {
                start++;
                continue;
            }
            var granted = Enumerable.Range(start, end - start)
                .Where(i => Exchanges[i].Outcome == ReplyOutcome.Answered && Exchanges[i].Reply!.StartsWith("ok ", StringComparison.Ordinal))
                .ToList();
            var sorted = granted.Select(i => replies[i]).Order(StringComparer.Ordinal).ToList();
            for (int k = 0; k < granted.Count; k++)
                replies[granted[k]] = sorted[k];
            start = end;
        }
    }
}

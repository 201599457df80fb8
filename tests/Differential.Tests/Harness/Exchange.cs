namespace Piuparts.Differential.Tests.Harness;

/// <summary>One step of a session and the reply line it got (null unless <see cref="Outcome"/> is Answered).</summary>
/// <param name="Took">From sending the step to its reply (or to giving up).</param>
public sealed record Exchange(SessionStep Step, ReplyOutcome Outcome, string? Reply, TimeSpan Took)
{
    /// <summary>The transcript line for the reply: "&lt;&lt; reply" or a parenthesized note.</summary>
    public string ReplyLine => Outcome switch
    {
        ReplyOutcome.Answered => "<< " + SessionStep.Escape(Reply!),
        ReplyOutcome.EndOfOutput => "(no reply: the master closed its output)",
        ReplyOutcome.TimedOut => "(no reply in time)",
        _ => "(not sent: the master was gone)",
    };
}

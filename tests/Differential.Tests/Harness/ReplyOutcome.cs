namespace Piuparts.Differential.Tests.Harness;

/// <summary>What came back for one step.</summary>
public enum ReplyOutcome
{
    /// <summary>One reply line.</summary>
    Answered,

    /// <summary>The master closed its output (exited or died) before replying.</summary>
    EndOfOutput,

    /// <summary>No reply within the reply timeout; the process is killed when the session closes.</summary>
    TimedOut,

    /// <summary>Not sent: the master was already gone (or its stdin closed) after an earlier step.</summary>
    NotSent,
}

namespace Piuparts.Differential.Tests.Harness;

/// <summary>Runs one scripted session of a master on a copy of a master directory.</summary>
public static class MasterRunner
{
    /// <summary>
    /// Starts the master, sends the script's steps one at a time (each waits at most
    /// <paramref name="replyTimeout"/>, default 60 s, for its reply; once the master stops
    /// answering the remaining steps are recorded as not sent), then ends the session with EOF
    /// and collects the exit status (bounded by <paramref name="exitTimeout"/>, then killed).
    /// </summary>
    public static SessionTranscript Run(MasterCommand command, MasterCopy copy, IEnumerable<SessionStep> script,
        TimeSpan? replyTimeout = null, TimeSpan? exitTimeout = null)
    {
        using var connection = MasterConnection.Start(command, copy, replyTimeout);
        foreach (var step in script)
            connection.Send(step);
        return connection.Close(exitTimeout);
    }
}

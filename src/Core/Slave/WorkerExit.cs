namespace Piuparts.Core.Slave;

/// <summary>Why a worker's loop ended.</summary>
public enum WorkerExit
{
    /// <summary>Nothing (more) to do in a run with --once, or no sections.</summary>
    Done,
    /// <summary>A stop was asked for; finished logs were submitted where the master could be reached.</summary>
    Stopped,
    /// <summary>A second stop aborted the running test; its reservation stays for the next start.</summary>
    Aborted,
    /// <summary>SIGUSR1: the round is over and the program is to start again.</summary>
    Restart,
    /// <summary>The worker met an error it cannot go on after (logged); the other workers go on.</summary>
    Failed,
}

namespace Piuparts.Core.Tests.Protocol;

/// <summary>What one master session did: its exit status, what it sent, its error output and what it added to master.log.</summary>
public sealed record SessionResult(int ExitCode, string Output, string Errors, string MasterLog)
{
    /// <summary>The replies after "hello", one per line.</summary>
    public IReadOnlyList<string> Replies => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
}

namespace Piuparts.Core.Protocol;

/// <summary>
/// Ends a session without a reply, as piuparts' master does on a protocol error (FATAL) or a
/// failed download (ABORT): the reason is logged, the connection closes.
/// </summary>
public sealed class ProtocolAbort(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static ProtocolAbort Fatal(string message) => new(message, 1);
}

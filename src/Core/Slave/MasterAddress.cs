namespace Piuparts.Core.Slave;

/// <summary>
/// Where a section's master is: the ssh host, the optional ssh user and the remote command
/// (slave.md §6). A connection is reused while the address stays the same.
/// </summary>
public sealed record MasterAddress(string? Host, string? User, string? Command)
{
    /// <summary>What the slave asks ssh to run when master-command is unset: authorized_keys forces the real one.</summary>
    public const string ForcedCommandPlaceholder = "command-is-set-in-authorized_keys";

    /// <summary>The arguments after the ssh program: <c>-x [-l user] host command</c>.</summary>
    public IReadOnlyList<string> SshArguments()
    {
        var arguments = new List<string> { "-x" };
        if (!string.IsNullOrEmpty(User))
            arguments.AddRange(["-l", User]);
        arguments.Add(Host ?? "");
        arguments.Add(string.IsNullOrEmpty(Command) ? ForcedCommandPlaceholder : Command);
        return arguments;
    }
}

using System.CommandLine;
using Piuparts.Core.Protocol;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site master: one slave connection on stdin/stdout (the ssh forced command).</summary>
public static class MasterVerb
{
    public static Command Create()
    {
        var seed = new Option<int?>("--seed")
        {
            Description = "seed for the random tie-break of the reservation order and the idle jitter (tests)",
        };
        var command = new Command("master", "Serve the master protocol on stdin/stdout for one slave connection");
        command.Add(seed);
        command.SetAction(result => MasterProgram.Run(
            result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Distros),
            Console.OpenStandardInput(), Console.OpenStandardOutput(), result.InvocationConfiguration.Error,
            result.GetValue(seed)));
        return command;
    }
}

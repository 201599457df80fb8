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
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "compute everything on every connection, as piuparts does, instead of reusing " +
                          "<section>/.piuparts-site-states while indexes, configuration and logs are unchanged, and " +
                          "<master-directory>/.piuparts-site-index/ while an index is unchanged",
        };
        var limit = new Option<int>("--session-limit")
        {
            Description = "seconds after which a connection is ended, as piuparts' wrapper does with timeout 15m",
            DefaultValueFactory = _ => (int)MasterProgram.DefaultSessionLimit.TotalSeconds,
        };
        var command = new Command("master",
            "Serve the master protocol on stdin/stdout for one slave connection.\n" +
            $"Limits: a submitted log of at most {MasterOptions.DefaultMaxLogBytes >> 20} MiB, a command line of at most " +
            $"{MasterOptions.MaxCommandBytes >> 10} KiB. A longer one, a log that is not UTF-8, a package name or version " +
            "with '/' or '..', or any other protocol error ends the connection without a reply (exit status 1), " +
            "and nothing of that command is written.");
        command.Add(seed);
        command.Add(noCache);
        command.Add(limit);
        command.SetAction(result => MasterProgram.Run(
            result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Distros),
            Console.OpenStandardInput(), Console.OpenStandardOutput(), result.InvocationConfiguration.Error,
            result.GetValue(seed), result.GetValue(noCache), TimeSpan.FromSeconds(result.GetValue(limit))));
        return command;
    }
}

using System.CommandLine;
using Piuparts.Core.Setup;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site check: is this machine set up as a master or slave as README_server describes.</summary>
public static class CheckVerb
{
    public static Command Create()
    {
        var role = new Option<string?>("--role")
        {
            Description = "check the set-up of a master or a slave [default: master when [global] master-directory is set, " +
                          "slave when a section has master-host; both when both]",
        };
        role.AcceptOnlyFromAmong("master", "slave");
        var ssh = new Option<string>("--ssh")
        {
            Description = "the ssh client the slave reaches the master with",
            DefaultValueFactory = _ => "ssh",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "seconds the master may take to say hello",
            DefaultValueFactory = _ => (int)MasterHelloCheck.DefaultTimeout.TotalSeconds,
        };
        var authorizedKeys = new Option<string?>("--authorized-keys")
        {
            Description = "the master account's authorized_keys [default: ~/.ssh/authorized_keys of the running user]",
        };
        var mountInfo = new Option<string>("--mountinfo")
        {
            Description = "read the mount table from this file",
            DefaultValueFactory = _ => MountTable.SelfPath,
        };
        var command = new Command("check",
            "Check that this machine is set up for its role, one line per check, 'ok: ...' or 'FAIL: ...; fix: ...'. " +
            "Both: the configuration parses. Master: master-directory and output-directory exist and belong to (or are " +
            "writable by) the running user; every key in authorized_keys that can run piuparts-site master is forced to it " +
            "with command=\"...\" and no-port-forwarding,no-X11-forwarding,no-agent-forwarding. Slave: slave-directory and " +
            "tmpdir exist and are the running user's, tmpdir is not on a nodev or nosuid mount, the master answers hello over " +
            "ssh (run as the slave runs it), piuparts-command is executable, the mirror serves every section's Packages index.\n" +
            "Run it as the account that runs the role (piupartsm, piupartss).\n" +
            "Exit status: 0 when every check passed, 1 when one failed, 2 on a command-line error.");
        command.Add(role);
        command.Add(ssh);
        command.Add(timeout);
        command.Add(authorizedKeys);
        command.Add(mountInfo);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var mounts = result.GetValue(mountInfo)!;
            var options = new SetupOptions
            {
                ConfigPath = result.GetValue(CommonOptions.Config)!,
                DistrosPath = result.GetValue(CommonOptions.Distros),
                Roles = result.GetValue(role) switch
                {
                    "master" => [SiteRole.Master],
                    "slave" => [SiteRole.Slave],
                    _ => [],
                },
                Ssh = result.GetValue(ssh)!,
                MasterTimeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))),
                AuthorizedKeysPath = result.GetValue(authorizedKeys),
                MountInfo = () => File.ReadAllText(mounts),
            };
            bool passed = true;
            foreach (var check in SetupChecks.Run(options))
            {
                output.WriteLine(check);
                output.Flush();
                passed &= check.Passed;
            }
            return passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}

using System.CommandLine;
using Piuparts.Core;
using Piuparts.Core.Config;
using Piuparts.Core.Slave;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site slave: reserve packages from the master over ssh, test them with piuparts, submit the logs.</summary>
public static class SlaveVerb
{
    public static Command Create()
    {
        var sections = new Option<string[]>("--section")
        {
            Description = "run this section (repeatable) [default: [global] sections, then basetgz-sections]",
            AllowMultipleArgumentsPerToken = false,
        };
        var once = new Option<bool>("--once")
        {
            Description = "submit what is left, test until the master has nothing more, submit, and exit instead of sleeping " +
                          "(a busy or unreachable master is still retried after the usual wait)",
        };
        var status = new Option<bool>("--status")
        {
            Description = "print what each worker of the running slave is doing (from <slave-directory>/" + StatusBoard.FileName + ") and exit",
        };
        var ssh = new Option<string>("--ssh")
        {
            Description = "the ssh client to reach the master with",
            DefaultValueFactory = _ => "ssh",
        };
        var timeout = new Option<int>("--test-timeout")
        {
            Description = "seconds a test may run before its whole process group is killed (SIGINT, 30 s later SIGTERM, 5 s later SIGKILL)",
            DefaultValueFactory = _ => (int)CommandRunner.DefaultTimeout.TotalSeconds,
        };
        var workers = new Option<int?>("--workers")
        {
            Description = "number of workers [default: [global] slave-count]",
        };
        var command = new Command("slave",
            "Test packages for the master, as piuparts-slave does: for each section by precedence, submit finished logs, " +
            "reserve up to max-reserved packages over 'ssh -x [-l master-user] master-host master-command', run " +
            "piuparts-command with piuparts-flags on each, keep the logs in the section's pass/, fail/ or untestable/ until " +
            "the master has said ok, and sleep when there is nothing to do. slave-count workers run, worker n in " +
            "<slave-directory>/<n>/ (the layout of piuparts' slave_run; the current directory when slave-directory is unset); " +
            "a restart continues from what they left.\n" +
            "Signals: SIGINT or SIGTERM: start no new test, let the running ones finish, submit the finished logs, give back " +
            "the reservations not tested, exit. A second one: kill the running tests now (their reservations stay and are " +
            "tested after the next start), exit 1. SIGHUP: submit finished logs once the running test ends (a sleeping worker when it wakes), then go on. SIGUSR1: the same, then start " +
            "again with the same arguments (a new program version, say). A log is deleted only after the master said ok to it.\n" +
            "Exit status: 0, 1 after an abort, 2 on a configuration or command-line error.");
        command.Add(sections);
        command.Add(once);
        command.Add(status);
        command.Add(ssh);
        command.Add(timeout);
        command.Add(workers);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var configPath = result.GetValue(CommonOptions.Config)!;
            var distrosPath = result.GetValue(CommonOptions.Distros);
            var (config, errors) = SiteConfig.Load(configPath, distrosPath);
            if (config == null)
                return Report.Errors(error, errors);
            if (result.GetValue(status))
                return PrintStatus(config, output);
            var names = result.GetValue(sections) is { Length: > 0 } chosen ? chosen : null;
            var problems = Check(config.Piuparts, names ?? [.. config.Piuparts.Global.Words("sections"),
                                                             .. config.Piuparts.Global.Words("basetgz-sections")]);
            if (problems.Count > 0)
                return Report.Errors(error, problems);
            if (result.GetValue(workers) is < 1)
            {
                error.WriteLine("piuparts-site slave: --workers must be at least 1");
                return ExitCodes.BadInput;
            }
            var options = new SlaveOptions
            {
                Once = result.GetValue(once),
                Sections = names,
                Ssh = result.GetValue(ssh)!,
                TestTimeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))),
            };
            using var control = new SlaveControl();
            using var signals = SlaveProgram.HandleSignals(control, output);
            var outcome = SlaveProgram.Run(config, configPath, distrosPath, options, control, error, result.GetValue(workers));
            if (outcome.Restart)
            {
                signals.Dispose();
                error.WriteLine(SlaveProgram.Reexecute());
                return ExitCodes.Failed;
            }
            return outcome.ExitCode;
        });
        return command;
    }

    // What piuparts' slave would crash on later is reported now, with file and line.
    private static List<InputError> Check(PiupartsConf conf, IReadOnlyList<string> names)
    {
        var problems = new List<InputError>();
        if (names.Count == 0)
            problems.Add(new InputError(conf.Path, 0, "no sections to run: set [global] sections or give --section"));
        foreach (var name in names)
        {
            if (conf.Section(name) is not { } section)
            {
                problems.Add(new InputError(conf.Path, 0, "no such section") { Section = name });
                continue;
            }
            bool talks = section.Distro != "None" && section.Integer("max-reserved") > 0;
            if (talks && section.NonEmpty("master-host") == null)
                problems.Add(new InputError(conf.Path, 0, "master-host is not set (here or in [global])") { Section = name, Key = "master-host" });
        }
        return problems;
    }

    private static int PrintStatus(SiteConfig config, TextWriter output)
    {
        var path = Path.Combine(SlaveProgram.SlaveDirectory(config.Piuparts), StatusBoard.FileName);
        output.Write(StatusBoard.Describe(path) ?? $"no slave has run in {Path.GetDirectoryName(path)} ({path} is missing)\n");
        return ExitCodes.Ok;
    }
}

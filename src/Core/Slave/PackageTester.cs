using System.Globalization;
using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;

namespace Piuparts.Core.Slave;

/// <summary>
/// Tests one reserved package (slave.md §4.3): writes new/&lt;name&gt;_&lt;version&gt;.log with the start
/// time, the pre-checks, the command and piuparts' output, classifies the result as pass, fail
/// or untestable and moves the log into that directory. A test aborted by the slave's stop
/// leaves its log in new/ and the reservation in place, so the next start tests it again.
/// </summary>
public sealed class PackageTester
{
    private const string RunEnds = "piuparts run ends";
    private const string OutdatedMetadata = "History of available packages does not match - reference chroot may be outdated";
    private const string MismatchingMetadata = "Initial package selections do not match - ignoring loaded reference chroot state";

    private readonly CommandRunner _runner;
    private readonly TimeProvider _clock;
    private readonly SlaveLog _log;

    public PackageTester(CommandRunner runner, TimeProvider clock, SlaveLog log)
    {
        _runner = runner;
        _clock = clock;
        _log = log;
    }

    public TestOutcome Test(SectionSpool spool, TestPlan plan, SectionSettings settings, Reservation package,
        IReadOnlyDictionary<string, ArchiveIndex<BinaryPackage>> indexes, CancellationToken abort)
    {
        var (name, version) = (package.Name, package.Version);
        var started = _clock.GetUtcNow();
        _log.Info($"Testing package {settings.Name}/{name} {version}");
        var log = new StringBuilder();
        log.Append($"Start: {Stamp(started)}\n");
        var command = plan.TestCommand(name, version);
        var (ret, checkText) = PackageCheck.Run(name, version, settings.Distro, settings.DistroList, indexes);
        log.Append(checkText);
        bool checkFailed = ret != 0;
        var path = spool.NewLogPath(name, version);
        bool aborted = false;
        if (ret == 0)
        {
            log.Append($"Executing: {ShellQuote.Join(command)}\n");
            // The log is on disk while the test runs, as with piuparts' slave.
            File.WriteAllText(path, log.ToString());
            var result = _runner.Run(command, spool.Path, abort);
            aborted = result.Aborted;
            var output = result.Output;
            if (output.Length == 0 || !output.EndsWith('\n'))
                output += "\n";
            log.Append(output.Replace("\u001b", "[ESC]", StringComparison.Ordinal));
            var lines = output.Split('\n');
            var lastLine = lines.Length >= 2 ? lines[^2] : "";
            ret = result.Ret;
            if (ret < 0)
            {
                log.Append(" *** Process KILLED - exceed maximum run time ***\n");
            }
            else if (!lastLine.Contains(RunEnds, StringComparison.Ordinal))
            {
                ret += 1024;
                log.Append(" *** PIUPARTS OUTPUT INCOMPLETE ***\n");
            }
            else if (plan.IsUpgradeTest && plan.MetadataPath is { } metadata && File.Exists(metadata))
            {
                if (output.Contains(OutdatedMetadata, StringComparison.Ordinal))
                {
                    File.Delete(metadata);
                    _log.Info($"Deleting outdated {plan.Metadata}");
                }
                else if (output.Contains(MismatchingMetadata, StringComparison.Ordinal))
                {
                    File.Delete(metadata);
                    _log.Info($"Deleting mismatching {plan.Metadata}");
                }
            }
        }
        var kind = ret == 0 ? ResultKind.Pass : checkFailed ? ResultKind.Untestable : ResultKind.Fail;
        log.Append('\n').Append($"ret={ret}\n").Append($"End: {Stamp(_clock.GetUtcNow())}\n");
        File.WriteAllText(path, log.ToString());
        var duration = _clock.GetUtcNow() - started;
        if (aborted)
            return new TestOutcome(package, ResultKind.Fail, ret, duration, Aborted: true);
        spool.Finish(name, version, kind);
        return new TestOutcome(package, kind, ret, duration, Aborted: false);
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " GMT";
}

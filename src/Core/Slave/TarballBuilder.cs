using System.Globalization;
using System.Text;

namespace Piuparts.Core.Slave;

/// <summary>
/// Creates a base tarball (slave.md §5.2): runs piuparts with <c>-s &lt;tarball&gt;.new</c>, writes its
/// output to <c>&lt;tarball&gt;.log</c> (flocked, so two slaves never build the same tarball at once)
/// and renames the new tarball into place when piuparts made one; its exit status is not looked at.
/// </summary>
public sealed class TarballBuilder
{
    private readonly CommandRunner _runner;
    private readonly TimeProvider _clock;
    private readonly SlaveLog _log;

    public TarballBuilder(CommandRunner runner, TimeProvider clock, SlaveLog log)
    {
        _runner = runner;
        _clock = clock;
        _log = log;
    }

    /// <summary>Builds the tarball of the plan; false when it was not created (busy elsewhere or failed).</summary>
    public bool Create(TestPlan plan, string sectionDirectory, CancellationToken abort)
    {
        var tarball = plan.TarballPath;
        Directory.CreateDirectory(Path.GetDirectoryName(tarball)!);
        var logPath = tarball + ".log";
        FileStream file;
        try
        {
            // Unlike piuparts, the log of a creation in progress is not truncated before the
            // lock is tried: a second slave must not wipe it.
            file = new FileStream(logPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            _log.Info($"Creation of tarball {plan.Tarball} already in progress.");
            return false;
        }
        using (file)
        {
            file.SetLength(0);
            using var writer = new StreamWriter(file, new UTF8Encoding(false));
            _log.Info($"Creating new tarball {plan.Tarball}");
            var command = plan.TarballCommand();
            writer.Write($"Start: {Stamp()}\n\n");
            writer.Write($"Executing: {ShellQuote.Join(command)}\n\n");
            writer.Flush();
            var result = _runner.Run(command, sectionDirectory, abort, line => _log.Debug($">> {line}"));
            writer.Write(result.Output);
            writer.Write($"\nEnd: {Stamp()}\n");
        }
        var fresh = tarball + ".new";
        if (File.Exists(fresh))
        {
            File.Move(fresh, tarball, overwrite: true);
            return true;
        }
        _log.Error($"Tarball creation failed, see {plan.Tarball}.log");
        return false;
    }

    private string Stamp() => _clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " GMT";
}

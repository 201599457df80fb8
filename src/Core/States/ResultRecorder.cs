using Piuparts.Core.MasterDir;

namespace Piuparts.Core.States;

/// <summary>
/// Records what slaves send back (package-states.md §9.4-9.5): results replace the logs of a
/// reserved package, duplicates change nothing, and an abandoned reservation of a package that
/// has a result becomes a recycle mark again.
/// </summary>
public sealed class ResultRecorder
{
    private readonly SectionLogs _logs;
    private readonly TimeProvider _clock;
    private readonly Action<string> _log;

    public ResultRecorder(SectionLogs logs, TimeProvider clock, Action<string> log)
    {
        _logs = logs;
        _clock = clock;
        _log = log;
    }

    /// <summary>pass/fail/untestable: stores the log; false for a duplicate, which is ignored.</summary>
    public bool Submit(SubmissionKind kind, string name, string version, string content)
    {
        var section = _logs.Section;
        bool reserved = _logs.Exists(LogDirectory.Reserved, name, version);
        if (reserved)
        {
            foreach (var directory in LogDirectories.Results)
            {
                if (_logs.Exists(directory, name, version))
                {
                    _logs.Delete(directory, name, version);
                    _log($"Recycled {section.Name}/{directory.DirectoryName()} {name} {version}");
                }
            }
        }
        // A duplicate is seen without writing anything, not even a temporary file.
        bool created = !_logs.Exists(kind.Directory(), name, version) &&
            _logs.TryCreate(kind.Directory(), name, version, content);
        if (created)
        {
            section.AppendSubmission(kind, name, version, _clock.GetUtcNow());
            section.DeleteKpr(kind.Directory(), name, version);
        }
        // piuparts drops the reservation before it writes the log; dropping it last means a
        // crash anywhere before leaves the package reserved, so the slave's retry (it got no
        // "ok") replaces the log and records it, instead of being ignored as a duplicate of a
        // log that submissions.txt may not have.
        if (reserved)
            _logs.Delete(LogDirectory.Reserved, name, version);
        if (!created)
        {
            _log($"Ignoring duplicate submission: {kind.Word()} {name} {version}");
            return false;
        }
        return true;
    }

    /// <summary>unreserve: drops the reservation; a package that already has a result gets its recycle mark back.</summary>
    public void Unreserve(string name, string version)
    {
        if (_logs.Exists(LogDirectory.Reserved, name, version) &&
            !_logs.Exists(LogDirectory.Recycle, name, version) &&
            _logs.ExistsInAny(LogDirectories.Results, name, version))
        {
            _logs.TryCreate(LogDirectory.Recycle, name, version, "");
        }
        _logs.Delete(LogDirectory.Reserved, name, version);
    }
}

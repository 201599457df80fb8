namespace Piuparts.Core.MasterDir;

/// <summary>The log directories of a section, in piuparts' order (package-states.md §1).</summary>
public enum LogDirectory
{
    Pass,
    Fail,
    Untestable,
    Reserved,
    Bugged,
    Affected,
    Recycle,
}

public static class LogDirectories
{
    /// <summary>All seven, in the order piuparts lists them.</summary>
    public static readonly IReadOnlyList<LogDirectory> All =
        [LogDirectory.Pass, LogDirectory.Fail, LogDirectory.Untestable, LogDirectory.Reserved,
         LogDirectory.Bugged, LogDirectory.Affected, LogDirectory.Recycle];

    /// <summary>Directories of real results: all but reserved and recycle.</summary>
    public static readonly IReadOnlyList<LogDirectory> Results =
        [LogDirectory.Pass, LogDirectory.Fail, LogDirectory.Untestable, LogDirectory.Bugged, LogDirectory.Affected];

    /// <summary>Directories of failed logs.</summary>
    public static readonly IReadOnlyList<LogDirectory> Failed =
        [LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected];

    public static string DirectoryName(this LogDirectory directory) => directory switch
    {
        LogDirectory.Pass => "pass",
        LogDirectory.Fail => "fail",
        LogDirectory.Untestable => "untestable",
        LogDirectory.Reserved => "reserved",
        LogDirectory.Bugged => "bugged",
        LogDirectory.Affected => "affected",
        _ => "recycle",
    };
}

namespace Piuparts.SitePipeline.History;

/// <summary>
/// One test of a package: when, which version, what it gave, and where that is known from
/// (a line of submissions.txt, or a log kept in a log directory or under archive/ whose test
/// submissions.txt does not record; the log's time is then the time of the test).
/// </summary>
public sealed record ResultEntry(DateTimeOffset Time, string Package, string Version, TestResult Result, bool FromLog)
{
    /// <summary>The word of submissions.txt: pass, fail or untestable.</summary>
    public string Word => Result switch
    {
        TestResult.Pass => "pass",
        TestResult.Fail => "fail",
        _ => "untestable",
    };
}

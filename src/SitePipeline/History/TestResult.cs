namespace Piuparts.SitePipeline.History;

/// <summary>What one test of a package gave, as submissions.txt words it.</summary>
public enum TestResult
{
    Pass,
    Fail,
    Untestable,
}

namespace Piuparts.SitePipeline.Sources;

public static class SourceVerdicts
{
    /// <summary>The word written to the files: pass, fail, unknown.</summary>
    public static string Word(this SourceVerdict verdict) => verdict switch
    {
        SourceVerdict.Pass => "pass",
        SourceVerdict.Fail => "fail",
        _ => "unknown",
    };
}

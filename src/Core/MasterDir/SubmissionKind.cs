namespace Piuparts.Core.MasterDir;

/// <summary>The results a slave submits, and the word it uses on the wire and in submissions.txt.</summary>
public enum SubmissionKind
{
    Pass,
    Fail,
    Untestable,
}

public static class SubmissionKinds
{
    public static string Word(this SubmissionKind kind) => kind switch
    {
        SubmissionKind.Pass => "pass",
        SubmissionKind.Fail => "fail",
        _ => "untestable",
    };

    public static LogDirectory Directory(this SubmissionKind kind) => kind switch
    {
        SubmissionKind.Pass => LogDirectory.Pass,
        SubmissionKind.Fail => LogDirectory.Fail,
        _ => LogDirectory.Untestable,
    };
}

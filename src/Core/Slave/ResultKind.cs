namespace Piuparts.Core.Slave;

/// <summary>Where a finished test's log goes, named as the directory and the protocol command.</summary>
public enum ResultKind
{
    Pass,
    Fail,
    Untestable,
}

/// <summary>The directory and command word of each result.</summary>
public static class ResultKinds
{
    /// <summary>The order in which finished logs are submitted, as piuparts' slave does.</summary>
    public static readonly IReadOnlyList<ResultKind> SubmissionOrder = [ResultKind.Pass, ResultKind.Fail, ResultKind.Untestable];

    public static string Word(this ResultKind kind) => kind switch
    {
        ResultKind.Pass => "pass",
        ResultKind.Fail => "fail",
        _ => "untestable",
    };
}

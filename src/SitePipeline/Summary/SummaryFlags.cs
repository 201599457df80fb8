using Piuparts.Core.States;

namespace Piuparts.SitePipeline.Summary;

/// <summary>The flag table of summary.md §2: letters, words, the state mapping and "worst".</summary>
public static class SummaryFlags
{
    private const string Letters = "FXWP-";
    private static readonly string[] Words = ["Failed", "Blocked", "Waiting", "Passed", "Unknown"];

    /// <summary>The one-letter form written to summary.json: F, X, W, P or -.</summary>
    public static char Letter(this SummaryFlag flag) => Letters[(int)flag];

    /// <summary>The word used in tooltips: Failed, Blocked, Waiting, Passed, Unknown.</summary>
    public static string Word(this SummaryFlag flag) => Words[(int)flag];

    public static bool TryParse(string letter, out SummaryFlag flag)
    {
        var index = letter.Length == 1 ? Letters.IndexOf(letter[0]) : -1;
        flag = index < 0 ? SummaryFlag.Unknown : (SummaryFlag)index;
        return index >= 0;
    }

    /// <summary>
    /// The flag of a fully resolved state. States without a flag (outdated, the obsolete ones,
    /// virtual, foreign) map to Unknown with <paramref name="mapped"/> false, so the caller can
    /// warn where the original aborted the whole run.
    /// </summary>
    public static SummaryFlag FromState(PackageState state, out bool mapped)
    {
        mapped = true;
        switch (state)
        {
            case PackageState.FailedTesting:
                return SummaryFlag.Failed;
            case PackageState.CannotBeTested or PackageState.DependencyFailedTesting
                or PackageState.DependencyCannotBeTested or PackageState.DependencyDoesNotExist:
                return SummaryFlag.Blocked;
            case PackageState.WaitingToBeTested or PackageState.WaitingForDependencyToBeTested:
                return SummaryFlag.Waiting;
            case PackageState.EssentialRequired or PackageState.SuccessfullyTested:
                return SummaryFlag.Passed;
            case PackageState.DoesNotExist or PackageState.Unknown:
                return SummaryFlag.Unknown;
            default:
                mapped = false;
                return SummaryFlag.Unknown;
        }
    }

    /// <summary>The worse of two flags; on a tie the first. Unknown ranks as the best (quirk kept).</summary>
    public static SummaryFlag Worst(SummaryFlag a, SummaryFlag b) => b < a ? b : a;
}

namespace Piuparts.Differential.Tests.Harness;

/// <summary>Equality assertions over the harness's line-based views, failing with a readable diff.</summary>
public static class HarnessAssert
{
    public static void SameLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what,
        string expectedLabel = "expected", string actualLabel = "actual")
    {
        var diff = LineDiff.Describe(expected, actual, expectedLabel, actualLabel);
        Assert.True(diff == null, $"{what} differ:\n{diff}");
    }

    public static void Equal(DirectorySnapshot expected, DirectorySnapshot actual, string expectedLabel = "expected",
        string actualLabel = "actual") =>
        SameLines(expected.Lines, actual.Lines, "master directory snapshots", expectedLabel, actualLabel);

    /// <summary>Compares the normalized transcripts (see <see cref="SessionTranscript.Normalized"/>).</summary>
    public static void Equal(SessionTranscript expected, SessionTranscript actual) =>
        SameLines(expected.Normalized(), actual.Normalized(), "normalized session transcripts", expected.MasterName,
            actual.MasterName);

    public static void Equal(StateListing expected, StateListing actual, string expectedLabel = "expected",
        string actualLabel = "actual") =>
        SameLines(expected.Lines(), actual.Lines(), "_list answers", expectedLabel, actualLabel);
}

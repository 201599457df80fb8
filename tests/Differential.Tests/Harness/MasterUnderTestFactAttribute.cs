namespace Piuparts.Differential.Tests.Harness;

/// <summary>A fact that compares with the master under test: skipped only while that master is "not built yet".</summary>
public sealed class MasterUnderTestFactAttribute : FactAttribute
{
    public MasterUnderTestFactAttribute()
    {
        if (MasterUnderTest.SkipReason is { } reason)
            Skip = reason;
    }
}

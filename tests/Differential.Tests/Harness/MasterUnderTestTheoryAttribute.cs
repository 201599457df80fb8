namespace Piuparts.Differential.Tests.Harness;

/// <summary>A theory that compares with the master under test: skipped only while that master is "not built yet".</summary>
public sealed class MasterUnderTestTheoryAttribute : TheoryAttribute
{
    public MasterUnderTestTheoryAttribute()
    {
        if (MasterUnderTest.SkipReason is { } reason)
            Skip = reason;
    }
}

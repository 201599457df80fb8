namespace Piuparts.SitePipeline.History;

/// <summary>One day of counts.txt: the day (YYYYMMDD) and the number of packages in each of the fourteen list states.</summary>
public sealed record CountsRow(DateOnly Day, IReadOnlyList<long> Counts)
{
    /// <summary>All packages of the section that day: the sum of the counts.</summary>
    public long Total => Counts.Sum();
}

namespace Piuparts.SitePipeline.Summary;

/// <summary>One row of distro-info-data's debian.csv; dates absent in the file are null.</summary>
public sealed record DebianRelease(string Version, string Codename, string Series, DateOnly Created, DateOnly? Release, DateOnly? EndOfLife);

namespace Piuparts.SitePipeline.History;

/// <summary>A test submitted lately in a section: when, the package, version and result, and the page of its source (relative to the site root; null when the package left the section).</summary>
public sealed record RecentTest(string Section, DateTimeOffset Time, string Package, string Version, string Result, string? Page);

namespace Piuparts.SitePipeline.Model;

/// <summary>A known-problem page as the section index links it under a state: its page, label and counts (HTML).</summary>
public sealed record ProblemLink(string Page, string Label, string Counts);

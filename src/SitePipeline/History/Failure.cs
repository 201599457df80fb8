namespace Piuparts.SitePipeline.History;

/// <summary>
/// A package of a section in state failed-testing, and since when: the first of the failed
/// tests that end its history (or its log's time when no test is recorded; null without either). Links are relative
/// to the site root: the page of its source (or its state page entry) and its log.
/// </summary>
public sealed record Failure(string Section, string Package, string Version, DateTimeOffset? Since, string Page, string? Log);

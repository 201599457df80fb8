namespace Piuparts.Differential.Tests.Harness;

/// <summary>A file the builder writes below every copy's master directory; Age sets its times back from the build instant.</summary>
internal sealed record SeededFile(string RelativePath, string Content, TimeSpan? Age);

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// A theory that is skipped, with the reason shown, when a file it needs from a Debian package
/// is not installed (xunit 2 has no run-time skip, so the check runs at discovery).
/// </summary>
public sealed class RequiresFilesTheoryAttribute : TheoryAttribute
{
    public RequiresFilesTheoryAttribute(params string[] paths)
    {
        var missing = paths.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
            Skip = $"not installed: {string.Join(", ", missing)} (python3-piuparts-common / piuparts-common ship them); this differential test compares with them";
    }
}

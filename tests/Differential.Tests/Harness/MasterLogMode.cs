namespace Piuparts.Differential.Tests.Harness;

/// <summary>How a snapshot shows a section's master.log (its times and idle answers differ between any two runs).</summary>
public enum MasterLogMode
{
    /// <summary>Left out entirely.</summary>
    Ignore,

    /// <summary>Only that it exists.</summary>
    Exists,

    /// <summary>Its lines, with "[YYYY-MM-DD HH:MM:SS]" and positive idle answers masked.</summary>
    Normalized,
}

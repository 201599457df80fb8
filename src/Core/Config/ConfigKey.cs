namespace Piuparts.Core.Config;

/// <summary>How a value is checked and converted.</summary>
public enum ValueKind
{
    Text,
    /// <summary>A whole number (Python int()).</summary>
    Integer,
    /// <summary>A real number (Python float()).</summary>
    Number,
    /// <summary>True only for the exact words "yes" and "true", as piuparts tests them.</summary>
    Flag,
    /// <summary>Words separated by white space or newlines.</summary>
    Words,
}

/// <summary>Where a key is read: only from [global], or per section with [global] as fallback.</summary>
public enum KeyScope
{
    Global,
    Section,
}

/// <summary>One piuparts.conf key as piuparts spells it, with its default (null = unset).</summary>
public sealed record ConfigKey(string Name, KeyScope Scope, ValueKind Kind, string? Default, string Meaning);

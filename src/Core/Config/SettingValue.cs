namespace Piuparts.Core.Config;

/// <summary>Where an effective setting came from.</summary>
public enum SettingOrigin
{
    Section,
    Default,
    Global,
    BuiltIn,
}

/// <summary>An effective setting: its interpolated text (null = unset) and where it came from.</summary>
public sealed record SettingValue(string Key, string? Text, SettingOrigin Origin, int Line);

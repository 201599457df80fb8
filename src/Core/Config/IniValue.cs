namespace Piuparts.Core.Config;

/// <summary>A value as written in the file (continuation lines joined with "\n"), with where it stands.</summary>
public sealed record IniValue(string Raw, string Section, string Key, int Line);

namespace Piuparts.Core.Slave;

/// <summary>A finished test's log waiting in the spool until the master has said "ok" to it.</summary>
public sealed record FinishedLog(ResultKind Kind, string Name, string Version, string Path);

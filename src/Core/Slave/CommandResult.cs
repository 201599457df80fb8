namespace Piuparts.Core.Slave;

/// <summary>
/// How a test command ended: piuparts' return code (negative when killed: −1 after the time
/// limit or an abort, −N for death by signal N, −124 and −137 for a <c>timeout</c> wrapper) and its
/// merged output with line ends normalised to '\n'.
/// </summary>
public sealed record CommandResult(int Ret, string Output, bool TimedOut, bool Aborted);

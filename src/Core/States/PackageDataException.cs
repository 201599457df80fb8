namespace Piuparts.Core.States;

/// <summary>
/// A relationship field the engine needs cannot be parsed. piuparts dies on this; the master
/// reports it with the paragraph's line and ends the connection without changing anything.
/// </summary>
public sealed class PackageDataException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

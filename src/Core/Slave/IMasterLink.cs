namespace Piuparts.Core.Slave;

/// <summary>
/// A byte channel to one master process: what the master writes, what it reads. Disposing it
/// ends the channel (end of input for the master) and whatever carries it.
/// </summary>
public interface IMasterLink : IDisposable
{
    /// <summary>The master's replies.</summary>
    Stream FromMaster { get; }

    /// <summary>The master's input.</summary>
    Stream ToMaster { get; }
}

namespace Piuparts.Core.Slave;

/// <summary>How a connection to the master for one section went (slave.md §4.1).</summary>
public enum SectionAnswer
{
    /// <summary>Connected, the section selected (and recycling enabled when asked for).</summary>
    Ok,
    /// <summary>Another master process holds the section's lock.</summary>
    Busy,
    /// <summary>The master refused <c>recycle</c>: nothing to recycle.</summary>
    RecycleRefused,
    /// <summary>No greeting, an unexpected reply or an I/O error; the connection is closed.</summary>
    Failed,
}

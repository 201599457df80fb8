namespace Piuparts.Core.Slave;

/// <summary>A package the master reserved for this slave: the name and the version to test.</summary>
public readonly record struct Reservation(string Name, string Version)
{
    public override string ToString() => $"{Name} {Version}";
}

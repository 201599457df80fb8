namespace Piuparts.Differential.Tests.Slave;

/// <summary>The tests that run sshd, slaves and masters as processes: one at a time, so they do not compete for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlaveCollection
{
    public const string Name = "slave processes";
}

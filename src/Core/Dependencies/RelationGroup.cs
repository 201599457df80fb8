namespace Piuparts.Core.Dependencies;

/// <summary>Alternatives separated by '|': any one of them satisfies the group.</summary>
public sealed record RelationGroup(IReadOnlyList<Relation> Alternatives)
{
    public Relation First => Alternatives[0];

    public override string ToString() => string.Join(" | ", Alternatives);
}

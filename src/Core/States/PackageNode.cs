using Piuparts.Core.Archive;
using Piuparts.Core.Dependencies;

namespace Piuparts.Core.States;

/// <summary>
/// One package of a database with its parsed Depends and Pre-Depends: the alternative groups as
/// written and, per group, the alternative currently chosen (package-states.md §3.3).
/// </summary>
internal sealed class PackageNode
{
    private string[][]? _dependsGroups;
    private string[][]? _preDependsGroups;
    private string[]? _chosenDepends;
    private string[]? _chosenPreDepends;

    public PackageNode(int slot, BinaryPackage package, string testVersion)
    {
        Slot = slot;
        Package = package;
        TestVersion = testVersion;
    }

    public int Slot { get; }

    public BinaryPackage Package { get; }

    public string Name => Package.Name;

    public string Version => Package.Version;

    /// <summary>The version its logs are named after (the final distribution's, in some upgrade sections).</summary>
    public string TestVersion { get; }

    public string[][] Groups(bool preDepends)
    {
        Parse();
        return preDepends ? _preDependsGroups! : _dependsGroups!;
    }

    public string[] Chosen(bool preDepends)
    {
        Parse();
        return preDepends ? _chosenPreDepends! : _chosenDepends!;
    }

    /// <summary>deps(P): the chosen names of Depends, then of Pre-Depends; duplicates kept.</summary>
    public IEnumerable<string> Deps()
    {
        Parse();
        foreach (var name in _chosenDepends!)
            yield return name;
        foreach (var name in _chosenPreDepends!)
            yield return name;
    }

    public int DepsCount
    {
        get
        {
            Parse();
            return _chosenDepends!.Length + _chosenPreDepends!.Length;
        }
    }

    private void Parse()
    {
        if (_dependsGroups != null)
            return;
        _preDependsGroups = ParseField("Pre-Depends", Package.PreDepends);
        _chosenPreDepends = _preDependsGroups.Select(g => g[0]).ToArray();
        _dependsGroups = ParseField("Depends", Package.Depends);
        _chosenDepends = _dependsGroups.Select(g => g[0]).ToArray();
    }

    private string[][] ParseField(string field, string? text)
    {
        var result = RelationParser.Parse(text);
        if (!result.Succeeded)
            throw new PackageDataException(Package.Paragraph.Line, $"package {Name}: {result.Describe(field, text!)}");
        return result.Groups.Select(g => g.Alternatives.Select(r => r.Name).ToArray()).ToArray();
    }

    /// <summary>The first name of each Provides group (what piuparts registers as provided).</summary>
    public IEnumerable<string> ProvidedNames()
    {
        var text = Package.Provides;
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var result = RelationParser.Parse(text);
        if (!result.Succeeded)
            throw new PackageDataException(Package.Paragraph.Line, $"package {Name}: {result.Describe("Provides", text)}");
        foreach (var group in result.Groups)
            yield return group.First.Name;
    }
}

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

    private readonly Func<ReadOnlySpan<char>, string> _names;

    /// <param name="names">Gives the string for a dependency name, so that equal names share one.</param>
    public PackageNode(int slot, BinaryPackage package, string testVersion, Func<ReadOnlySpan<char>, string> names)
    {
        Slot = slot;
        Package = package;
        TestVersion = testVersion;
        _names = names;
    }

    public int Slot { get; }

    public BinaryPackage Package { get; }

    public string Name => Package.Name;

    public string Version => Package.Version;

    /// <summary>The version its logs are named after (the final distribution's, in some upgrade sections).</summary>
    public string TestVersion { get; }

    /// <summary>name_testversion.log, built once: the engine asks for it many times.</summary>
    public string LogFileName => _logFileName ??= MasterDir.LogName.Log(Name, TestVersion);

    private string? _logFileName;

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
        _chosenPreDepends = FirstOfEach(_preDependsGroups);
        _dependsGroups = ParseField("Depends", Package.Depends);
        _chosenDepends = FirstOfEach(_dependsGroups);
    }

    private static string[] FirstOfEach(string[][] groups)
    {
        if (groups.Length == 0)
            return [];
        var first = new string[groups.Length];
        for (int i = 0; i < groups.Length; i++)
            first[i] = groups[i][0];
        return first;
    }

    private string[][] ParseField(string field, string? text)
    {
        var (groups, error, column) = RelationParser.ParseNames(text, _names);
        if (error != null)
        {
            var described = new RelationParseResult([], column, error).Describe(field, text!);
            throw new PackageDataException(Package.Paragraph.Line, $"package {Name}: {described}");
        }
        return groups;
    }

    /// <summary>The first name of each Provides group (what piuparts registers as provided).</summary>
    public IEnumerable<string> ProvidedNames()
    {
        var text = Package.Provides;
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var (groups, error, column) = RelationParser.ParseNames(text, _names);
        if (error != null)
        {
            var described = new RelationParseResult([], column, error).Describe("Provides", text);
            throw new PackageDataException(Package.Paragraph.Line, $"package {Name}: {described}");
        }
        return FirstOfEach(groups);
    }
}

using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>
/// A small hand-made master directory for one rule of package-states.md, compared between
/// Debian's master and the master under test: the scenario's sessions, then for every listed
/// section every <c>_list</c>, <c>status</c>, and <c>_state</c>, <c>_depends</c>,
/// <c>_recursive-depends</c> and <c>_depcycle</c> of every package of the section.
/// </summary>
/// <param name="name">Names the scenario in failure messages (the rule's test name).</param>
public sealed class RuleCase(string name)
{
    private readonly List<string> listed = [];
    private readonly Dictionary<string, IReadOnlyList<string>> packages = new(StringComparer.Ordinal);
    private readonly List<SessionScript> sessions = [];

    /// <summary>The master directory being described, for what the shortcuts below do not cover.</summary>
    public MasterDirectoryBuilder Setup { get; } = new();

    /// <summary>A section reading its own distro, made of these stanzas; its packages are the stanzas' names.</summary>
    public RuleCase Section(string section, params string[] stanzas)
    {
        Setup.Section(section).Packages(section, stanzas);
        return Listed(section, NamesIn(stanzas));
    }

    /// <summary>
    /// A section as <paramref name="spec"/> says, whose packages are <paramref name="packageNames"/>
    /// (exactly the real packages of the section: Debian's master dies on <c>_state</c> of any other name).
    /// </summary>
    public RuleCase Section(SectionSpec spec, IReadOnlyList<string> packageNames)
    {
        Setup.Section(spec);
        return Listed(spec.Name, packageNames);
    }

    /// <summary>Stanzas (or raw Packages text) for a distro, appended to its index.</summary>
    public RuleCase Packages(string distro, params string[] stanzas)
    {
        Setup.Packages(distro, stanzas);
        return this;
    }

    public RuleCase DistrosConf(string text)
    {
        Setup.DistrosConf(text);
        return this;
    }

    /// <summary>A log of NAME_VERSION.log: empty in reserved and recycle, a line of text elsewhere.</summary>
    public RuleCase Log(string section, LogDirectory directory, string package, string version = "1.0", TimeSpan? age = null)
    {
        var content = directory is LogDirectory.Reserved or LogDirectory.Recycle ? "" : $"{package} {version}\n";
        Setup.Log(section, directory, package, version, content, age);
        return this;
    }

    /// <summary>A session run before the listings (each a new connection, in order).</summary>
    public RuleCase Session(SessionScript script)
    {
        sessions.Add(script);
        return this;
    }

    public Scenario Scenario() =>
        new(name, Setup, sessions.ToList(), listed.ToList(),
            packages.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)Queries(pair.Value).ToList(), StringComparer.Ordinal));

    /// <summary>Runs the case with Debian's master and <paramref name="actual"/> (default: the master under test).</summary>
    public MasterComparison Compare(MasterCommand? actual = null) =>
        MasterComparison.Run(Scenario(), MasterCommand.Debian, actual ?? MasterUnderTest.Command);

    /// <summary>The package names of stanzas, first appearance first (the last "Package:" line of a stanza counts).</summary>
    public static IReadOnlyList<string> NamesIn(IEnumerable<string> stanzas)
    {
        var names = new List<string>();
        foreach (var stanza in stanzas)
        {
            var name = stanza.Split('\n').LastOrDefault(line => line.StartsWith("Package:", StringComparison.Ordinal))?["Package:".Length..].Trim();
            if (name != null && !names.Contains(name))
                names.Add(name);
        }
        return names;
    }

    /// <summary>The four debug queries for each name.</summary>
    public static IEnumerable<string> Queries(IEnumerable<string> names) =>
        names.SelectMany(n => (string[])[$"_state {n}", $"_depends {n}", $"_recursive-depends {n}", $"_depcycle {n}"]);

    /// <summary>
    /// A session that lists every state after <paramref name="before"/> (e.g. <c>recycle</c>),
    /// then asks the four queries for each of <paramref name="names"/>.
    /// </summary>
    public static SessionScript ListingSession(string section, IEnumerable<string> before, IEnumerable<string> names)
    {
        var script = new SessionScript($"section {section}").Send([.. before]).Send("status");
        foreach (var state in ListStates.All)
            script.Send($"_list {state}");
        return script.Send([.. Queries(names)]);
    }

    private RuleCase Listed(string section, IReadOnlyList<string> names)
    {
        listed.Add(section);
        packages[section] = names;
        return this;
    }
}

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// The valid definitions of a known-problem directory in ordinal order of their file names,
/// which is also the order of lines in .kpr files (known-problems.md §2); invalid files are
/// left out and their errors kept.
/// </summary>
public sealed class ProblemSet
{
    private readonly Dictionary<string, ProblemDefinition> _byName;
    private readonly Lazy<ProblemScreen> _screen;

    public ProblemSet(IEnumerable<ProblemDefinition> problems, IReadOnlyList<InputError>? errors = null)
    {
        Problems = [.. problems];
        Errors = errors ?? [];
        _byName = Problems.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _screen = new Lazy<ProblemScreen>(() => new ProblemScreen(Problems));
    }

    public IReadOnlyList<ProblemDefinition> Problems { get; }

    /// <summary>Which of <see cref="Problems"/> a log may show, found for all of them in one pass (made on first use).</summary>
    public ProblemScreen Screen => _screen.Value;

    /// <summary>Why files were skipped; piuparts says only "Keyword error in &lt;file&gt; - skipping".</summary>
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>Every <c>*.conf</c> file of <paramref name="directory"/>; a missing directory gives an empty set with an error.</summary>
    public static ProblemSet Load(string directory)
    {
        if (!Directory.Exists(directory))
            return new ProblemSet([], [new InputError(directory, 0, "known-problem directory does not exist")]);
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(ProblemDefinition.Extension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var problems = new List<ProblemDefinition>();
        var errors = new List<InputError>();
        foreach (var file in files)
        {
            var (definition, fileErrors) = ProblemDefinitionParser.Load(file);
            errors.AddRange(fileErrors);
            if (definition != null)
                problems.Add(definition);
        }
        return new ProblemSet(problems, errors);
    }

    /// <summary>
    /// The latest modification time of the <c>*.conf</c> files (a removed definition does not
    /// count: its stale lines are ignored by the report anyway). Packages install files with
    /// the times they were built with, so an upgrade of the definitions counts from those.
    /// </summary>
    public static DateTime LastModified(string directory)
    {
        if (!Directory.Exists(directory))
            return DateTime.MinValue;
        // A loop, not LINQ over DateTime: every generic instance is compiled at run time, and a
        // detect-problems run with nothing to do is over in 50 ms.
        var latest = DateTime.MinValue;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*" + ProblemDefinition.Extension))
        {
            if (file.LastWriteTimeUtc > latest)
                latest = file.LastWriteTimeUtc;
        }
        return latest;
    }

    public ProblemDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A copy without the named problems (a section's exclude-known-problems, names with .conf).</summary>
    public ProblemSet Without(IEnumerable<string> excluded)
    {
        var names = new HashSet<string>(excluded, StringComparer.Ordinal);
        if (names.Count == 0)
            return this;
        return new ProblemSet(Problems.Where(p => !names.Contains(p.Name)), Errors);
    }
}

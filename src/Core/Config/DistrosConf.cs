namespace Piuparts.Core.Config;

/// <summary>
/// distros.conf: how distribution names map to mirrors, archive names, parents (depends) and
/// the Packages files that make up a distribution (candidates). A name without a block stands
/// for itself. A missing file is an empty configuration, as in piuparts.
/// </summary>
public sealed class DistrosConf
{
    public const string DefaultPath = "/etc/piuparts/distros.conf";

    private readonly IniFile _ini;

    private DistrosConf(IniFile ini) => _ini = ini;

    public string Path => _ini.Path;

    public static DistrosConf Empty(string path = DefaultPath) => new(IniFile.Empty(path));

    public static (DistrosConf? Conf, IReadOnlyList<InputError> Errors) Load(string path)
    {
        if (!File.Exists(path))
            return (Empty(path), []);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new InputError(path, 0, e.Message)]);
        }
        return Parse(text, path);
    }

    public static (DistrosConf? Conf, IReadOnlyList<InputError> Errors) Parse(string text, string path)
    {
        var (ini, errors) = IniParser.Parse(text, path);
        if (ini == null)
            return (null, errors);
        // Only the keys piuparts reads are interpolated, so only they can fail (a note with a
        // lone '%' under another key is fine, as in piuparts).
        var interpolation = new List<InputError>();
        foreach (var section in ini.SectionNames)
        {
            foreach (var key in Keys)
            {
                if (ini.Get(section, key).Error is { } error)
                    interpolation.Add(error);
            }
        }
        return interpolation.Count == 0 ? (new DistrosConf(ini), []) : (null, interpolation);
    }

    /// <summary>The keys piuparts' DistroConfig reads; any other key is ignored.</summary>
    public static readonly IReadOnlyList<string> Keys = ["uri", "distribution", "components", "target-release", "depends", "candidates"];

    private string? Value(string distro, string key)
    {
        // A name without a block has every key unset, even those a [DEFAULT] block sets: piuparts
        // only applies [DEFAULT] to the blocks of the file.
        if (!_ini.HasSection(distro))
            return null;
        var value = _ini.Get(distro, key).Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private IReadOnlyList<string> Words(string distro, string key) =>
        (Value(distro, key) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public bool IsKnown(string distro) => _ini.HasSection(distro);

    /// <summary>A virtual distribution (uri = None) only groups others, like a -lts name.</summary>
    public bool IsVirtual(string distro) => Value(distro, "uri") == "None";

    public string? Uri(string distro) => IsVirtual(distro) ? null : Value(distro, "uri");

    /// <summary>The archive's name for the distribution: distribution = ..., else the name itself.</summary>
    public string Distribution(string distro) => Value(distro, "distribution") ?? distro;

    public IReadOnlyList<string> Depends(string distro) => Words(distro, "depends");

    public string? TargetRelease(string distro) => Value(distro, "target-release");

    public string? Components(string distro) => Value(distro, "components");

    /// <summary>The distributions whose Packages files together make up <paramref name="distro"/> (itself by default).</summary>
    public IReadOnlyList<string> Candidates(string distro)
    {
        var candidates = Words(distro, "candidates");
        return candidates.Count > 0 ? candidates : [distro];
    }

    /// <summary>
    /// The distribution with all its parents, parents first, without repeats and without virtual
    /// entries (the order piuparts builds sources.list and picks the base tarball in).
    /// </summary>
    public IReadOnlyList<string> Expand(string distro)
    {
        var todo = new LinkedList<string>([distro]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var done = new List<string>();
        while (todo.Count > 0)
        {
            var current = todo.First!.Value;
            todo.RemoveFirst();
            if (seen.Add(current))
            {
                // Visit the parents first, then come back to this one.
                todo.AddFirst(current);
                foreach (var parent in Depends(current).Reverse())
                    todo.AddFirst(parent);
            }
            else if (!done.Contains(current) && !IsVirtual(current))
            {
                done.Add(current);
            }
        }
        return done;
    }

    /// <summary>
    /// The distribution that supplies mirror and archive name: a virtual one borrows its first
    /// real parent's. A virtual distribution with no real one behind it stays itself (piuparts
    /// fails an assertion there; ArchiveLayout reports it).
    /// </summary>
    public string Concrete(string distro)
    {
        if (!IsVirtual(distro))
            return distro;
        var expanded = Expand(distro);
        return expanded.Count > 0 ? expanded[0] : distro;
    }

    /// <summary>The mirror for a distribution: its uri, else the section's mirror setting.</summary>
    public string? Mirror(string distro, string? sectionMirror) => Uri(Concrete(distro)) ?? sectionMirror;
}

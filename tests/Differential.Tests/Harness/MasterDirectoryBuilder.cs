using System.Text;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// Describes a master directory for a differential run: piuparts.conf sections, distros.conf, a
/// file:// mirror with Packages.xz files (made with the xz tool, the only compression Debian's
/// master reads from file://), and seeded logs, stamps or other files. <see cref="Build"/> makes
/// any number of identical copies (one per master under test) sharing one mirror; the builder
/// itself is not changed by building, so it can be built again.
/// </summary>
public sealed class MasterDirectoryBuilder
{
    private const string Xz = "/usr/bin/xz";

    private readonly List<KeyValuePair<string, string?>> global = [];
    private readonly List<SectionSpec> sections = [];
    private readonly Dictionary<string, StringBuilder> indexTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> indexFiles = new(StringComparer.Ordinal);
    private readonly List<SeededFile> files = [];
    private readonly List<string> preparedSections = [];
    private string distrosConf = "";
    private readonly List<(string Under, TimeSpan Age)> directoryAges = [];

    /// <summary>A Packages stanza: "Package: name", "Version: version", then the given "Field: value" lines.</summary>
    public static string Stanza(string name, string version, params string[] fields)
    {
        var text = new StringBuilder();
        text.Append("Package: ").Append(name).Append('\n');
        text.Append("Version: ").Append(version).Append('\n');
        foreach (var field in fields)
            text.Append(field).Append('\n');
        return text.ToString();
    }

    /// <summary>Sets (or, with null, removes) a [global] key; master-directory and mirror are set by default.</summary>
    public MasterDirectoryBuilder Global(string key, string? value)
    {
        global.RemoveAll(pair => pair.Key == key);
        global.Add(new(key, value));
        return this;
    }

    public MasterDirectoryBuilder Section(SectionSpec section)
    {
        sections.Add(section);
        return this;
    }

    /// <summary>A section of distro <paramref name="distro"/> (default: the section name), amd64, main.</summary>
    public MasterDirectoryBuilder Section(string name, string? distro = null) =>
        Section(new SectionSpec(name) { Distro = distro ?? name });

    /// <summary>
    /// The text of distros.conf (empty by default: every distro is its own distribution on the
    /// mirror). <c>{mirror}</c> in it stands for the file:// URL of the fixture's mirror, e.g.
    /// <c>uri = {mirror}/debian-security</c> with <see cref="PackagesXz"/>'s <c>under</c>.
    /// </summary>
    public MasterDirectoryBuilder DistrosConf(string text)
    {
        distrosConf = text;
        return this;
    }

    /// <summary>Appends stanzas to the Packages file of dists/DISTRO/AREA/binary-ARCH (separated by one blank line).</summary>
    public MasterDirectoryBuilder Packages(string distro, IEnumerable<string> stanzas, string area = "main", string arch = "amd64")
    {
        var key = IndexDirectory(distro, area, arch);
        if (indexFiles.ContainsKey(key))
            throw new InvalidOperationException($"{key} already comes from a file");
        if (!indexTexts.TryGetValue(key, out var text))
            indexTexts[key] = text = new StringBuilder();
        foreach (var stanza in stanzas)
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append(stanza.EndsWith('\n') ? stanza : stanza + "\n");
        }
        return this;
    }

    /// <summary>
    /// Uses an existing Packages.xz (e.g. the bookworm excerpt) as dists/DISTRO/AREA/binary-ARCH/Packages.xz,
    /// below the mirror's subdirectory <paramref name="under"/> when given (for a distros.conf <c>uri</c>).
    /// </summary>
    public MasterDirectoryBuilder PackagesXz(string distro, string xzFile, string area = "main", string arch = "amd64", string under = "")
    {
        if (Path.IsPathRooted(under) || under.Split('/').Contains(".."))
            throw new ArgumentException($"{under} is not below the mirror", nameof(under));
        var key = under.Length == 0 ? IndexDirectory(distro, area, arch) : $"{under.Trim('/')}/{IndexDirectory(distro, area, arch)}";
        if (indexTexts.ContainsKey(key))
            throw new InvalidOperationException($"{key} already has stanzas");
        indexFiles[key] = Path.GetFullPath(xzFile);
        return this;
    }

    /// <summary>A log in one of the seven log directories of a section; <paramref name="age"/> sets its times back.</summary>
    public MasterDirectoryBuilder Log(string section, LogDirectory directory, string name, string version, string content = "",
        TimeSpan? age = null) =>
        File($"{section}/{directory.DirectoryName()}/{name}_{version}.log", content, age);

    /// <summary>Any file below the master directory (stamps, .kpr files, submissions.txt, stray temporary files).</summary>
    public MasterDirectoryBuilder File(string relativePath, string content = "", TimeSpan? age = null)
    {
        if (Path.IsPathRooted(relativePath) || relativePath.Split('/').Contains(".."))
            throw new ArgumentException($"{relativePath} is not below the master directory");
        files.Add(new SeededFile(relativePath, content, age));
        return this;
    }

    /// <summary>Creates the section directory and its seven log directories, as a section that was used before.</summary>
    public MasterDirectoryBuilder PrepareSection(string section)
    {
        preparedSections.Add(section);
        return this;
    }

    /// <summary>
    /// After seeding, sets the modification time of every directory below <paramref name="under"/>
    /// (a relative path; default: the whole master directory) back by <paramref name="age"/>, so
    /// a seeded idle stamp younger than that is not outdated. Later calls win for their subtree.
    /// </summary>
    public MasterDirectoryBuilder DirectoryAge(TimeSpan age, string under = "")
    {
        directoryAges.Add((under, age));
        return this;
    }

    public MasterFixture Build(int copies = 1)
    {
        if (copies < 1)
            throw new ArgumentOutOfRangeException(nameof(copies));
        var temp = new TemporaryDirectory();
        try
        {
            var mirror = temp.Combine("mirror");
            WriteMirror(mirror);
            var builtAt = DateTime.UtcNow;
            var made = new List<MasterCopy>();
            for (int i = 1; i <= copies; i++)
            {
                var label = $"copy-{i}";
                var copy = new MasterCopy(label, temp.Combine(label, "etc"), temp.Combine(label, "master"));
                Directory.CreateDirectory(copy.ConfDirectory);
                Directory.CreateDirectory(copy.MasterDirectory);
                System.IO.File.WriteAllText(copy.PiupartsConf, PiupartsConfText(copy, "file://" + mirror));
                System.IO.File.WriteAllText(copy.DistrosConf, distrosConf.Replace("{mirror}", "file://" + mirror, StringComparison.Ordinal));
                WriteMasterDirectory(copy.MasterDirectory, builtAt);
                made.Add(copy);
            }
            return new MasterFixture(temp, mirror, made, builtAt);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    private static string IndexDirectory(string distro, string area, string arch) => $"dists/{distro}/{area}/binary-{arch}";

    private string PiupartsConfText(MasterCopy copy, string mirrorUrl)
    {
        var keys = new List<KeyValuePair<string, string?>>
        {
            new("sections", string.Join(' ', sections.Select(s => s.Name))),
            new("master-directory", copy.MasterDirectory),
            new("mirror", mirrorUrl),
        };
        foreach (var pair in global)
        {
            int at = keys.FindIndex(k => k.Key == pair.Key);
            if (at >= 0)
                keys[at] = pair;
            else
                keys.Add(pair);
        }
        var text = new StringBuilder("[global]\n");
        foreach (var (key, value) in keys)
        {
            if (value != null)
                text.Append(key).Append(" = ").Append(value).Append('\n');
        }
        foreach (var section in sections)
        {
            text.Append('\n').Append('[').Append(section.Name).Append("]\n");
            foreach (var (key, value) in section.Keys())
                text.Append(key).Append(" = ").Append(value).Append('\n');
        }
        return text.ToString();
    }

    private void WriteMirror(string mirror)
    {
        foreach (var (key, source) in indexFiles)
        {
            var directory = Path.Combine(mirror, key);
            Directory.CreateDirectory(directory);
            System.IO.File.Copy(source, Path.Combine(directory, "Packages.xz"));
        }
        foreach (var (key, text) in indexTexts)
        {
            var directory = Path.Combine(mirror, key);
            Directory.CreateDirectory(directory);
            var plain = Path.Combine(directory, "Packages");
            System.IO.File.WriteAllText(plain, text.ToString());
            // Replaces Packages by Packages.xz: only the form Debian's master can read over file://.
            DebianTools.Run(Xz, ["--force", "--threads=1", plain], timeout: TimeSpan.FromSeconds(30));
        }
    }

    private void WriteMasterDirectory(string root, DateTime builtAt)
    {
        foreach (var section in preparedSections)
        {
            foreach (var directory in LogDirectories.All)
                Directory.CreateDirectory(Path.Combine(root, section, directory.DirectoryName()));
        }
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, file.Content);
            if (file.Age is { } age)
            {
                System.IO.File.SetLastWriteTimeUtc(path, builtAt - age);
                System.IO.File.SetLastAccessTimeUtc(path, builtAt - age);
            }
        }
        foreach (var (under, age) in directoryAges)
        {
            var top = Path.Combine(root, under);
            Directory.CreateDirectory(top);
            foreach (var directory in Directory.EnumerateDirectories(top, "*", SearchOption.AllDirectories).Append(top))
                Directory.SetLastWriteTimeUtc(directory, builtAt - age);
        }
    }
}

using System.Text;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Protocol;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>
/// A master directory with section [sid] and a file:// mirror holding its Packages, for one
/// test: piuparts.conf on disk (for the real executable) and parsed (for in-process sessions).
/// The master directory sits three levels down, so a name that climbs out of it with ".."
/// still lands inside the temporary tree, where <see cref="Tree"/> looks.
/// </summary>
public sealed class MasterSite : IDisposable
{
    public const string SectionName = "sid";

    /// <summary>aa and cc wait to be tested, bb waits for aa.</summary>
    public const string DefaultPackages = "Package: aa\nVersion: 1\n\nPackage: bb\nVersion: 2\nDepends: aa\n\nPackage: cc\nVersion: 3\n";

    private readonly TemporaryDirectory _temp = new();

    public MasterSite(string packages = DefaultPackages)
    {
        MasterPath = _temp.Combine("outer", "inner", "master");
        Directory.CreateDirectory(MasterPath);
        _temp.Write("mirror/dists/sid/main/binary-amd64/Packages", Encoding.UTF8.GetBytes(packages));
        var text = $"""
            [global]
            sections = {SectionName}
            master-directory = {MasterPath}
            mirror = {_temp.Url("mirror")}

            [{SectionName}]
            distro = sid
            arch = amd64
            area = main

            [other]
            distro = sid
            arch = amd64

            """;
        ConfigPath = _temp.Write("etc/piuparts.conf", Encoding.UTF8.GetBytes(text));
        DistrosPath = _temp.Write("etc/distros.conf", []);
        var (conf, errors) = PiupartsConf.Parse(text, ConfigPath, "master-directory");
        Assert.True(conf != null, string.Join("\n", errors));
        Config = new SiteConfig(conf, DistrosConf.Empty(DistrosPath));
    }

    /// <summary>The temporary tree holding everything: mirror, configuration, master directory.</summary>
    public string Root => _temp.Path;

    public string MasterPath { get; }

    public string ConfigPath { get; }

    public string DistrosPath { get; }

    public SiteConfig Config { get; }

    public SectionDirectory Section => new MasterDirectory(MasterPath).Section(SectionName);

    public string MasterLogPath => Path.Combine(Section.Path, "master.log");

    public string SubmissionsPath => Path.Combine(Section.Path, SectionDirectory.SubmissionsFile);

    /// <summary>The section as a first session leaves it: directories, lock file and master.log made.</summary>
    public MasterSite Prepared()
    {
        var run = Run("section sid\n");
        Assert.Equal(("hello\nok\n", 0), (run.Output, run.ExitCode));
        return this;
    }

    /// <summary>
    /// Snapshot of the whole temporary tree except the section's master.log, which every session
    /// appends to, and its master.lock, always empty and not readable while a master holds it.
    /// </summary>
    public DirectoryTree Tree() => DirectoryTree.Of(Root, Path.GetRelativePath(Root, MasterLogPath),
        Path.GetRelativePath(Root, Path.Combine(Section.Path, "master.lock")));

    public string MasterLog() => File.Exists(MasterLogPath) ? File.ReadAllText(MasterLogPath) : "";

    public string Submissions() => File.Exists(SubmissionsPath) ? File.ReadAllText(SubmissionsPath) : "";

    /// <summary>Writes a file below the section directory, "pass/aa_1.log" say.</summary>
    public string WriteInSection(string relative, string content = "") =>
        _temp.Write(Path.GetRelativePath(Root, Path.Combine(Section.Path, relative)), Encoding.UTF8.GetBytes(content));

    public SessionResult Run(string input, MasterOptions? options = null) => Run(Encoding.UTF8.GetBytes(input), options);

    /// <summary>One whole session in this process on the given input, as a connection would have it.</summary>
    public SessionResult Run(byte[] input, MasterOptions? options = null)
    {
        var output = new MemoryStream();
        var errors = new StringWriter();
        var log = MasterLog();
        int code;
        using (var session = Session(new MemoryStream(input), output, (options ?? new MasterOptions()) with { Errors = errors }))
        {
            code = session.Run();
        }
        return new SessionResult(code, Encoding.UTF8.GetString(output.ToArray()), errors.ToString(), MasterLog()[log.Length..]);
    }

    /// <summary>A session on this site's configuration and master directory, for a test that drives it itself.</summary>
    public MasterSession Session(Stream input, Stream output, MasterOptions? options = null) =>
        new(Config, new MasterDirectory(MasterPath), input, output, options);

    public void Dispose() => _temp.Dispose();
}

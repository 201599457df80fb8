using System.Text;
using Piuparts.Core.Config;
using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Tests.Support;

/// <summary>
/// A hand-made master directory with one section, a file:// mirror and logs, small enough to
/// know every expected line: a passed package, a failed library and what depends on it, a
/// virtual dependency, a missing one, a '+' in a name, an obsolete and a removed log.
/// </summary>
public sealed class SmallArchive : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private const string Packages = """
        Package: alpha
        Version: 1.0
        Architecture: amd64
        Maintainer: Ann Example <ann@example.org>
        Depends: libbeta1 (>= 1) | gamma

        Package: libbeta1
        Source: beta (2.0-1)
        Version: 2.0-1+b1
        Architecture: amd64
        Maintainer: Bob Example <bob@example.org>

        Package: gamma
        Version: 3
        Architecture: all
        Maintainer: Cy Example <cy@example.org>
        Depends: virt-x

        Package: delta
        Source: gamma
        Version: 3
        Architecture: amd64
        Maintainer: Cy Example <cy@example.org>
        Provides: virt-x

        Package: epsilon
        Source: gamma
        Version: 3
        Architecture: amd64
        Maintainer: Cy Example <cy@example.org>
        Depends: libbeta1

        Package: zeta
        Source: gamma
        Version: 3
        Architecture: amd64
        Maintainer: Cy Example <cy@example.org>
        Depends: missing-pkg

        Package: c++pkg
        Version: 1
        Architecture: amd64
        Maintainer: Dee Example <dee@example.org>

        """;

    private const string Sources = """
        Package: alpha
        Version: 1.0
        Binary: alpha, alpha-udeb
        Maintainer: Ann Example <ann@example.org>
        Uploaders: Bob Example <bob@example.org>, Ann Example <ann@example.org>

        Package: beta
        Version: 2.0-2
        Binary: libbeta1
        Maintainer: Bob Example <bob@example.org>

        Package: gamma
        Version: 3
        Binary: gamma, delta, epsilon, zeta
        Maintainer: Cy Example <cy@example.org>

        Package: c++pkg
        Version: 1
        Binary: c++pkg
        Maintainer: Dee Example <dee@example.org>

        Package: elsewhere
        Version: 1
        Binary: only-on-arm64
        Maintainer: Eve Example <eve@example.org>

        """;

    private readonly TemporaryDirectory _root = new();

    public SmallArchive()
    {
        _root.Write("mirror/dists/sid/main/binary-amd64/Packages", Encoding.UTF8.GetBytes(Packages.Replace("\r", "")));
        _root.Write("mirror/dists/sid/main/source/Sources", Encoding.UTF8.GetBytes(Sources.Replace("\r", "")));
        _root.Write("piuparts.conf", Encoding.UTF8.GetBytes($"""
            [global]
            sections = sid
            master-directory = {Master}
            output-directory = {Output}
            mirror = {new Uri(_root.Combine("mirror")).AbsoluteUri}
            web-host = qa.example.net
            doc-root = /piuparts/

            [sid]
            distro = sid
            arch = amd64
            description = + Hand-made.

            """));
        _root.Write("distros.conf", []);
        Log("pass", "alpha_1.0.log", "PASS: All tests.\n", 1);
        Log("pass", "alpha_0.9.log", "an older version\n", 0);
        Log("pass", "oldpkg_0.1.log", "a removed package\n", 0);
        Log("fail", "libbeta1_2.0-1+b1.log", "ERROR: FAIL: Installation and purging test.\n", 2);
        Log("pass", "c++pkg_1.log", "PASS: All tests.\n", 3);
    }

    public string Root => _root.Path;

    public string Master => _root.Combine("master");

    public string Output => _root.Combine("html");

    public string ConfigPath => _root.Combine("piuparts.conf");

    public string Section(params string[] parts) => Path.Combine([Master, "sid", .. parts]);

    public string Page(params string[] parts) => Path.Combine([Output, .. parts]);

    /// <summary>Writes a log with a fixed modification time (minutes after a fixed date), so list order is known.</summary>
    public void Log(string directory, string file, string text, int minute)
    {
        var path = _root.Write($"master/sid/{directory}/{file}", Encoding.UTF8.GetBytes(text));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 1, 0, minute, 0, DateTimeKind.Utc));
    }

    public SiteConfig Config()
    {
        var (config, errors) = SiteConfig.Load(ConfigPath, _root.Combine("distros.conf"));
        Assert.True(config != null, string.Join("\n", errors));
        return config!;
    }

    /// <summary>Runs the report and fails the test on any error.</summary>
    public ReportResult Report(List<string>? log = null)
    {
        var result = ReportPipeline.Run(Config(), new ReportOptions { Now = Now, LockWait = TimeSpan.Zero }, line => log?.Add(line));
        Assert.True(result.Ran, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        return result;
    }

    public string Read(params string[] parts) => File.ReadAllText(Page(parts));

    public void Dispose() => _root.Dispose();
}

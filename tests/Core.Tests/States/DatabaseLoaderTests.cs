using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.States;

public sealed class DatabaseLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_candidate_file_is_logged_as_opening_then_fetching_as_piuparts_does()
    {
        _temp.Write("mirror/dists/sid/main/binary-amd64/Packages", Encoding.UTF8.GetBytes("Package: aa\nVersion: 1\n"));
        _temp.Write("mirror/dists/extra/main/binary-amd64/Packages", Encoding.UTF8.GetBytes("Package: bb\nVersion: 1\n"));
        var mirror = $"file://{_temp.Combine("mirror")}";
        var (piuparts, errors) = PiupartsConf.Parse(
            $"[global]\nmaster-directory = {_temp.Combine("master")}\nmirror = {mirror}\n[both]\ndistro = both\narch = amd64\n", "piuparts.conf");
        Assert.Empty(errors);
        var (distros, distroErrors) = DistrosConf.Parse("[both]\nuri = None\ndepends = sid\ncandidates = sid extra\n", "distros.conf");
        Assert.Empty(distroErrors);
        var log = new List<string>();
        using var fetcher = new IndexFetcher();
        var loader = new DatabaseLoader(new SiteConfig(piuparts!, distros!), new MasterDirectory(_temp.Combine("master")), fetcher, log.Add);

        var (db, loadErrors) = loader.Load("both", recycle: false);

        Assert.Empty(loadErrors);
        Assert.Equal(["aa", "bb"], db!.Names);
        Assert.Equal(
        [
            $"Opening {mirror}/dists/sid/main/binary-amd64/Packages.*",
            $"Fetching {mirror}/dists/sid/main/binary-amd64/Packages",
            $"Opening {mirror}/dists/extra/main/binary-amd64/Packages.*",
            $"Fetching {mirror}/dists/extra/main/binary-amd64/Packages",
        ], log);
    }
}

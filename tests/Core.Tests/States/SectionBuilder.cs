using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.States;

/// <summary>A section made by hand for one test: packages as Packages text, logs by directory.</summary>
public sealed class SectionBuilder : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly StringBuilder _packages = new();
    private readonly List<(LogDirectory Directory, string Name, string Version)> _logs = [];

    public SectionBuilder Package(string name, string? depends = null, string version = "1", string? provides = null, string? preDepends = null)
    {
        _packages.Append($"Package: {name}\nVersion: {version}\n");
        if (depends != null)
            _packages.Append($"Depends: {depends}\n");
        if (preDepends != null)
            _packages.Append($"Pre-Depends: {preDepends}\n");
        if (provides != null)
            _packages.Append($"Provides: {provides}\n");
        _packages.Append('\n');
        return this;
    }

    public SectionBuilder Log(LogDirectory directory, string name, string version = "1")
    {
        _logs.Add((directory, name, version));
        return this;
    }

    public PackageDatabase Build(string section = "sid", bool recycle = false, IReadOnlyList<PackageDatabase>? dependencies = null)
    {
        var index = PackagesIndex.NewBinaryIndex();
        Assert.Empty(PackagesIndex.ReadBinaries(new MemoryStream(Encoding.UTF8.GetBytes(_packages.ToString())), "Packages", index));
        var directory = new MasterDirectory(_temp.Path).Section(section);
        directory.EnsureCreated();
        foreach (var (dir, name, version) in _logs)
            directory.TryCreateLog(dir, name, version, "");
        return new PackageDatabase(section, index, null, new SectionLogs(directory), dependencies ?? [], recycle);
    }

    public void Dispose() => _temp.Dispose();
}

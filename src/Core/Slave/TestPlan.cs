using Piuparts.Core.Config;

namespace Piuparts.Core.Slave;

/// <summary>
/// What a section tests and with which command (slave.md §4.4, §5.1): the piuparts command line
/// for a package and for a new base tarball, the tarball's path and the reference-chroot
/// metadata file of upgrade tests. Built from the section's settings as read for one run.
/// </summary>
public sealed class TestPlan
{
    private readonly SectionSettings _settings;
    private readonly DistrosConf _distros;
    private readonly string _sectionDirectory;
    private readonly string? _proxy;

    /// <param name="proxy">The http_proxy the slave runs with ([global] proxy, else the environment's).</param>
    public TestPlan(SectionSettings settings, DistrosConf distros, string sectionDirectory, string? proxy)
    {
        _settings = settings;
        _distros = distros;
        _sectionDirectory = sectionDirectory;
        _proxy = proxy;
    }

    /// <summary>More than one upgrade-test-distro: a dist-upgrade test instead of install and purge.</summary>
    public bool IsUpgradeTest => _settings.DistroList.Count > 1;

    /// <summary>The distributions whose Packages the slave checks a reservation against: distro, then the upgrade chain.</summary>
    public IReadOnlyList<string> CheckedDistros =>
        new[] { _settings.Distro }.Concat(_settings.DistroList).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The base tarball as piuparts is told it (relative to the section directory when
    /// basetgz-directory is): chroot-tgz, else &lt;distribution&gt;[-merged-usr]_&lt;arch&gt;.tar.gz of
    /// the first distribution the start distro expands to.
    /// </summary>
    public string Tarball
    {
        get
        {
            var name = _settings.NonEmpty("chroot-tgz");
            if (name == null)
            {
                var start = _settings.StartDistro ?? "";
                var expanded = _distros.Expand(start);
                var root = expanded.Count > 0 ? expanded[0] : start;
                // A text search, as piuparts does it, so the name is the one its slave gives the same file.
                var merged = (_settings["piuparts-flags"] ?? "").Contains("--merged-usr", StringComparison.Ordinal) ? "-merged-usr" : "";
                name = $"{_distros.Distribution(root)}{merged}_{_settings.Arch}.tar.gz";
            }
            return Path.Combine(_settings["basetgz-directory"] ?? ".", name);
        }
    }

    /// <summary>The tarball's absolute path.</summary>
    public string TarballPath => Path.GetFullPath(Tarball, _sectionDirectory);

    /// <summary>
    /// The reference-chroot metadata file (chroot-meta-auto, in chroot-meta-directory/&lt;section&gt;
    /// when that is set); null when the feature is off.
    /// </summary>
    public string? Metadata
    {
        get
        {
            var file = _settings.NonEmpty("chroot-meta-auto");
            if (file == null)
                return null;
            return _settings.NonEmpty("chroot-meta-directory") is { } directory
                ? Path.Combine(directory, _settings.Name, file)
                : file;
        }
    }

    public string? MetadataPath => Metadata is { } metadata ? Path.GetFullPath(metadata, _sectionDirectory) : null;

    /// <summary>The command that tests one package (slave.md §4.4).</summary>
    public IReadOnlyList<string> TestCommand(string name, string version)
    {
        var command = Prefix();
        command.AddRange(["-b", Tarball]);
        if (!IsUpgradeTest)
        {
            command.AddRange(["-d", _settings.Distro ?? "", "--no-upgrade-test"]);
        }
        else
        {
            foreach (var distro in _settings.DistroList)
                command.AddRange(["-d", distro]);
        }
        if (_settings["keep-sources-list"]?.Trim() is "yes" or "true")
            command.Add("--keep-sources-list");
        if (IsUpgradeTest && Metadata is { } metadata)
        {
            command.AddRange([File.Exists(MetadataPath) ? "-B" : "-S", metadata]);
        }
        command.AddRange(["--apt", $"{name}={version}"]);
        return command;
    }

    /// <summary>The command that creates the base tarball as &lt;tarball&gt;.new (slave.md §5.2).</summary>
    public IReadOnlyList<string> TarballCommand()
    {
        var command = Prefix();
        command.AddRange(["-d", _settings.StartDistro ?? "", "-s", Tarball + ".new",
                          "--no-install-purge-test", "--no-upgrade-test", "--apt", "TARBALL"]);
        return command;
    }

    // setarch, piuparts-command, piuparts-flags, proxy, mirror, tmpdir and arch: common to both.
    private List<string> Prefix()
    {
        var command = new List<string>();
        if (_settings.NonEmpty("setarch") != null)
        {
            command.Add("setarch");
            command.AddRange(_settings.Words("setarch"));
        }
        command.AddRange(_settings.Words("piuparts-command"));
        command.AddRange(_settings.Words("piuparts-flags"));
        if (!string.IsNullOrEmpty(_proxy))
            command.AddRange(["--proxy", _proxy]);
        if (_settings.Mirror is { } mirror)
        {
            var components = _settings.NonEmpty("components");
            command.AddRange(["--mirror", components != null ? $"{mirror} {components}" : mirror]);
        }
        if (_settings.NonEmpty("tmpdir") is { } tmpdir)
            command.AddRange(["--tmpdir", tmpdir]);
        command.AddRange(["--arch", _settings.Arch]);
        return command;
    }
}

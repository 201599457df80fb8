using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Setup;

/// <summary>
/// Checks that a machine is set up for its role as README_server describes, one result per
/// check, in order: the configuration, then for a master its directories and authorized_keys,
/// for a slave its directories, tmpdir's mount, the master over ssh, piuparts-command and the
/// mirror. Results come one at a time, so a slow check (ssh, the mirror) shows what came before.
/// </summary>
public static class SetupChecks
{
    public static IEnumerable<CheckResult> Run(SetupOptions options)
    {
        var (config, errors) = SiteConfig.Load(options.ConfigPath, options.DistrosPath);
        if (config == null)
        {
            foreach (var error in errors)
                yield return CheckResult.Fail("configuration", error.ToString(), "correct the file at the line shown (piuparts-site config shows every setting)");
            yield break;
        }
        yield return CheckResult.Ok($"configuration {config.Piuparts.Path} and {config.Distros.Path} parse");
        var roles = options.Roles.Count > 0 ? options.Roles : RolesOf(config.Piuparts);
        if (roles.Count == 0)
        {
            yield return CheckResult.Fail("role", $"{config.Piuparts.Path} sets neither [global] master-directory nor a section with master-host",
                "give --role master or --role slave, or set master-directory (master) or master-host (slave)");
            yield break;
        }
        if (roles.Contains(SiteRole.Master))
        {
            foreach (var result in Master(config, options))
                yield return result;
        }
        if (roles.Contains(SiteRole.Slave))
        {
            foreach (var result in Slave(config, options))
                yield return result;
        }
    }

    /// <summary>The roles a configuration sets up: master with [global] master-directory, slave with a section that has master-host.</summary>
    public static IReadOnlyList<SiteRole> RolesOf(PiupartsConf conf)
    {
        var roles = new List<SiteRole>();
        if (conf.MasterDirectory != null)
            roles.Add(SiteRole.Master);
        if (SlaveSections(conf).Any(s => s.NonEmpty("master-host") != null))
            roles.Add(SiteRole.Slave);
        return roles;
    }

    private static IEnumerable<CheckResult> Master(SiteConfig config, SetupOptions options)
    {
        var conf = config.Piuparts;
        yield return RequiredDirectory(conf, "master-directory", conf.MasterDirectory);
        yield return RequiredDirectory(conf, "output-directory", conf.OutputDirectory);
        var keys = options.AuthorizedKeysPath ??
                   Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "authorized_keys");
        foreach (var result in AuthorizedKeysCheck.Check(keys, Path.GetFullPath(conf.Path)))
            yield return result;
    }

    private static IEnumerable<CheckResult> Slave(SiteConfig config, SetupOptions options)
    {
        var conf = config.Piuparts;
        var slaveDirectory = conf.Global.NonEmpty("slave-directory");
        yield return slaveDirectory == null
            ? CheckResult.Fail("slave-directory", $"is not set in [global] of {conf.Path}",
                "set [global] slave-directory (the slave's workers run in <slave-directory>/<n>/)")
            : DirectoryCheck.Check("slave-directory", slaveDirectory);
        var tmpdir = conf.Global.NonEmpty("tmpdir");
        if (tmpdir == null)
        {
            yield return CheckResult.Fail("tmpdir", $"is not set in [global] of {conf.Path}",
                "set [global] tmpdir to a directory on a filesystem mounted without nodev and nosuid");
        }
        else
        {
            var directory = DirectoryCheck.Check("tmpdir", tmpdir);
            yield return directory;
            if (directory.Passed)
                yield return TmpdirMountCheck.Check(tmpdir, MountTable.Parse(options.MountInfo()));
        }
        var sections = SlaveSections(conf).ToList();
        foreach (var address in sections.Where(Talks).Select(Address).Distinct())
            yield return MasterHelloCheck.Check(options.Ssh, address, options.MasterTimeout);
        var commands = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections.Where(s => s.Distro != "None"))
        {
            var words = section.Words("piuparts-command");
            if (commands.Add(string.Join('\n', words)))
                yield return PiupartsCommandCheck.Check(section.Name, words, options.SearchPath);
        }
        using var ownFetcher = options.Fetcher == null ? new IndexFetcher(conf.Global.NonEmpty("proxy")) : null;
        var fetcher = options.Fetcher ?? ownFetcher!;
        foreach (var section in sections.Where(s => s.Distro != "None"))
        {
            foreach (var result in MirrorCheck.Check(section, config.Distros, fetcher))
                yield return result;
        }
    }

    private static CheckResult RequiredDirectory(PiupartsConf conf, string key, string? path) =>
        path == null
            ? CheckResult.Fail(key, $"is not set in [global] of {conf.Path}", $"set [global] {key}")
            : DirectoryCheck.Check(key, path);

    // The sections the slave runs by default: [global] sections, then basetgz-sections.
    private static IEnumerable<SectionSettings> SlaveSections(PiupartsConf conf) =>
        conf.Sections.Concat(conf.Global.Words("basetgz-sections"))
            .Distinct(StringComparer.Ordinal)
            .Select(conf.Section)
            .OfType<SectionSettings>();

    // As the slave decides whether a section talks to the master at all.
    private static bool Talks(SectionSettings section) =>
        section.Distro != "None" && section.Integer("max-reserved") > 0 && section.NonEmpty("master-host") != null;

    private static MasterAddress Address(SectionSettings section) =>
        new(section.NonEmpty("master-host"), section.NonEmpty("master-user"), section.NonEmpty("master-command"));
}

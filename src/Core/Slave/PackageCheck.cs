using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Versions;

namespace Piuparts.Core.Slave;

/// <summary>
/// The checks piuparts' slave makes before it runs piuparts (slave.md §4.3 step 6): the package
/// and version the master reserved must be in the slave's own view of the archive, and an
/// upgrade must not downgrade. A failed check makes the package untestable with a negative
/// code; the text (with the package's stanzas) goes into the log either way.
/// </summary>
public static class PackageCheck
{
    public const int NotFound = -10001, WrongVersion = -10002, NotFoundAnywhere = -10003, NotInTarget = -10004,
        WrongTargetVersion = -10005, Downgrade = -10006, NoDistros = -10010;

    /// <param name="distro">The section's distribution (install and purge tests).</param>
    /// <param name="upgradeDistros">The upgrade chain, oldest first; more than one entry makes an upgrade test.</param>
    /// <param name="indexes">The slave's Packages data per distribution.</param>
    public static (int Ret, string Text) Run(string name, string version, string? distro, IReadOnlyList<string> upgradeDistros,
        IReadOnlyDictionary<string, ArchiveIndex<BinaryPackage>> indexes)
    {
        var text = new StringBuilder();
        int ret = 0;
        BinaryPackage? Find(string d) => indexes.TryGetValue(d, out var index) ? index[name] : null;

        if (upgradeDistros.Count <= 1)
        {
            var d = distro ?? "";
            if (Find(d) is not { } package)
            {
                text.Append($"Package {name} not found in {d}\n");
                return (NotFound, text.ToString());
            }
            if (version != package.Version)
            {
                text.Append($"Package {name} {version} not found in {d}, {package.Version} is available\n");
                ret = WrongVersion;
            }
            text.Append('\n').Append(Stanza(package)).Append('\n');
            return (ret, text.ToString());
        }

        if (!upgradeDistros.Any(d => Find(d) != null))
        {
            text.Append($"Package {name} not found in any distribution\n");
            ret = NotFoundAnywhere;
        }
        var last = upgradeDistros[^1];
        if (Find(last) is not { } target)
        {
            // A package may disappear in the upgrade; the master then reserves version None.
            if (version != "None")
            {
                text.Append($"Package {name} not found in {last}\n");
                ret = NotInTarget;
            }
        }
        else if (version != target.Version)
        {
            text.Append($"Package {name} {version} not found in {last}, {target.Version} is available\n");
            ret = WrongTargetVersion;
        }
        foreach (var d in upgradeDistros)
        {
            text.Append($"\n[{d}]\n");
            if (Find(d) is { } package)
                text.Append(Stanza(package));
        }
        text.Append('\n');
        if (ret == 0)
        {
            var previous = "~";
            foreach (var d in upgradeDistros)
            {
                if (Find(d) is not { } package)
                    continue;
                if (DebianVersion.Compare(previous, package.Version) > 0)
                {
                    text.Append($"Upgrade to {d} requires downgrade: {previous} > {package.Version}\n");
                    ret = Downgrade;
                }
                previous = package.Version;
            }
        }
        return (ret, text.ToString());
    }

    // The stanza's lines as they stood in the Packages file, each ending with a newline.
    private static string Stanza(BinaryPackage package)
    {
        var raw = CommandRunner.Normalize(package.Paragraph.RawText).TrimEnd('\n');
        return raw.Length == 0 ? "" : raw + "\n";
    }
}

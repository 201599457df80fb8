using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.RealData;

/// <summary>
/// The Package and Version of every stanza of an xz-compressed Packages file, in file order,
/// read with the xz tool and a line scan of its own (not the loader under test), for choosing
/// which packages get seeded logs and queries.
/// </summary>
public static class ExcerptHeads
{
    private const string Xz = "/usr/bin/xz";

    public static IReadOnlyList<(string Name, string Version)> Read(string xzFile)
    {
        var text = DebianTools.Run(Xz, ["-dc", xzFile], timeout: TimeSpan.FromSeconds(60));
        var heads = new List<(string, string)>();
        string? name = null, version = null;
        foreach (var line in text.Split('\n').Append(""))
        {
            if (line.Length == 0)
            {
                if (name != null)
                    heads.Add((name, version ?? throw new InvalidDataException($"{xzFile}: {name} has no Version")));
                name = version = null;
            }
            else if (line.StartsWith("Package:", StringComparison.Ordinal))
            {
                name = line["Package:".Length..].Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.Ordinal))
            {
                version = line["Version:".Length..].Trim();
            }
        }
        return heads;
    }

    /// <summary>The names that occur in exactly one stanza, in file order, with their version.</summary>
    public static IReadOnlyList<(string Name, string Version)> Unique(IReadOnlyList<(string Name, string Version)> heads)
    {
        var counts = heads.CountBy(h => h.Name).ToDictionary(StringComparer.Ordinal);
        return heads.Where(h => counts[h.Name] == 1).ToList();
    }
}

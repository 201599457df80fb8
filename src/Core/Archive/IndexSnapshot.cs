using System.Security.Cryptography;
using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.Core.Archive;

/// <summary>
/// Keeps, per index URL, the fields of every stanza that the master uses, as a small plain
/// Packages file beside a key file holding the index's validator. While the validator is the
/// same, the master reads the snapshot instead of downloading and decoding the index again:
/// decoding bookworm's Packages.xz alone takes half a second. Sources indexes (for the report)
/// are kept the same way, with their own fields.
/// </summary>
public sealed class IndexSnapshot
{
    /// <summary>The fields of a Packages stanza the master and the report read; the snapshot keeps only these.</summary>
    public static readonly IReadOnlyList<string> KeptFields =
        ["Package", "Version", "Source", "Architecture", "Maintainer", "Depends", "Pre-Depends", "Provides"];

    /// <summary>The fields of a Sources stanza the report reads.</summary>
    public static readonly IReadOnlyList<string> KeptSourceFields = ["Package", "Version", "Binary", "Maintainer", "Uploaders"];

    // Changed whenever KeptFields or KeptSourceFields change, so older snapshots are taken again.
    private const string Format = "piuparts-site index snapshot 3";

    private readonly string _directory;

    public IndexSnapshot(string directory) => _directory = directory;

    private string Stem(string url) =>
        Path.Combine(_directory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32]);

    /// <summary>The snapshot of <paramref name="url"/> if it was taken with this validator: its file and the URL it was fetched from.</summary>
    public (string File, string FetchedUrl)? Find(string url, string validator)
    {
        var stem = Stem(url);
        try
        {
            var key = File.ReadAllLines(stem + ".key");
            if (key is [Format, var savedUrl, var savedValidator, var fetched] && savedUrl == url && savedValidator == validator &&
                File.Exists(stem + ".Packages"))
            {
                return (stem + ".Packages", fetched);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>
    /// Stores a snapshot: the key is removed, the trimmed stanzas written, the key written last.
    /// Each file is named only when complete, and never under a temporary name (a master killed
    /// here leaves at most a snapshot without its key, which is not used).
    /// </summary>
    public void Save(string url, string validator, string fetchedUrl, byte[] trimmed)
    {
        if (url.Contains('\n') || validator.Contains('\n') || fetchedUrl.Contains('\n'))
            return;
        Directory.CreateDirectory(_directory);
        var stem = Stem(url);
        File.Delete(stem + ".key");
        AtomicFile.ReplaceCache(stem + ".Packages", trimmed);
        AtomicFile.ReplaceCache(stem + ".key", Encoding.UTF8.GetBytes($"{Format}\n{url}\n{validator}\n{fetchedUrl}\n"));
    }

    /// <summary>Appends the kept fields of one Packages stanza, as deb822 text, to <paramref name="into"/>.</summary>
    public static void Trim(ControlParagraph paragraph, Stream into) => Trim(paragraph, into, KeptFields);

    /// <summary>Appends <paramref name="fields"/> of one stanza, as deb822 text, to <paramref name="into"/>.</summary>
    public static void Trim(ControlParagraph paragraph, Stream into, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            if (!paragraph.TryGetValue(field, out var value))
                continue;
            into.Write(Encoding.ASCII.GetBytes(field));
            into.Write(": "u8);
            into.Write(value);
            into.WriteByte((byte)'\n');
        }
        into.WriteByte((byte)'\n');
    }
}

using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>
/// Package names and versions from the wire become file names (protocol.md §3.5, §3.6): one
/// with '/' or '..' could reach outside the section, so it ends the session unwritten. The
/// master directory sits three levels down in the temporary tree, so the names below that
/// climb out of it would still land inside the tree this test compares.
/// </summary>
public sealed class MasterSessionNameTests : IDisposable
{
    private readonly MasterSite _site = new MasterSite().Prepared();

    public void Dispose() => _site.Dispose();

    private static readonly (string Name, string Version)[] s_unsafe =
    [
        ("../../../../escaped", "1"),
        ("../escaped", "1"),
        ("..", "1"),
        ("a..b", "1"),
        ("a/b", "1"),
        ("/tmp/escaped", "1"),
        ("aa", "../../../../escaped"),
        ("aa", "1/../../x"),
        ("aa", ".."),
        ("aa", "1..2"),
        ("aa", "/1"),
    ];

    public static TheoryData<string, string, string> UnsafeSubmissions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var command in new[] { "pass", "fail", "untestable", "unreserve" })
        {
            foreach (var (name, version) in s_unsafe)
                data.Add(command, name, version);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UnsafeSubmissions))]
    public void A_name_or_version_that_could_leave_the_section_directory_is_refused_unwritten(string command, string name, string version)
    {
        // Something a climbing name could hit if it were used: the section's own logs.
        _site.WriteInSection("reserved/aa_1.log");
        _site.WriteInSection("pass/aa_1.log", "old result\n");
        var before = _site.Tree();
        var parent = Path.GetDirectoryName(_site.Root)!;
        var outside = Directory.GetFileSystemEntries(parent, "*escaped*").Length;
        var longPart = command == "unreserve" ? "" : " log text\n.\n";

        var run = _site.Run($"section sid\n{command} {name} {version}\n{longPart}status\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains("refused: ", run.Errors);
        Assert.Contains(version.Contains('/') || version.Contains("..") ? "version" : "package name", run.Errors);
        Assert.Equal(before.ToString(), _site.Tree().ToString());
        Assert.Equal(outside, Directory.GetFileSystemEntries(parent, "*escaped*").Length);
        Assert.False(File.Exists("/tmp/escaped_1.log"));
    }

    [Theory]
    [InlineData("pass")]
    [InlineData("unreserve")]
    public void A_refused_name_after_an_accepted_submission_keeps_what_was_accepted(string command)
    {
        var longPart = command == "unreserve" ? "" : " two\n.\n";

        var run = _site.Run($"section sid\npass cc 3\n one\n.\n{command} ../cc 3\n{longPart}");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Equal("one\n", File.ReadAllText(_site.Section.LogPath(LogDirectory.Pass, "cc", "3")));
        Assert.Single(_site.Submissions().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(DirectoryTree.TemporaryFiles(_site.Root));
    }
}

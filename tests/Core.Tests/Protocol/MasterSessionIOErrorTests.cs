using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>An I/O error in the master directory is fatal (protocol.md §2): no reply, exit status 1, the reason said.</summary>
public sealed class MasterSessionIOErrorTests : IDisposable
{
    private readonly MasterSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_log_directory_that_cannot_be_made_ends_the_session_at_section()
    {
        Directory.CreateDirectory(_site.Section.Path);
        File.WriteAllText(_site.Section.DirectoryPath(LogDirectory.Pass), "a file where a directory belongs\n");

        var run = _site.Run("section sid\nidle\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\n", run.Output);
        Assert.Contains("piuparts-site master: ", run.Errors);
        Assert.Contains("pass", run.Errors);
        Assert.Matches(@"\nFATAL: IOException: .*pass.*\n\[[-0-9: ]+\] disconnected\n$", run.MasterLog);
    }

    [Fact]
    public void A_submissions_txt_that_cannot_be_written_ends_the_session_without_a_reply()
    {
        _site.Prepared();
        Directory.CreateDirectory(_site.SubmissionsPath);

        var run = _site.Run("section sid\npass aa 1\n log\n.\nidle\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains(SectionDirectory.SubmissionsFile, run.Errors);
        Assert.Contains("FATAL: ", run.MasterLog);
        Assert.DoesNotContain(">> idle", run.MasterLog);
    }
}

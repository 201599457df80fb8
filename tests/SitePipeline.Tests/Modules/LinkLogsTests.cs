using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Modules;

public sealed class LinkLogsTests : IDisposable
{
    // tmpfs, another device than the disk the fixtures live on: no hard link can cross to it.
    private const string OtherDevice = "/dev/shm";

    private readonly SmallArchive _archive = new();
    private readonly string _output = Path.Combine(OtherDevice, $"piuparts-site-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _archive.Dispose();
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    private ReportResult Run(List<string> log) =>
        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, OutputDirectory = _output, LockWait = TimeSpan.Zero }, log.Add);

    [Fact]
    public void Logs_are_copied_when_the_output_directory_is_on_another_device()
    {
        Assert.True(Directory.Exists(OtherDevice), $"{OtherDevice} (tmpfs) is needed for this test");
        var log = new List<string>();

        var result = Run(log);

        Assert.Empty(result.Errors);
        Assert.DoesNotContain(log, line => line.Contains("cannot copy", StringComparison.Ordinal));
        var copy = Path.Combine(_output, "sid", "pass", "alpha_1.0.log");
        Assert.Equal(File.ReadAllText(_archive.Section("pass", "alpha_1.0.log")), File.ReadAllText(copy));
        Assert.Equal(File.GetLastWriteTimeUtc(_archive.Section("pass", "alpha_1.0.log")), File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public void A_copy_follows_its_log_when_the_master_replaces_it_and_a_file_put_beside_the_copies_goes()
    {
        Assert.True(Directory.Exists(OtherDevice), $"{OtherDevice} (tmpfs) is needed for this test");
        Run([]);
        // The master writes a log by rename: the name gets another file.
        var source = _archive.Section("pass", "alpha_1.0.log");
        File.WriteAllText(source + ".tmp", "tested again\n");
        File.Move(source + ".tmp", source, overwrite: true);
        var stray = Path.Combine(_output, "sid", "pass", "stray_1.log");
        File.WriteAllText(stray, "not a log of the section\n");

        Run([]);

        Assert.Equal("tested again\n", File.ReadAllText(Path.Combine(_output, "sid", "pass", "alpha_1.0.log")));
        Assert.False(File.Exists(stray));
    }
}

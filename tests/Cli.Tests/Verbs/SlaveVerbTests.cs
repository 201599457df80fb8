using Piuparts.Core.Tests.Support;

namespace Piuparts.Cli.Tests.Verbs;

public sealed class SlaveVerbTests
{
    [Fact]
    public void A_section_without_master_host_is_a_configuration_error_named_with_file_and_section()
    {
        var run = CliRun.Of("slave", "--config", CliRun.Sample("piuparts.conf"), "--once");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("piuparts.conf: [bookworm] master-host: master-host is not set (here or in [global])", run.Error);
    }

    [Fact]
    public void An_unknown_section_on_the_command_line_is_bad_input()
    {
        var run = CliRun.Of("slave", "--config", CliRun.Sample("piuparts.conf"), "--section", "nosuch");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("[nosuch]: no such section", run.Error);
    }

    [Fact]
    public void Status_says_so_when_no_slave_has_run_in_the_slave_directory()
    {
        using var temp = new TemporaryDirectory();
        var config = temp.Write("piuparts.conf", System.Text.Encoding.UTF8.GetBytes(
            $"[global]\nsections = s\nslave-directory = {temp.Combine("slave")}\n\n[s]\ndistro = sid\nmaster-host = m\n"));

        var run = CliRun.Of("slave", "--config", config, "--status");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("no slave has run in", run.Output);
    }

    [Fact]
    public void Status_prints_what_each_worker_did_last_and_that_the_slave_is_not_running()
    {
        using var temp = new TemporaryDirectory();
        var config = temp.Write("piuparts.conf", System.Text.Encoding.UTF8.GetBytes(
            $"[global]\nsections = s\nslave-directory = {temp.Combine("slave")}\n\n[s]\ndistro = sid\nmaster-host = m\n"));
        temp.Write("slave/piuparts-site-slave.status", System.Text.Encoding.UTF8.GetBytes(
            "pid 999999999 since 2026-11-24T05:00:00Z\nworker 1: 2026-11-24T05:01:00Z testing s/gg 2.0 (pid 4242)\n"));

        var run = CliRun.Of("slave", "--config", config, "--status");

        Assert.Equal("not running (last status below)\npid 999999999 since 2026-11-24T05:00:00Z\n" +
                     "worker 1: 2026-11-24T05:01:00Z testing s/gg 2.0 (pid 4242)\n", run.Output);
    }

    [Fact]
    public void Help_documents_what_each_signal_does()
    {
        var run = CliRun.Of("slave", "--help");

        foreach (var text in new[] { "SIGINT or SIGTERM", "A second one", "SIGHUP", "SIGUSR1", "--once", "--status", "--test-timeout" })
            Assert.Contains(text, run.Output);
    }
}

using System.Text;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Cli.Tests.Verbs;

/// <summary>
/// piuparts-site check on a master and a slave set up in a temporary directory where every check
/// passes, then with one mistake at a time: each test names the exact failing line and the status.
/// </summary>
public sealed class CheckVerbTests : IDisposable
{
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl0IGlzIG5vdCBhIHJlYWwga2V5IGF0IGFsbCBhdCBhbGw";
    private const string Restriction = "no-port-forwarding,no-X11-forwarding,no-agent-forwarding";

    private readonly TemporaryDirectory _temp = new();
    private readonly string _config;
    private readonly string _keys;
    private readonly string _mountinfo;
    private readonly string _helloSsh;

    public CheckVerbTests()
    {
        foreach (var directory in new[] { "master", "htdocs", "slave", "tmp" })
            Directory.CreateDirectory(_temp.Combine(directory));
        _temp.Write("mirror/dists/sid/main/binary-amd64/Packages", Encoding.UTF8.GetBytes("Package: gg\nVersion: 1.0\n\n"));
        _config = _temp.Write("piuparts.conf", Encoding.UTF8.GetBytes(Conf()));
        _temp.Write("distros.conf", []);
        _keys = _temp.Write("authorized_keys", Encoding.UTF8.GetBytes(
            $"command=\"/usr/bin/piuparts-site master --config {_config}\",{Restriction} {Key} piupartss@slave1\n"));
        _mountinfo = _temp.Write("mountinfo", Encoding.UTF8.GetBytes(
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"));
        _helloSsh = Script("ssh-hello", "echo hello; cat >/dev/null");
    }

    public void Dispose() => _temp.Dispose();

    private string Conf(string? tmpdir = null, string? masterDirectory = null) => $"""
        [global]
        sections = sid
        master-directory = {masterDirectory ?? _temp.Combine("master")}
        output-directory = {_temp.Combine("htdocs")}
        slave-directory = {_temp.Combine("slave")}
        tmpdir = {tmpdir ?? _temp.Combine("tmp")}
        mirror = {_temp.Url("mirror")}

        [sid]
        distro = sid
        arch = amd64
        master-host = master.example.org
        master-user = piupartsm
        master-command = piuparts-site master
        piuparts-command = /bin/true

        """;

    private string Script(string name, string body)
    {
        var path = _temp.Write(name, Encoding.UTF8.GetBytes($"#!/bin/sh\n{body}\n"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    private CliRun Check(string role, string? ssh = null, int timeout = 10) =>
        CliRun.Of("check", "--config", _config, "--role", role, "--authorized-keys", _keys, "--mountinfo", _mountinfo,
                  "--ssh", ssh ?? _helloSsh, "--timeout", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string[] Lines(CliRun run) => run.Output.TrimEnd('\n').Split('\n');

    [Fact]
    public void A_master_set_up_as_README_server_says_passes_every_check()
    {
        var run = Check("master");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([
            $"ok: configuration {_config} and {_temp.Combine("distros.conf")} parse",
            $"ok: master-directory {_temp.Combine("master")} exists and is owned by {Environment.UserName}",
            $"ok: output-directory {_temp.Combine("htdocs")} exists and is owned by {Environment.UserName}",
            $"ok: {_keys}:1 key 'piupartss@slave1' runs only '/usr/bin/piuparts-site master --config {_config}', without forwarding",
        ], Lines(run));
    }

    [Fact]
    public void A_slave_set_up_as_README_server_says_passes_every_check()
    {
        var run = Check("slave");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([
            $"ok: configuration {_config} and {_temp.Combine("distros.conf")} parse",
            $"ok: slave-directory {_temp.Combine("slave")} exists and is owned by {Environment.UserName}",
            $"ok: tmpdir {_temp.Combine("tmp")} exists and is owned by {Environment.UserName}",
            $"ok: tmpdir {_temp.Combine("tmp")} mount: / is mounted without nodev and nosuid",
            $"ok: master master.example.org answers hello ({_helloSsh} -x -l piupartsm master.example.org 'piuparts-site master')",
            "ok: [sid] piuparts-command '/bin/true': /bin/true executable",
            $"ok: [sid] mirror answers for {_temp.Url("mirror")}/dists/sid/main/binary-amd64/Packages",
        ], Lines(run));
    }

    [Fact]
    public void An_unparsable_configuration_is_the_only_line_with_its_file_and_line()
    {
        File.WriteAllText(_config, "[global]\nsections = sid\n[sid]\nthis line is wrong\n");

        var run = Check("slave");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var line = Assert.Single(Lines(run));
        Assert.StartsWith($"FAIL: configuration: {_config}:4: [sid]: ", line);
        Assert.EndsWith("; fix: correct the file at the line shown (piuparts-site config shows every setting)", line);
    }

    [Fact]
    public void A_missing_master_directory_fails_with_the_command_that_makes_it()
    {
        var missing = _temp.Combine("nope");
        File.WriteAllText(_config, Conf(masterDirectory: missing));

        var run = Check("master");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal($"FAIL: master-directory {missing}: does not exist; fix: mkdir -p {missing} && chown {Environment.UserName} {missing}",
            Lines(run)[1]);
    }

    [Fact]
    public void A_tmpdir_on_a_nosuid_nodev_mount_fails_naming_the_mount_point()
    {
        File.WriteAllText(_mountinfo,
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n" +
            $"40 22 0:35 / {_temp.Path} rw,nosuid,nodev,relatime shared:20 - tmpfs tmpfs rw\n" +
            "41 22 0:36 / /tmpx rw shared:21 - tmpfs tmpfs rw\n");

        var run = Check("slave");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal($"FAIL: tmpdir {_temp.Combine("tmp")} mount: is on {_temp.Path}, mounted nodev,nosuid " +
                     "(chroots need device files and setuid programs); fix: set tmpdir to a directory on a filesystem mounted " +
                     $"without nodev and nosuid, or remount {_temp.Path} without them",
            Lines(run)[3]);
    }

    [Fact]
    public void A_key_without_command_fails_as_one_that_can_run_anything()
    {
        File.AppendAllText(_keys, $"{Key} someone@laptop\n");

        var run = Check("master");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal($"FAIL: {_keys}:2 key 'someone@laptop': has no command=: it can log in and run anything, piuparts-site master " +
                     $"included; fix: put command=\"/usr/bin/piuparts-site master --config {_config}\",{Restriction} before the key " +
                     "(or delete the line)",
            Lines(run)[^1]);
    }

    [Fact]
    public void A_forced_master_key_that_allows_forwarding_fails_naming_what_it_lacks()
    {
        File.WriteAllText(_keys, $"no-pty,command=\"piuparts-site master\",no-X11-forwarding {Key} piupartss@slave1\n");

        var run = Check("master");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith($"FAIL: {_keys}:1 key 'piupartss@slave1': runs 'piuparts-site master' but lacks " +
                          "no-port-forwarding,no-agent-forwarding; fix: ", Lines(run)[^1]);
    }

    [Fact]
    public void A_master_that_says_nothing_fails_with_ssh_s_exit_status_and_message()
    {
        var silent = Script("ssh-silent", "echo 'Permission denied (publickey).' >&2; exit 255");

        var run = Check("slave", silent);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal($"FAIL: master master.example.org answers hello ({silent} -x -l piupartsm master.example.org 'piuparts-site master'): " +
                     "ended with status 255 without a word (ssh said: Permission denied (publickey).); " +
                     $"fix: run '{silent} -x -l piupartsm master.example.org 'piuparts-site master'' as {Environment.UserName}: " +
                     "it must log in without a password or question and print hello; on the master, piuparts-site check --role master " +
                     "checks its authorized_keys",
            Lines(run)[4]);
    }

    [Fact]
    public void A_master_that_hangs_fails_after_the_timeout()
    {
        var hanging = Script("ssh-hangs", "exec sleep 60");

        var run = Check("slave", hanging, timeout: 1);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith($"FAIL: master master.example.org answers hello ({hanging} -x -l piupartsm master.example.org " +
                          "'piuparts-site master'): no answer within 1 s; fix: ", Lines(run)[4]);
    }

    [Fact]
    public void A_mirror_without_the_section_s_index_fails_with_the_url()
    {
        File.Delete(_temp.Combine("mirror/dists/sid/main/binary-amd64/Packages"));

        var run = Check("slave");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith($"FAIL: [sid] mirror answers for {_temp.Url("mirror")}/dists/sid/main/binary-amd64/Packages: not found", Lines(run)[^1]);
    }

    [Fact]
    public void A_piuparts_command_that_is_not_installed_fails_with_what_to_install()
    {
        File.WriteAllText(_config, Conf().Replace("piuparts-command = /bin/true", "piuparts-command = sudo /nonexistent/piuparts"));

        var run = Check("slave");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("FAIL: [sid] piuparts-command 'sudo /nonexistent/piuparts': /nonexistent/piuparts does not exist or is not " +
                     "executable; fix: apt-get install piuparts, or name its full path in piuparts-command", Lines(run)[5]);
    }
}

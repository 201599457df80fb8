namespace Piuparts.Cli.Tests.Verbs;

public sealed class ConfigVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("piuparts-site-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "piuparts.conf");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_sample_configuration_is_valid_and_shows_where_each_value_comes_from()
    {
        var run = CliRun.Of("config", "--config", CliRun.Sample("piuparts.conf"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("[bookworm-security]", run.Output);
        Assert.Matches(@"mirror = file:mirror\s+# \[global\], .*piuparts.conf:\d+", run.Output);
        Assert.Contains("area = main    # default", run.Output);
        Assert.Matches(@"depends-sections = bookworm\s+# .*piuparts.conf:\d+", run.Output);
        // distros.conf beside piuparts.conf names the security archive's mirror: the sample's
        // relative file: mirror, kept as written (it is read relative to the working directory).
        Assert.Contains("# packages-url: file:mirror/dists/bookworm-security/main/binary-amd64/Packages", run.Output);
        Assert.Contains("# sources-url: file:mirror/dists/bookworm/main/source/Sources", run.Output);
        Assert.Contains("# distro: bookworm-security, upgrade path: (none), arch: amd64", run.Output);
    }

    [Fact]
    public void A_missing_file_is_named_and_is_bad_input()
    {
        var missing = Path.Combine(_dir, "nope.conf");

        var run = CliRun.Of("config", "--config", missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"piuparts-site: {missing}: no such file", run.Error.Trim());
    }

    [Fact]
    public void A_malformed_line_is_named_by_file_and_line()
    {
        var path = Write("[global]\nsections = sid\n[sid]\nthis line is wrong\n");

        var run = CliRun.Of("config", "--config", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"piuparts-site: {path}:4: [sid]:", run.Error);
    }

    [Fact]
    public void An_unknown_section_in_sections_is_named_with_the_key_and_its_line()
    {
        var path = Write("[global]\nmaster-directory = /srv\nsections = sid\n    experimental\n[sid]\ndistro = sid\n");

        var run = CliRun.Of("config", "--config", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"piuparts-site: {path}:3: [global] sections: names section [experimental], which piuparts.conf does not have",
            run.Error.Trim());
    }

    [Fact]
    public void A_number_that_is_not_one_is_named_with_section_and_key_and_nothing_is_written()
    {
        var path = Write("[global]\nsections = sid\n[sid]\nmax-reserved = many\n");

        var run = CliRun.Of("config", "--config", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"piuparts-site: {path}:4: [sid] max-reserved: 'many' is not a whole number", run.Error.Trim());
        Assert.Equal(["piuparts.conf"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_section_asked_for_that_does_not_exist_is_bad_input()
    {
        var run = CliRun.Of("config", "--config", CliRun.Sample("piuparts.conf"), "--section", "hurd");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("has no section [hurd]", run.Error);
    }
}

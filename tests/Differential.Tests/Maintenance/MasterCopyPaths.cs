namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>The files of one copy of a <see cref="MaintenanceMaster"/>.</summary>
public sealed record MasterCopyPaths(string Config, string Master, string Output, string Backup)
{
    /// <summary>Runs piuparts-site in-process on this copy; fails the test unless it exits with 0.</summary>
    public string RunOurs(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Cli.SiteCommand.Run([.. arguments, "--config", Config, "--distros", Config], output, error);
        Assert.True(code == 0, $"piuparts-site {string.Join(' ', arguments)} exited with {code}:\n{error}\n{output}");
        return output.ToString();
    }
}

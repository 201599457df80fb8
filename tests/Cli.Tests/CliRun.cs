namespace Piuparts.Cli.Tests;

/// <summary>One in-process run of the piuparts-site command line and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = SiteCommand.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "samples", "master-dir", file);
}

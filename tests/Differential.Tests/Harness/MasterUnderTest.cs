namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// The master the comparison tests hold against Debian's. By default piuparts-site as built with
/// these tests (<c>piuparts-site master --config … --distros …</c>); the environment variable
/// <c>PIUPARTS_MASTER_UNDER_TEST</c> names another: <c>debian</c> (Debian's master against
/// itself, to check the comparison), or a command line split on white space, e.g.
/// <c>out/bin/piuparts-site master</c> (placeholders as in <see cref="MasterCommand.FromArgv"/>).
/// </summary>
public static class MasterUnderTest
{
    public const string Variable = "PIUPARTS_MASTER_UNDER_TEST";

    public static MasterCommand Command { get; } = FromEnvironment();

    private static readonly Lazy<string?> NotBuilt = new(() => NotBuiltReason(Command));

    /// <summary>
    /// Why the comparison tests are skipped, or null when they run: only while the master under
    /// test still answers "not built yet" (piuparts-site's exit status 3 for an unimplemented verb).
    /// </summary>
    public static string? SkipReason => NotBuilt.Value;

    private static MasterCommand FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable)?.Trim();
        if (string.IsNullOrEmpty(value))
            return MasterCommand.PiupartsSite;
        if (value == "debian")
            return MasterCommand.Debian;
        return MasterCommand.FromArgv(value, value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Runs the command once (one session on a small section): a message containing "not built
    /// yet" on stderr with exit status 3 and no greeting is piuparts-site's placeholder verb, and
    /// gives the skip reason. Anything else, even a crash, gives null: the comparison must run.
    /// </summary>
    public static string? NotBuiltReason(MasterCommand command)
    {
        try
        {
            using var fixture = new MasterDirectoryBuilder().Section("probe").Packages("probe", [MasterDirectoryBuilder.Stanza("aa", "1")]).Build();
            var transcript = MasterRunner.Run(command, fixture.Single, new SessionScript("section probe"),
                TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20));
            if (transcript.Greeting == null && transcript.ExitCode == 3 && transcript.StandardError.Contains("not built yet", StringComparison.Ordinal))
                return $"'{command}' still answers \"not built yet\" (exit 3): the comparison with Debian's master runs once the master verb is built";
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return null; // the comparison runs and fails with the real reason
        }
    }
}

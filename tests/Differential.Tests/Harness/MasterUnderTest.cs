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

    private static MasterCommand FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable)?.Trim();
        if (string.IsNullOrEmpty(value))
            return MasterCommand.PiupartsSite;
        if (value == "debian")
            return MasterCommand.Debian;
        return MasterCommand.FromArgv(value, value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

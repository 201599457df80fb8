namespace Piuparts.Cli;

/// <summary>What piuparts-site's exit status means, the same for every verb.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    /// <summary>Bad input: a configuration or command-line error. Nothing was written.</summary>
    public const int BadInput = 2;
}

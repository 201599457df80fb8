using System.CommandLine;

namespace Piuparts.Cli;

/// <summary>Options every verb takes.</summary>
public static class CommonOptions
{
    public static readonly Option<string> Config = new("--config")
    {
        Description = "piuparts.conf to read",
        DefaultValueFactory = _ => Piuparts.Core.Config.PiupartsConf.DefaultPath,
        Recursive = true,
    };

    public static readonly Option<string?> Distros = new("--distros")
    {
        Description = "distros.conf to read [default: distros.conf beside piuparts.conf]",
        Recursive = true,
    };
}

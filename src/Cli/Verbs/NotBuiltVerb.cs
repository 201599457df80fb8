using System.CommandLine;

namespace Piuparts.Cli.Verbs;

/// <summary>A verb whose interface is fixed but whose work is not implemented yet: it says so and fails.</summary>
public static class NotBuiltVerb
{
    public static Command Create(string name, string description)
    {
        var command = new Command(name, $"{description} (not built yet)");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine($"piuparts-site {name}: not built yet");
            return ExitCodes.NotBuilt;
        });
        return command;
    }
}

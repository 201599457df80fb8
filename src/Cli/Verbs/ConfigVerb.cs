using System.CommandLine;
using Piuparts.Core.Config;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site config: checks piuparts.conf and distros.conf and shows the effective settings.</summary>
public static class ConfigVerb
{
    public static Command Create()
    {
        var sections = new Option<string[]>("--section")
        {
            Description = "show this section (repeatable) [default: the sections listed in [global] sections]",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("config", "Check piuparts.conf and distros.conf; print every setting with its origin and the index URLs");
        command.Add(sections);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var (config, errors) = SiteConfig.Load(result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Distros));
            if (config == null)
                return Report.Errors(error, errors);
            var names = result.GetValue(sections) is { Length: > 0 } asked ? asked : config.Piuparts.Sections.ToArray();
            var unknown = names.Where(n => !config.Piuparts.HasSection(n)).ToArray();
            if (unknown.Length > 0)
            {
                error.WriteLine($"piuparts-site config: {config.Piuparts.Path} has no section [{string.Join("], [", unknown)}]");
                return ExitCodes.BadInput;
            }
            output.Write(ConfigDescription.Render(config, names));
            return ExitCodes.Ok;
        });
        return command;
    }
}

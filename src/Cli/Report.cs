using Piuparts.Core;

namespace Piuparts.Cli;

/// <summary>How verbs print input errors: one line each, then the bad-input exit code.</summary>
public static class Report
{
    public static int Errors(TextWriter error, IEnumerable<InputError> errors)
    {
        foreach (var problem in errors)
            error.WriteLine($"piuparts-site: {problem}");
        return ExitCodes.BadInput;
    }
}

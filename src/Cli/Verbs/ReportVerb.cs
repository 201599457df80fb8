using System.CommandLine;
using System.Globalization;
using Piuparts.Core.Config;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site report: the website from the master directory (what piuparts-report does).</summary>
public static class ReportVerb
{
    public static Command Create()
    {
        var sections = new Option<string[]>("--section")
        {
            Description = "report this section (repeatable) [default: every section of [global] sections]",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--output")
        {
            Description = "write the site here [default: output-directory of piuparts.conf]",
        };
        var now = new Option<string?>("--now")
        {
            Description = "the date and time the report is made at, ISO 8601 (2026-11-24T06:00:00Z) or unix seconds " +
                          "[default: SOURCE_DATE_EPOCH when set, else the clock]; pages and counts.txt use it",
        };
        var templates = new Option<string?>("--templates")
        {
            Description = "a directory whose files replace the built-in templates, prose pages and assets of the same name",
        };
        var lockWait = new Option<int>("--lock-wait")
        {
            Description = "seconds to wait for a section a master is serving before skipping it",
            DefaultValueFactory = _ => 600,
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "print how long each step of the report took, with the CPU time used meanwhile, its garbage collections, their pauses and the memory allocated meanwhile",
        };
        var command = new Command("report",
            "Build the website from the master directory into output-directory, as piuparts-report does: section pages, " +
            "state pages, log lists, source and maintainer pages, known-problem pages, charts, summary.json. " +
            "Also does piuparts-report's work in the master directory: archives obsolete logs, refreshes .kpr files, " +
            "adds the day's row to counts.txt. Exit status 0 when every section was reported, 1 when some were skipped, " +
            "2 on a configuration error.");
        command.Add(sections);
        command.Add(output);
        command.Add(now);
        command.Add(templates);
        command.Add(lockWait);
        command.Add(timings);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var (config, errors) = SiteConfig.Load(result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Distros));
            if (config == null)
                return Report.Errors(error, errors);
            if (!TryParseNow(result.GetValue(now), out var when, out var nowError))
            {
                error.WriteLine($"piuparts-site report: {nowError}");
                return ExitCodes.BadInput;
            }
            var options = new ReportOptions
            {
                Sections = result.GetValue(sections) ?? [],
                OutputDirectory = result.GetValue(output),
                Now = when,
                TemplatesDirectory = result.GetValue(templates),
                LockWait = TimeSpan.FromSeconds(Math.Max(0, result.GetValue(lockWait))),
                Timings = result.GetValue(timings),
            };
            var run = ReportPipeline.Run(config, options, line => error.WriteLine(line));
            if (run.Busy)
            {
                if (!Console.IsErrorRedirected)
                    error.WriteLine("piuparts-site report: another report is running (report.lock is held)");
                return ExitCodes.Ok;
            }
            foreach (var problem in run.Errors)
                error.WriteLine($"piuparts-site report: {problem}");
            if (!run.Ran)
                return ExitCodes.BadInput;
            return run.Errors.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>--now, else SOURCE_DATE_EPOCH, else the clock.</summary>
    public static bool TryParseNow(string? text, out DateTimeOffset now, out string? error)
    {
        error = null;
        text ??= Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } epoch ? epoch : null;
        if (text == null)
        {
            now = DateTimeOffset.UtcNow;
            return true;
        }
        // Unix seconds are plain digits: a leading '@' would be read as a response file by the command line.
        if (text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            now = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out now))
            return true;
        error = $"--now '{text}' is neither an ISO 8601 date and time nor unix seconds";
        return false;
    }
}

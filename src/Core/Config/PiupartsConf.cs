using System.Globalization;

namespace Piuparts.Core.Config;

/// <summary>
/// piuparts.conf, loaded once and checked as a whole: syntax, interpolation, numbers, the
/// sections named in <c>sections</c> and <c>depends-sections</c>, and the keys a verb requires.
/// </summary>
public sealed class PiupartsConf
{
    public const string DefaultPath = "/etc/piuparts/piuparts.conf";

    private PiupartsConf(IniFile ini, IReadOnlyList<InputError> warnings)
    {
        Ini = ini;
        Warnings = warnings;
        Global = new SectionSettings(ini, SectionSettings.GlobalSection);
    }

    public string Path => Ini.Path;

    public IniFile Ini { get; }

    /// <summary>Things that do not stop piuparts but are probably mistakes (unknown keys).</summary>
    public IReadOnlyList<InputError> Warnings { get; }

    public SectionSettings Global { get; }

    /// <summary>The sections listed in [global] sections, in order.</summary>
    public IReadOnlyList<string> Sections => Global.Words("sections");

    public bool HasSection(string name) => Ini.HasSection(name);

    /// <summary>The settings of a section; null when piuparts.conf has no such section.</summary>
    public SectionSettings? Section(string name) => Ini.HasSection(name) ? new SectionSettings(Ini, name) : null;

    public string? MasterDirectory => Global.NonEmpty("master-directory");

    public string? OutputDirectory => Global.NonEmpty("output-directory");

    /// <summary>distros.conf beside this file, where piuparts keeps it (/etc/piuparts/distros.conf by default).</summary>
    public string DefaultDistrosPath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? "/", "distros.conf");

    /// <summary>Reads and checks the file; <paramref name="requiredGlobalKeys"/> are the [global] keys the calling verb cannot do without.</summary>
    public static (PiupartsConf? Conf, IReadOnlyList<InputError> Errors) Load(string path, params string[] requiredGlobalKeys)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new InputError(path, 0, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)]);
        }
        return Parse(text, path, requiredGlobalKeys);
    }

    public static (PiupartsConf? Conf, IReadOnlyList<InputError> Errors) Parse(string text, string path, params string[] requiredGlobalKeys)
    {
        var (ini, syntaxErrors) = IniParser.Parse(text, path);
        if (ini == null)
            return (null, syntaxErrors);
        var errors = new List<InputError>();
        var warnings = new List<InputError>();
        CheckValues(ini, errors, warnings);
        var conf = new PiupartsConf(ini, warnings);
        if (!ini.HasSection(SectionSettings.GlobalSection))
            errors.Add(new InputError(path, 0, "there is no [global] section"));
        else
            CheckRequired(conf, requiredGlobalKeys, errors);
        CheckSectionLists(conf, errors);
        return errors.Count == 0 ? (conf, errors) : (null, errors);
    }

    // Every value that is set anywhere must interpolate and, for numbers, parse; unknown keys
    // are warnings (piuparts ignores them silently, which hides typos).
    private static void CheckValues(IniFile ini, List<InputError> errors, List<InputError> warnings)
    {
        foreach (var section in ini.SectionNames)
        {
            foreach (var key in ini.Keys(section))
            {
                var raw = ini.Raw(section, key)!;
                var spec = ConfigKeys.Find(key);
                if (spec == null)
                {
                    if (raw.Section == section)
                        warnings.Add(new InputError(ini.Path, raw.Line, "unknown key, ignored") { Section = section, Key = key });
                    continue;
                }
                var (value, error) = ini.Get(section, key);
                if (error != null)
                {
                    errors.Add(error);
                    continue;
                }
                var problem = CheckKind(spec.Kind, value!);
                if (problem != null)
                    errors.Add(new InputError(ini.Path, raw.Line, problem) { Section = section, Key = key });
            }
        }
    }

    private static string? CheckKind(ValueKind kind, string value)
    {
        var text = value.Trim();
        return kind switch
        {
            ValueKind.Integer when !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                $"'{value}' is not a whole number",
            ValueKind.Number when text.Length > 0 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                $"'{value}' is not a number",
            _ => null,
        };
    }

    private static void CheckRequired(PiupartsConf conf, string[] requiredGlobalKeys, List<InputError> errors)
    {
        foreach (var key in requiredGlobalKeys)
        {
            if (conf.Global.NonEmpty(key) == null)
                errors.Add(new InputError(conf.Path, 0, "required but not set") { Section = SectionSettings.GlobalSection, Key = key });
        }
    }

    private static void CheckSectionLists(PiupartsConf conf, List<InputError> errors)
    {
        void CheckNames(SectionSettings settings, string key, IEnumerable<string> names)
        {
            foreach (var name in names.Where(n => !conf.HasSection(n)))
            {
                var where = settings.Lookup(key);
                errors.Add(new InputError(conf.Path, where.Line, $"names section [{name}], which piuparts.conf does not have")
                {
                    Section = settings.Name,
                    Key = key,
                });
            }
        }

        CheckNames(conf.Global, "sections", conf.Sections);
        CheckNames(conf.Global, "basetgz-sections", conf.Global.Words("basetgz-sections"));
        foreach (var name in conf.Ini.SectionNames.Where(n => n != SectionSettings.GlobalSection))
        {
            var section = conf.Section(name)!;
            CheckNames(section, "depends-sections", section.DependsSections);
        }
    }
}

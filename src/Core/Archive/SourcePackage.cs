namespace Piuparts.Core.Archive;

/// <summary>A source package paragraph of a Sources index.</summary>
public sealed class SourcePackage : ArchivePackage
{
    // Split once: the report asks for them several times per source (tables, JSON, maintainer
    // pages, feeds). A race only splits twice into equal arrays.
    private string[]? _binaries;
    private string[]? _uploaders;

    public SourcePackage(string name, string version, ControlParagraph paragraph)
        : base(name, version, paragraph)
    {
    }

    public string? Maintainer => Paragraph["Maintainer"];

    /// <summary>Binary package names built from this source, in the order the Binary field lists them.</summary>
    public IReadOnlyList<string> Binaries => _binaries ??= SplitList(Paragraph["Binary"]);

    /// <summary>Uploaders as written, one entry per person (the field is a comma separated list of "Name &lt;mail&gt;").</summary>
    public IReadOnlyList<string> Uploaders => _uploaders ??= SplitPeople(Paragraph["Uploaders"]);

    private static string[] SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split([',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Names may contain commas inside quotes ("Doe, John" <j@d.org>); split only on commas
    // that follow a closing '>'.
    private static string[] SplitPeople(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return [];
        var people = new List<string>();
        int start = 0, lastOpen = -1, lastClose = -1;
        for (int i = 0; i < value.Length; i++)
        {
            // One pass: the last '<' and '>' seen so far, instead of searching back at every comma
            // (team-maintained sources list dozens of uploaders).
            if (value[i] == '<')
                lastOpen = i;
            else if (value[i] == '>')
                lastClose = i;
            else if (value[i] == ',' && lastClose > lastOpen && lastOpen >= start)
            {
                AddPerson(people, value[start..i]);
                start = i + 1;
            }
        }
        AddPerson(people, value[start..]);
        return [.. people];
    }

    private static void AddPerson(List<string> people, string text)
    {
        var person = string.Join(' ', text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (person.Length > 0)
            people.Add(person);
    }
}

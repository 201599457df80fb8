using System.Text.RegularExpressions;

namespace Piuparts.SitePipeline.Model;

/// <summary>The naming rules of the site's URLs (report.md §3), kept identical to piuparts' so links keep working.</summary>
public static partial class Naming
{
    /// <summary>source/&lt;subdir&gt;/&lt;source&gt;.html, relative to the section directory.</summary>
    public static string SourcePage(string source) => $"source/{Sources.SourcePage.Subdirectory(source)}/{source}.html";

    /// <summary>HTML id of a package or source: '+' is not safe in every fragment, piuparts uses '_'.</summary>
    public static string HtmlId(string name) => name.Replace('+', '_');

    [GeneratedRegex("(.*)<(.*@.*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    /// <summary>The e-mail address of a "Name &lt;address&gt;" text, or null when it has none.</summary>
    public static string? Email(string person)
    {
        var match = Address().Match(person);
        return match.Success ? match.Groups[2].Value : null;
    }

    /// <summary>maintainer/&lt;letter&gt;/&lt;email&gt;.html, relative to the section directory.</summary>
    public static string MaintainerPage(string email) => $"maintainer/{char.ToLowerInvariant(email[0])}/{email}.html";

    /// <summary>A name that is safe as one path component of the output tree.</summary>
    public static bool IsSafeFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('\0');
}

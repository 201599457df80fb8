using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Markdig;
using Piuparts.Core;

namespace Piuparts.SitePipeline.Rendering;

/// <summary>
/// The Liquid templates (one per page kind, plus the layout), the Markdown prose pages and the
/// static assets, each parsed once and shared by every render (Fluid templates are thread-safe).
/// Built in from templates/; a directory given by the operator overrides file by file.
/// </summary>
public sealed class TemplateSet
{
    private const string ResourcePrefix = "templates/";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, IFluidTemplate> _templates;
    private readonly Dictionary<string, string> _markdown;
    private readonly TemplateOptions _options;

    private TemplateSet(Dictionary<string, IFluidTemplate> templates, Dictionary<string, string> markdown, IReadOnlyList<(string Name, byte[] Bytes)> assets, string hash)
    {
        _templates = templates;
        _markdown = markdown;
        Assets = assets;
        Hash = hash;
        _options = new TemplateOptions();
        _options.MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
    }

    /// <summary>A hash of every file of the set (names and bytes), for page fingerprints.</summary>
    public string Hash { get; }

    /// <summary>Files copied as they are into the output directory (style sheet, script, icons).</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> Assets { get; }

    /// <summary>Reads and parses every template; errors name the file and the parser's message.</summary>
    public static (TemplateSet? Set, IReadOnlyList<InputError> Errors) Load(string? overrideDirectory = null) => Start(overrideDirectory).Wait();

    /// <summary>
    /// Reads every file and takes their hash now, and parses them on another core: the hash salts
    /// the fingerprints the report takes while it loads its sections, the parsed templates are
    /// wanted only after that (a tenth of a second of a run, most of it the parsers' first use).
    /// </summary>
    public static TemplateLoading Start(string? overrideDirectory = null)
    {
        var files = BuiltIn();
        if (overrideDirectory != null)
        {
            if (!Directory.Exists(overrideDirectory))
                return TemplateLoading.Failed([new InputError(overrideDirectory, 0, "templates directory does not exist")]);
            foreach (var path in Directory.EnumerateFiles(overrideDirectory, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(overrideDirectory, path).Replace('\\', '/')] = (path, File.ReadAllBytes(path));
        }
        var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (name, (_, bytes)) in ordered)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}\n{bytes.Length}\n"));
            hash.AppendData(bytes);
        }
        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        return new TemplateLoading(digest, Task.Run(() => Parse(ordered, digest)));
    }

    private static (TemplateSet? Set, IReadOnlyList<InputError> Errors) Parse(KeyValuePair<string, (string Origin, byte[] Bytes)>[] files, string hash)
    {
        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var markdown = new Dictionary<string, string>(StringComparer.Ordinal);
        var assets = new List<(string, byte[])>();
        var errors = new List<InputError>();
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        foreach (var (name, (origin, bytes)) in files)
        {
            if (name.EndsWith(".liquid", StringComparison.Ordinal))
            {
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                if (parser.TryParse(text, out var template, out var error))
                    templates[name[..^".liquid".Length]] = template;
                else
                    errors.Add(new InputError(origin, 0, error));
            }
            else if (name.StartsWith("pages/", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            {
                markdown[name["pages/".Length..^".md".Length]] = Markdown.ToHtml(System.Text.Encoding.UTF8.GetString(bytes), pipeline);
            }
            else if (name.StartsWith("assets/", StringComparison.Ordinal))
            {
                assets.Add((name["assets/".Length..], bytes));
            }
        }
        return errors.Count > 0 ? (null, errors) : (new TemplateSet(templates, markdown, assets, hash), []);
    }

    private static Dictionary<string, (string Origin, byte[] Bytes)> BuiltIn()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[ResourcePrefix.Length..]] = ("(built-in) " + resource, copy.ToArray());
        }
        return files;
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Renders a template with a model whose members are seen in snake_case (PageTitle → page_title).</summary>
    public string Render(string name, object model)
    {
        if (!_templates.TryGetValue(name, out var template))
            throw new InvalidOperationException($"no template {name}.liquid");
        var context = new TemplateContext(model, _options);
        return template.Render(context, Encoder);
    }

    /// <summary>The HTML of a Markdown page of templates/pages/ (about, news, bug-howto), or null.</summary>
    public string? Prose(string name) => _markdown.GetValueOrDefault(name);
}

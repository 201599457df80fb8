using System.Text.Json;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Search;

/// <summary>
/// The search index of one section: every source package with a page, every binary package
/// (with the index of its source, or -1 when its source has no page here, and its state) and
/// every maintainer or uploader address with a page. Compact JSON (arrays, not objects) wrapped
/// in one call of a global function, so the page's script loads it with a script element: from
/// the file system, Chromium does not let fetch() read a local JSON file, but it runs a local
/// script. The search box of every page loads the indexes it needs (search.js).
/// </summary>
public static class SearchIndex
{
    /// <summary>The file under the section directory.</summary>
    public const string FileName = "search-index.js";

    /// <summary>Version of the index's layout, read by search.js.</summary>
    public const int Version = 1;

    /// <summary>The JSON index of a section: sources, binaries and maintainers in the order given (each in name order).</summary>
    public static byte[] Json(string section, IReadOnlyList<SourceReport> sources, IEnumerable<(string Name, string Source, PackageState State)> binaries, IReadOnlyList<string> maintainers)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("section", section);
            json.WriteStartArray("states");
            foreach (var state in PackageStates.ListStates)
                json.WriteStringValue(state.Name());
            json.WriteEndArray();
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            json.WriteStartArray("sources");
            foreach (var source in sources.Where(s => Naming.IsSafeFileName(s.Name)))
            {
                positions[source.Name] = positions.Count;
                json.WriteStartArray();
                json.WriteStringValue(source.Name);
                json.WriteStringValue(source.Verdict.Word());
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("binaries");
            foreach (var (name, source, state) in binaries)
            {
                json.WriteStartArray();
                json.WriteStringValue(name);
                json.WriteNumberValue(positions.GetValueOrDefault(source, -1));
                json.WriteNumberValue((int)state <= (int)PackageState.Outdated ? (int)state : (int)PackageState.Unknown);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("maintainers");
            foreach (var email in maintainers.Where(Naming.IsSafeFileName))
                json.WriteStringValue(email);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The script: the JSON index handed to piupartsSearch.add, which search.js defines.</summary>
    public static byte[] Script(byte[] json)
    {
        var before = "piupartsSearch.add("u8;
        var after = ");\n"u8;
        var script = new byte[before.Length + json.Length + after.Length];
        before.CopyTo(script);
        json.CopyTo(script.AsSpan(before.Length));
        after.CopyTo(script.AsSpan(before.Length + json.Length));
        return script;
    }
}

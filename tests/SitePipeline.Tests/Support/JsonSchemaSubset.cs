using System.Text.Json;
using System.Text.RegularExpressions;

namespace Piuparts.SitePipeline.Tests.Support;

/// <summary>
/// A validator for the part of JSON Schema (2020-12) that docs/*.schema.json use: type, const,
/// enum, required, properties, additionalProperties (false), items, anyOf, minLength, pattern
/// and local $ref. Any other keyword is reported as unsupported, so a schema cannot silently
/// ask for more than is checked.
/// </summary>
public sealed class JsonSchemaSubset(JsonElement schema)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "title", "description"];

    public static JsonSchemaSubset Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    /// <summary>Every way <paramref name="instance"/> breaks the schema, each with its JSON path; empty when it is valid.</summary>
    public IReadOnlyList<string> Errors(JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement rule, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in rule.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "$ref":
                    Check(Resolve(keyword.Value.GetString()!), value, path, errors);
                    break;
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array
                        ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToArray() : [keyword.Value.GetString()!];
                    if (!types.Any(t => IsType(value, t)))
                        errors.Add($"{path}: {value.ValueKind} is not {string.Join(" or ", types)}");
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(keyword.Value, value))
                        errors.Add($"{path}: {value} is not {keyword.Value}");
                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)))
                        errors.Add($"{path}: {value} is not one of {keyword.Value}");
                    break;
                case "anyOf":
                    if (!keyword.Value.EnumerateArray().Any(option => { var inner = new List<string>(); Check(option, value, path, inner); return inner.Count == 0; }))
                        errors.Add($"{path}: {value} matches none of anyOf");
                    break;
                case "minLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length < keyword.Value.GetInt32())
                        errors.Add($"{path}: shorter than {keyword.Value}");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, keyword.Value.GetString()!))
                        errors.Add($"{path}: \"{value.GetString()}\" does not match {keyword.Value}");
                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                            errors.Add($"{path}: no \"{name}\"");
                    }
                    break;
                case "properties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in keyword.Value.EnumerateObject())
                        {
                            if (value.TryGetProperty(property.Name, out var member))
                                Check(property.Value, member, $"{path}.{property.Name}", errors);
                        }
                    }
                    break;
                case "additionalProperties":
                    if (keyword.Value.ValueKind != JsonValueKind.False)
                        errors.Add($"{path}: unsupported additionalProperties {keyword.Value}");
                    else if (value.ValueKind == JsonValueKind.Object)
                    {
                        var known = rule.TryGetProperty("properties", out var properties)
                            ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                        foreach (var member in value.EnumerateObject().Where(m => !known.Contains(m.Name)))
                            errors.Add($"{path}: unexpected \"{member.Name}\"");
                    }
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        int i = 0;
                        foreach (var item in value.EnumerateArray())
                            Check(keyword.Value, item, $"{path}[{i++}]", errors);
                    }
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                        errors.Add($"{path}: unsupported schema keyword {keyword.Name}");
                    break;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
            throw new NotSupportedException($"only local references: {reference}");
        var node = schema;
        foreach (var part in reference[2..].Split('/'))
            node = node.GetProperty(part);
        return node;
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => throw new NotSupportedException($"type {type}"),
    };
}

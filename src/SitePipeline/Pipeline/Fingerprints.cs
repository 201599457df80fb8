using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// Fingerprints of page inputs: a hash of the models a page is rendered from (written field by
/// field, or as JSON by a generated writer), salted with the templates and the renderer's own
/// build, so a page whose inputs are the same as at its last writing needs no rendering. This
/// replaces piuparts-report's .md5cache of log files: here the pages' inputs are hashed, not
/// their sources.
/// </summary>
public sealed class Fingerprints
{
    private readonly byte[] _salt;

    /// <param name="templatesHash">Hash of every template, prose page and asset in use.</param>
    public Fingerprints(string templatesHash)
    {
        var build = typeof(Fingerprints).Assembly.ManifestModule.ModuleVersionId.ToString("N")
            + typeof(Fluid.FluidParser).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        _salt = System.Text.Encoding.UTF8.GetBytes(build + templatesHash);
    }

    // Per thread: pages are fingerprinted in parallel, tens of thousands of them.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Generated writers by type, looked up once: asking the context each time costs more than the hashing.
    private static readonly ConcurrentDictionary<Type, JsonTypeInfo?> Generated = new();

    /// <summary>
    /// The fingerprint of what <paramref name="write"/> writes field by field: for models
    /// fingerprinted by the ten thousand, where a JSON writer costs more than the hashing.
    /// </summary>
    public string OfFields(Action<DigestBuffer> write)
    {
        var buffer = DigestBuffer.ForThread();
        buffer.Write(_salt);
        buffer.Write("f"u8);
        write(buffer);
        return buffer.Hash();
    }

    // Public properties and fields of the models without a generated writer, by type, in
    // declaration order.
    private static readonly ConcurrentDictionary<Type, MemberInfo[]> Members = new();

    /// <summary>
    /// A value tagged with its kind: scalars (most inputs) as they are, a model with a generated
    /// writer (ModelJson) as JSON, other models (anonymous page models, lists of them) value by
    /// value through their public properties and fields. System.Text.Json's reflection serializer
    /// would emit and compile code for each such type on its first use.
    /// </summary>
    private static void WriteValue(DigestBuffer buffer, object? value, int depth)
    {
        if (depth > 64)
            throw new InvalidOperationException("a page model nests deeper than 64 levels (a cycle?)");
        switch (value)
        {
            case null:
                buffer.Write("n"u8);
                break;
            case string text:
                buffer.Write("s"u8);
                buffer.Write(text);
                break;
            case bool flag:
                buffer.Write("b"u8);
                buffer.Write(flag);
                break;
            case int number:
                buffer.Write("i"u8);
                buffer.Write(number);
                break;
            case long number:
                buffer.Write("l"u8);
                buffer.Write(number);
                break;
            case DateTimeOffset time:
                buffer.Write("t"u8);
                buffer.Write(time.UtcTicks);
                buffer.Write((long)time.Offset.TotalMinutes);
                break;
            case DateTime time:
                buffer.Write("d"u8);
                buffer.Write(time.Ticks);
                buffer.Write((int)time.Kind);
                break;
            case Enum or IFormattable:
                // Other scalars (enums by name, numbers round-trip) as their invariant text.
                buffer.Write("f"u8);
                buffer.Write(value.GetType().Name);
                buffer.Write(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case var model when Generated.GetOrAdd(model.GetType(), t => ModelJson.Default.GetTypeInfo(t)) is { } generated:
                buffer.Write("j"u8);
                var writer = t_writer ??= new Utf8JsonWriter(buffer.Writer);
                writer.Reset(buffer.Writer);
                JsonSerializer.Serialize(writer, model, generated);
                writer.Flush();
                buffer.Write("\n"u8);
                break;
            case IEnumerable items:
                buffer.Write("a"u8);
                int count = 0;
                foreach (var item in items)
                {
                    WriteValue(buffer, item, depth + 1);
                    count++;
                }
                buffer.Write("z"u8);
                buffer.Write(count);
                break;
            default:
                buffer.Write("o"u8);
                foreach (var member in Members.GetOrAdd(value.GetType(), ReflectedMembers))
                {
                    buffer.Write(member.Name);
                    WriteValue(buffer, member is PropertyInfo property ? property.GetValue(value) : ((FieldInfo)member).GetValue(value), depth + 1);
                }
                buffer.Write("e"u8);
                break;
        }
    }

    // The members of a model of the site's own assemblies (Piuparts.*), which the native build
    // keeps whole for reflection (TrimmerRootAssembly in Cli.csproj). Another assembly's type, a
    // tuple say, could have members the native build dropped: values left out of the fingerprint,
    // pages left stale. So any other type is refused, in every build.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only types of the Piuparts.* assemblies, which are kept whole, are reflected over.")]
    private static MemberInfo[] ReflectedMembers(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? "";
        if (!assembly.StartsWith("Piuparts.", StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"a page model of type {type.FullName} ({assembly}) needs a generated writer in ModelJson: only the site's own types are fingerprinted member by member");
        return
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0),
            .. type.GetFields(BindingFlags.Public | BindingFlags.Instance),
        ];
    }

    /// <summary>The fingerprint of <paramref name="inputs"/>, in order, each written with its kind (see <see cref="WriteValue"/>).</summary>
    public string Of(params object?[] inputs)
    {
        var buffer = DigestBuffer.ForThread();
        buffer.Write(_salt);
        foreach (var input in inputs)
            WriteValue(buffer, input, depth: 0);
        return buffer.Hash();
    }
}

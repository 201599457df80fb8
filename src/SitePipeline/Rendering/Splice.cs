using System.Text;

namespace Piuparts.SitePipeline.Rendering;

/// <summary>
/// A big page put together from UTF-8 parts instead of nested strings: the templates around its
/// body are rendered with a <see cref="Hole"/> where the body goes, and the page's bytes are
/// those around the hole with the body's parts between them. A 20 MB state page would otherwise
/// be held as the joined rows, the rendered body and the rendered layout (40 MB strings each)
/// before its bytes, and every such copy costs the garbage collector a full collection.
/// </summary>
public static class Splice
{
    /// <summary>Stands for the body in a template's model; no template or page text contains it.</summary>
    public const string Hole = "\u0001piuparts-site body\u0001";

    /// <summary>The UTF-8 bytes before and after the single <see cref="Hole"/> of <paramref name="rendered"/>.</summary>
    public static (byte[] Before, byte[] After) Around(string rendered)
    {
        int at = rendered.IndexOf(Hole, StringComparison.Ordinal);
        if (at < 0 || rendered.IndexOf(Hole, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException("a template must output the spliced body exactly once (with the raw filter)");
        return (Encoding.UTF8.GetBytes(rendered[..at]), Encoding.UTF8.GetBytes(rendered[(at + Hole.Length)..]));
    }

    /// <summary>The parts of <paramref name="rendered"/> with <paramref name="body"/> in its single <see cref="Hole"/>.</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Around(string rendered, IReadOnlyList<ReadOnlyMemory<byte>> body)
    {
        var (before, after) = Around(rendered);
        return [before, .. body, after];
    }

    /// <summary><paramref name="parts"/> in one array of their exact total size.</summary>
    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        long length = 0;
        foreach (var part in parts)
            length += part.Length;
        var bytes = new byte[checked((int)length)];
        int offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(bytes.AsSpan(offset));
            offset += part.Length;
        }
        return bytes;
    }
}

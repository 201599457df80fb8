namespace Piuparts.SitePipeline.Yaml;

/// <summary>
/// A string as Python sees it: one element per code point, a surrogate pair as one, a lone
/// surrogate as itself, so lengths and positions match PyYAML's.
/// </summary>
internal static class CodePoints
{
    public static int[] Of(string value)
    {
        var result = new List<int>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                result.Add(char.ConvertToUtf32(value[i], value[i + 1]));
                i++;
            }
            else
            {
                result.Add(value[i]);
            }
        }
        return [.. result];
    }
}

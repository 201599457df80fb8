using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// The JSON files a report run keeps for the next one in the output directory's
/// <see cref="PageManifest.CacheDirectory"/> (section records, feed records, sources records).
/// A file that is missing or unreadable reads as null: the next run then does the work again.
/// Each is written whole, streamed to a temporary file.
/// </summary>
public static class RunCache
{
    /// <summary>The path of a cache file: <paramref name="parts"/> below the cache directory.</summary>
    public static string PathOf(string outputDirectory, params string[] parts) =>
        Path.Combine([outputDirectory, PageManifest.CacheDirectory, .. parts]);

    public static T? Read<T>(string path) where T : class
    {
        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize(file, TypeInfo<T>());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Replace(path, stream => JsonSerializer.Serialize(stream, value, TypeInfo<T>()), flushToDisk: false);
    }

    // The generated metadata of a kept file's type (CacheJson): no code is emitted at run time.
    private static JsonTypeInfo<T> TypeInfo<T>() =>
        CacheJson.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in CacheJson: add it there to keep it in the cache directory");

    /// <summary>Removes a cache file, if there is one.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever kept there.
        }
    }
}

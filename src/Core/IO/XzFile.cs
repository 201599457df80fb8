namespace Piuparts.Core.IO;

/// <summary>
/// Compresses a file as <c>xz -f</c> does (the same bytes: liblzma's single-threaded encoder
/// with a preset and a CRC64 check): <c>FILE</c> becomes <c>FILE.xz</c> with the original's
/// modification time and permissions, and the original is removed. The compressed file appears
/// complete or not at all (temporary file, then rename), so a crash leaves the original.
/// </summary>
public static unsafe class XzFile
{
    public const string Extension = ".xz";

    /// <summary>xz's default preset, -6.</summary>
    public const int DefaultPreset = 6;

    private const int ChunkBytes = 1 << 16;

    /// <summary>False where liblzma cannot be loaded (then nothing can be compressed).</summary>
    public static bool Available => Liblzma.Available;

    /// <summary>Replaces <paramref name="path"/> by <paramref name="path"/>.xz, overwriting an existing one.</summary>
    public static void Compress(string path, int preset = DefaultPreset)
    {
        if (!Liblzma.Available)
            throw new IOException("cannot compress: liblzma.so.5 is not installed");
        var target = path + Extension;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Encode(input, output, preset);
                output.Flush(flushToDisk: true);
            }
            File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(path));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        File.Delete(path);
    }

    /// <summary>The .xz form of <paramref name="input"/>, written to <paramref name="output"/>.</summary>
    public static void Encode(Stream input, Stream output, int preset = DefaultPreset)
    {
        var state = Liblzma.NewState();
        try
        {
            int ret = Liblzma.lzma_easy_encoder(state, (uint)preset, Liblzma.CheckCrc64);
            if (ret != Liblzma.Ok)
                throw new IOException($"cannot start the xz encoder ({Liblzma.Describe(ret)})");
            var inBuffer = new byte[ChunkBytes];
            var outBuffer = new byte[ChunkBytes];
            int inLength = 0, inOffset = 0;
            bool inputDone = false;
            fixed (byte* inPointer = inBuffer)
            fixed (byte* outPointer = outBuffer)
            {
                while (true)
                {
                    if (inOffset == inLength && !inputDone)
                    {
                        inLength = input.Read(inBuffer, 0, inBuffer.Length);
                        inOffset = 0;
                        inputDone = inLength == 0;
                    }
                    state->NextIn = inPointer + inOffset;
                    state->AvailIn = (nuint)(inLength - inOffset);
                    state->NextOut = outPointer;
                    state->AvailOut = (nuint)outBuffer.Length;
                    ret = Liblzma.lzma_code(state, inputDone ? Liblzma.Finish : Liblzma.Run);
                    inOffset = inLength - (int)state->AvailIn;
                    output.Write(outBuffer, 0, outBuffer.Length - (int)state->AvailOut);
                    if (ret == Liblzma.StreamEnd)
                        return;
                    if (ret != Liblzma.Ok)
                        throw new IOException($"xz encoder failed ({Liblzma.Describe(ret)})");
                }
            }
        }
        finally
        {
            Liblzma.Free(state);
        }
    }
}

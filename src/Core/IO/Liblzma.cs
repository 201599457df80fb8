using System.Runtime.InteropServices;

namespace Piuparts.Core.IO;

/// <summary>
/// The parts of the system's liblzma (liblzma5, which dpkg itself needs, so it is on every
/// Debian system) that piuparts-site calls: the .xz stream decoder for Packages indexes and
/// the encoder xz(1) uses for old logs.
/// </summary>
internal static unsafe class Liblzma
{
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int Run = 0;
    public const int Finish = 3;
    public const uint Concatenated = 0x08;
    /// <summary>LZMA_CHECK_CRC64, what xz(1) writes by default.</summary>
    public const int CheckCrc64 = 4;

    private const string Library = "liblzma.so.5";

    private static readonly Lazy<bool> Loaded = new(() =>
        NativeLibrary.TryLoad(Library, typeof(Liblzma).Assembly, null, out _));

    /// <summary>False where the library cannot be loaded.</summary>
    public static bool Available => Loaded.Value;

    /// <summary>An lzma_stream set to LZMA_STREAM_INIT, in unmanaged memory (liblzma keeps pointers to it).</summary>
    public static State* NewState()
    {
        var state = (State*)Marshal.AllocHGlobal(sizeof(State));
        *state = default;
        return state;
    }

    /// <summary>Ends the coder and frees the memory of <see cref="NewState"/>.</summary>
    public static void Free(State* state)
    {
        lzma_end(state);
        Marshal.FreeHGlobal((nint)state);
    }

    public static string Describe(int ret) => ret switch
    {
        5 => "out of memory",
        7 => "not in .xz format",
        8 => "unsupported options",
        9 => "corrupt data",
        10 => "truncated data",
        _ => $"liblzma error {ret}",
    };

    // lzma_stream of liblzma 5 (lzma/base.h); LZMA_STREAM_INIT is all zeroes.
    [StructLayout(LayoutKind.Sequential)]
    public struct State
    {
        public byte* NextIn;
        public nuint AvailIn;
        public ulong TotalIn;
        public byte* NextOut;
        public nuint AvailOut;
        public ulong TotalOut;
        public nint Allocator;
        public nint Internal;
        public nint Reserved1, Reserved2, Reserved3, Reserved4;
        public ulong SeekPos, ReservedInt2;
        public nuint ReservedInt3, ReservedInt4;
        public int ReservedEnum1, ReservedEnum2;
    }

    [DllImport(Library)]
    public static extern int lzma_stream_decoder(State* stream, ulong memlimit, uint flags);

    [DllImport(Library)]
    public static extern int lzma_easy_encoder(State* stream, uint preset, int check);

    [DllImport(Library)]
    public static extern int lzma_code(State* stream, int action);

    [DllImport(Library)]
    private static extern void lzma_end(State* stream);
}

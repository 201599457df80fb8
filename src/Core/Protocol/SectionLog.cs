using System.Globalization;
using System.Text;

namespace Piuparts.Core.Protocol;

/// <summary>A section's master.log (protocol.md §6): appended line by line, local-time stamps where piuparts puts them.</summary>
public sealed class SectionLog : IDisposable
{
    private readonly FileStream _file;
    private readonly TimeProvider _clock;

    public SectionLog(string path, TimeProvider clock)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _clock = clock;
    }

    public void Write(string line)
    {
        _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _file.Flush();
    }

    /// <summary>"[YYYY-MM-DD HH:MM:SS] text", in local time.</summary>
    public void Stamped(string text) =>
        Write($"[{_clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}] {text}");

    public void Dispose() => _file.Dispose();
}

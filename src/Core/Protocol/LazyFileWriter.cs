using System.Text;

namespace Piuparts.Core.Protocol;

/// <summary>
/// A text file that exists only once something was written to it: piuparts' wrapper sends the
/// master's stderr to master-error.log.&lt;pid&gt; and deletes that file when it stayed empty.
/// </summary>
public sealed class LazyFileWriter(string path) : TextWriter
{
    private StreamWriter? _file;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Open().Write(value);

    public override void Write(string? value) => Open().Write(value);

    public override void WriteLine(string? value)
    {
        Open().WriteLine(value);
        _file!.Flush();
    }

    private StreamWriter Open() => _file ??= new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _file?.Dispose();
        base.Dispose(disposing);
    }
}

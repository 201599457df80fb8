using System.Text;
using System.Text.Unicode;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;

namespace Piuparts.Core.Protocol;

/// <summary>
/// One slave connection to the master (protocol.md): "hello", then one reply per command until
/// end of input or an empty line. Protocol errors end the session without a reply, as in
/// piuparts; nothing is left half written.
/// </summary>
public sealed partial class MasterSession : IDisposable
{
    private readonly SiteConfig _config;
    private readonly MasterDirectory _master;
    private readonly LineReader _input;
    private readonly Stream _output;
    private readonly MasterOptions _options;
    private readonly IndexFetcher _fetcher;
    private readonly bool _ownsFetcher;
    private readonly DatabaseLoader _loader;
    private readonly StateCache _cache;

    // The selected section and what belongs to it; all reset by the next "section".
    private string? _section;
    private FileStream? _lock;
    private SectionLog? _log;
    private SectionLogs? _logs;
    private PackageDatabase? _db;
    private ReservationQueue? _queue;
    private CachedStates? _cached;
    private bool _cacheTried;
    private DateTimeOffset _stamp;
    private bool _recycle;
    private string _stampName = "idle.stamp";
    private bool? _lastReserveFailed;

    public MasterSession(SiteConfig config, MasterDirectory master, Stream input, Stream output, MasterOptions? options = null)
    {
        _config = config;
        _master = master;
        _input = new LineReader(input);
        _output = output;
        _options = options ?? new MasterOptions();
        _ownsFetcher = _options.Fetcher == null;
        _fetcher = _options.Fetcher ?? new IndexFetcher(config.Piuparts.Global.NonEmpty("proxy"));
        _loader = new DatabaseLoader(config, master, _fetcher, line => _log?.Write(line), snapshots: !_options.NoCache);
        _cache = new StateCache(config, master, _loader, _fetcher);
    }

    /// <summary>Serves the connection to its end; the exit status (0, or 1 after a protocol error).</summary>
    public int Run()
    {
        try
        {
            Send("hello", log: false);
            while (ReadCommand() is { } words)
                Dispatch(words);
            _log?.Write(">> ");
            return 0;
        }
        catch (ProtocolAbort abort)
        {
            _options.Errors.WriteLine($"piuparts-site master: {abort.Message}");
            _log?.Write(abort.ExitCode == 0 ? $"ABORT: {abort.Message}" : $"FATAL: {abort.Message}");
            return abort.ExitCode;
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            _log?.Write("ABORT: BrokenPipeError");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Any other I/O error is fatal (protocol.md §2): no reply, the reason logged.
            _options.Errors.WriteLine($"piuparts-site master: {e.Message}");
            _log?.Write($"FATAL: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            _log?.Stamped("disconnected");
        }
    }

    private const int EPIPE = 32;

    // .NET gives an I/O error on Unix its errno as HResult.
    private static bool IsBrokenPipe(IOException e) =>
        e.HResult == EPIPE || e.Message.Contains("broken pipe", StringComparison.OrdinalIgnoreCase);

    // Null at the end of the session: end of input, or a blank line (protocol.md §2).
    private string[]? ReadCommand()
    {
        var bytes = _input.ReadLine(MasterOptions.MaxCommandBytes, out _, out bool tooLong);
        if (tooLong)
            throw ProtocolAbort.Fatal($"command line longer than {MasterOptions.MaxCommandBytes} bytes");
        if (bytes == null)
            return null;
        // Names become file names and submissions.txt entries: a byte that is not UTF-8 would
        // turn into U+FFFD there, a name the slave never sent.
        if (!Utf8.IsValid(bytes))
            throw ProtocolAbort.Fatal("the command line is not valid UTF-8");
        var line = Encoding.UTF8.GetString(bytes);
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        _log?.Write(">> " + line.TrimEnd());
        return words;
    }

    private void Send(string reply, bool log = true)
    {
        _output.Write(Encoding.UTF8.GetBytes(reply + "\n"));
        _output.Flush();
        if (log)
            _log?.Write("<< " + reply);
    }

    private void Dispatch(string[] words)
    {
        var command = words[0];
        var args = words[1..];
        if (_section == null && command != "section")
            throw ProtocolAbort.Fatal($"Expected 'section' command, got {command}");
        switch (command)
        {
            case "section": Expect(1, words); SelectSection(args[0]); break;
            case "recycle": Expect(0, words); Recycle(); break;
            case "idle": Expect(0, words); Send($"ok {IdleSeconds()}"); break;
            case "reserve": Expect(0, words); Reserve(); break;
            case "unreserve": Expect(2, words); Unreserve(args[0], args[1]); break;
            case "pass": Expect(2, words); Submit(SubmissionKind.Pass, args[0], args[1]); break;
            case "fail": Expect(2, words); Submit(SubmissionKind.Fail, args[0], args[1]); break;
            case "untestable": Expect(2, words); Submit(SubmissionKind.Untestable, args[0], args[1]); break;
            case "status": Expect(0, words); Status(); break;
            case "_state": Expect(1, words); DebugState(args[0]); break;
            case "_depends": Expect(1, words); DebugList(args[0], d => d.Depends(args[0])); break;
            case "_recursive-depends": Expect(1, words); DebugList(args[0], d => d.RecursiveDepends(args[0])); break;
            case "_depcycle": Expect(1, words); DebugList(args[0], d => d.DependencyCycleOf(args[0])); break;
            case "_list": Expect(1, words); DebugListState(args[0]); break;
            default: throw ProtocolAbort.Fatal($"Unknown command {command}");
        }
    }

    private static void Expect(int count, string[] words)
    {
        if (words.Length - 1 != count)
            throw ProtocolAbort.Fatal($"Need exactly {count} args: {string.Join(' ', words)}");
    }

    private static void CheckNames(string name, string version)
    {
        if (LogName.Check(name, version) is { } problem)
            throw ProtocolAbort.Fatal($"refused: {problem}");
    }

    public void Dispose()
    {
        ReleaseSection();
        if (_ownsFetcher)
            _fetcher.Dispose();
    }
}

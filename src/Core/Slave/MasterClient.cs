using System.Globalization;
using System.Text;
using Piuparts.Core.Protocol;

namespace Piuparts.Core.Slave;

/// <summary>
/// The slave's side of the master protocol (protocol.md §9, slave.md §6) over one link, reused
/// across sections while the master's address stays the same. Replies are compared exactly as
/// piuparts' slave compares them; an unexpected reply, end of input or an I/O error is a
/// failure that the caller turns into a wait, never an exception.
/// </summary>
public sealed class MasterClient : IDisposable
{
    /// <summary>No reply line is longer than this; a longer one is a broken master.</summary>
    private const int MaxReplyBytes = 1 << 16;

    private readonly Func<MasterAddress, IMasterLink> _connect;
    private readonly SlaveLog _log;
    private IMasterLink? _link;
    private LineReader? _replies;
    private MasterAddress? _address;

    public MasterClient(Func<MasterAddress, IMasterLink> connect, SlaveLog log)
    {
        _connect = connect;
        _log = log;
    }

    public bool IsConnected => _link != null;

    /// <summary>
    /// Connects (unless already connected to the same address), selects the section and, when
    /// asked, enables recycling. Busy and refused recycling keep the connection open.
    /// </summary>
    public SectionAnswer Open(MasterAddress address, string section, bool recycle)
    {
        if (_address != address)
            Close();
        _address = address;
        if (_link == null)
        {
            _log.Info($"Connecting to {address.Host}");
            try
            {
                _link = _connect(address);
            }
            catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                _log.Error($"cannot start the connection: {e.Message}");
                return SectionAnswer.Failed;
            }
            _replies = new LineReader(_link.FromMaster);
            if (ReadReply() != "hello")
                return Fail();
        }
        var reply = Ask($"section {section}");
        if (reply == "busy")
            return SectionAnswer.Busy;
        if (reply != "ok")
            return Fail();
        _log.Debug("Connected to master");
        if (recycle && Ask("recycle") != "ok")
            return SectionAnswer.RecycleRefused;
        return SectionAnswer.Ok;
    }

    private SectionAnswer Fail()
    {
        Close();
        return SectionAnswer.Failed;
    }

    /// <summary>Sends one finished log (command line, long part, "."); true when the master said exactly "ok".</summary>
    public bool? SendLog(string kind, string name, string version, string text)
    {
        var message = new StringBuilder();
        message.Append(kind).Append(' ').Append(name).Append(' ').Append(version).Append('\n');
        foreach (var line in LongPartLines(text))
            message.Append(' ').Append(line).Append('\n');
        message.Append(".\n");
        if (!Write(message.ToString()))
            return null;
        var reply = ReadReply();
        return reply == null ? null : reply == "ok";
    }

    /// <summary>
    /// The lines of a log as piuparts reads it (universal newlines: CRLF and CR end lines too);
    /// a last line without a newline is still a line.
    /// </summary>
    public static IEnumerable<string> LongPartLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (normalized.Length == 0)
            yield break;
        var lines = normalized.Split('\n');
        int count = normalized.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (int i = 0; i < count; i++)
            yield return lines[i];
    }

    /// <summary>Gives a reservation back; true on "ok", false on another reply, null when the link failed.</summary>
    public bool? Unreserve(string name, string version) => Ask($"unreserve {name} {version}") is { } reply ? reply == "ok" : null;

    /// <summary>The seconds the master expects to stay idle (0: ask for work); null on anything but "ok &lt;int&gt;".</summary>
    public int? Idle()
    {
        var words = Words(Ask("idle"));
        if (words is ["ok", var seconds] && int.TryParse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            return n;
        return null;
    }

    /// <summary>One reservation; (null, true) when the master has nothing more, (null, false) on failure.</summary>
    public (Reservation? Reserved, bool Answered) Reserve()
    {
        var words = Words(Ask("reserve"));
        if (words is ["ok", var name, var version, ..])
            return (new Reservation(name, version), true);
        if (words is ["error", ..])
            return (null, true);
        return (null, false);
    }

    /// <summary>The section's state counts after "ok"; null on any other reply.</summary>
    public string? Status()
    {
        var words = Words(Ask("status"));
        return words is ["ok", .. var rest] ? string.Join(' ', rest) : null;
    }

    private string? Ask(string command) => Write(command + "\n") ? ReadReply() : null;

    private static string[]? Words(string? reply) =>
        reply?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private bool Write(string text)
    {
        if (_link == null)
            return false;
        try
        {
            _link.ToMaster.Write(Encoding.UTF8.GetBytes(text));
            _link.ToMaster.Flush();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _log.Debug($"write to master failed: {e.Message}");
            return false;
        }
    }

    // The reply without its newline; null at end of input, on an I/O error, or when the line
    // did not end with a newline (piuparts compares "ok\n", so a cut-off "ok" is no "ok").
    private string? ReadReply()
    {
        if (_replies == null)
            return null;
        try
        {
            var line = _replies.ReadLine(MaxReplyBytes, out bool complete, out _);
            if (line == null || !complete)
                return null;
            var text = Encoding.UTF8.GetString(line);
            _log.Debug($"<< {text.TrimEnd()}");
            return text;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _log.Debug($"read from master failed: {e.Message}");
            return null;
        }
    }

    /// <summary>Ends the connection (the master sees end of input); nothing happens when none is open.</summary>
    public void Close()
    {
        if (_link == null)
            return;
        _link.Dispose();
        _link = null;
        _replies = null;
        _log.Info("Connection to master closed");
    }

    public void Dispose() => Close();
}

using System.Text;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// One thing a slave sends, after which it waits for one reply line: a command line, a
/// submission with its long part (protocol.md §2.1), or raw text for protocol errors.
/// </summary>
/// <param name="Wire">Exactly what is written to the master's stdin.</param>
/// <param name="Display">The transcript lines for it, each as the slave meant it (without "&gt;&gt; ").</param>
public sealed record SessionStep(string Wire, IReadOnlyList<string> Display)
{
    /// <summary>
    /// The reply depends on timing, not only on the files (an <c>idle</c> right after the
    /// reservations that made it idle: see the coarse-timestamp note of protocol.md §10.8);
    /// normalized transcripts mask it entirely.
    /// </summary>
    public bool TimingDependent { get; init; }

    /// <summary>The first word of the command line ("" for a blank line).</summary>
    public string Verb
    {
        get
        {
            var words = Display[0].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            return words.Length == 0 ? "" : words[0];
        }
    }

    /// <summary>A command line; the newline is added.</summary>
    public static SessionStep Command(string line) => new(line + "\n", [line]);

    /// <summary>
    /// <c>KIND NAME VERSION</c> followed by the log as a long part: each log line sent with a
    /// leading space, then a line ".". The log is split on '\n'; a final newline adds no line.
    /// </summary>
    public static SessionStep Submission(string kind, string name, string version, string log)
    {
        var line = $"{kind} {name} {version}";
        var wire = new StringBuilder(line).Append('\n');
        var display = new List<string> { line };
        var lines = log.Split('\n');
        int count = log.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        if (log.Length == 0)
            count = 0;
        for (int i = 0; i < count; i++)
        {
            wire.Append(' ').Append(lines[i]).Append('\n');
            display.Add(" " + lines[i]);
        }
        wire.Append(".\n");
        display.Add(".");
        return new SessionStep(wire.ToString(), display);
    }

    /// <summary>Exactly this text (no newline added), shown escaped: for malformed input.</summary>
    public static SessionStep Raw(string wire) => new(wire, [Escape(wire)]);

    /// <summary>Control characters as C escapes, so "\r" and missing newlines show in transcripts.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}

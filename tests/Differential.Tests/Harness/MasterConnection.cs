using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// One running master process, driven a step at a time as a slave would: for sessions that must
/// stay open while something else happens (a second master on a locked section). Every wait is
/// bounded: a reply that does not come within the reply timeout, or a master that dies, is
/// recorded and the session goes on without sending more. <see cref="Close"/> ends the session
/// with EOF, waits a bounded time for the exit and kills the process tree if it is still there.
/// </summary>
public sealed class MasterConnection : IDisposable
{
    public static readonly TimeSpan DefaultReplyTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultExitTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string masterName;
    private readonly TimeSpan replyTimeout;
    private readonly BlockingCollection<string> lines = new();
    private readonly Task<string> standardError;
    private readonly List<Exchange> exchanges = [];
    private readonly DateTimeOffset started;
    private bool gone;
    private SessionTranscript? transcript;

    private MasterConnection(Process process, string masterName, TimeSpan replyTimeout)
    {
        this.process = process;
        this.masterName = masterName;
        this.replyTimeout = replyTimeout;
        started = DateTimeOffset.Now;
        standardError = process.StandardError.ReadToEndAsync();
        var reader = new Thread(ReadLines) { IsBackground = true, Name = $"{masterName} stdout" };
        reader.Start();
        var (outcome, greeting) = NextLine();
        Greeting = greeting;
        gone = outcome != ReplyOutcome.Answered;
    }

    /// <summary>The first line the master wrote ("hello"), or null when none came in time.</summary>
    public string? Greeting { get; }

    /// <summary>False once the master stopped answering (died, closed its output or timed out).</summary>
    public bool Alive => !gone && transcript == null;

    public IReadOnlyList<Exchange> Exchanges => exchanges;

    /// <summary>Starts the master on a copy and reads its greeting.</summary>
    public static MasterConnection Start(MasterCommand command, MasterCopy copy, TimeSpan? replyTimeout = null)
    {
        var process = Process.Start(command.StartInfo(copy)) ?? throw new InvalidOperationException($"cannot start {command}");
        return new MasterConnection(process, command.Name, replyTimeout ?? DefaultReplyTimeout);
    }

    /// <summary>Sends one step and waits for its reply line (not sent when the master is already gone).</summary>
    public Exchange Send(SessionStep step)
    {
        if (transcript != null)
            throw new InvalidOperationException("the session is closed");
        Exchange exchange;
        var sent = Stopwatch.StartNew();
        if (gone || !Write(step.Wire))
        {
            gone = true;
            exchange = new Exchange(step, ReplyOutcome.NotSent, null, TimeSpan.Zero);
        }
        else
        {
            var (outcome, reply) = NextLine();
            gone = outcome != ReplyOutcome.Answered;
            exchange = new Exchange(step, outcome, reply, sent.Elapsed);
        }
        exchanges.Add(exchange);
        return exchange;
    }

    /// <summary>Sends a command line (see <see cref="Send(SessionStep)"/>) and returns the reply, or null.</summary>
    public string? Send(string command) => Send(SessionStep.Command(command)).Reply;

    /// <summary>
    /// Ends the session with EOF on the master's stdin, collects any further output, waits for
    /// the exit (bounded) and kills the process tree if needed. Idempotent.
    /// </summary>
    public SessionTranscript Close(TimeSpan? exitTimeout = null)
    {
        if (transcript != null)
            return transcript;
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The master is gone already; its exit status tells the rest.
        }
        var deadline = DateTime.UtcNow + (exitTimeout ?? DefaultExitTimeout);
        var trailing = new List<string>();
        while (lines.TryTake(out var line, Remaining(deadline)))
            trailing.Add(line);
        bool exited = process.WaitForExit(Remaining(deadline));
        if (!exited)
            Kill();
        process.WaitForExit(); // also lets the redirected streams finish
        var error = standardError.Wait(TimeSpan.FromSeconds(5)) ? standardError.Result : "(stderr still open)";
        transcript = new SessionTranscript
        {
            MasterName = masterName,
            Greeting = Greeting,
            Exchanges = exchanges.ToList(),
            TrailingOutput = trailing,
            ExitCode = exited ? process.ExitCode : null,
            StandardError = error,
            Started = started,
            Ended = DateTimeOffset.Now,
        };
        return transcript;
    }

    public void Dispose()
    {
        if (transcript == null)
            Kill();
        // The reader thread may still complete the line queue, so the queue is left to the GC.
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in between.
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private bool Write(string text)
    {
        try
        {
            process.StandardInput.Write(text);
            process.StandardInput.Flush();
            return true;
        }
        catch (IOException)
        {
            return false; // broken pipe: the master is gone
        }
    }

    private (ReplyOutcome Outcome, string? Line) NextLine()
    {
        if (lines.TryTake(out var line, replyTimeout))
            return (ReplyOutcome.Answered, line);
        return lines.IsCompleted ? (ReplyOutcome.EndOfOutput, null) : (ReplyOutcome.TimedOut, null);
    }

    // Splits stdout on '\n' only, so a "\r" the master sends stays visible in the transcript.
    private void ReadLines()
    {
        var current = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        lines.Add(current.ToString());
                        current.Clear();
                    }
                    else
                    {
                        current.Append(buffer[i]);
                    }
                }
            }
            if (current.Length > 0)
                lines.Add(current + " (no newline at the end of the output)");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed; what was read is kept.
        }
        finally
        {
            lines.CompleteAdding();
        }
    }
}

using System.Collections;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>A scripted slave connection: the steps sent one at a time, each waiting for its reply.</summary>
public sealed class SessionScript : IEnumerable<SessionStep>
{
    private readonly List<SessionStep> steps = [];

    public SessionScript(params string[] commands)
    {
        foreach (var command in commands)
            Send(command);
    }

    public int Count => steps.Count;

    /// <summary>Command lines, in order.</summary>
    public SessionScript Send(params string[] commands)
    {
        foreach (var command in commands)
            steps.Add(SessionStep.Command(command));
        return this;
    }

    /// <summary>The same command line <paramref name="times"/> times (e.g. reserve until error).</summary>
    public SessionScript Repeat(string command, int times)
    {
        for (int i = 0; i < times; i++)
            steps.Add(SessionStep.Command(command));
        return this;
    }

    /// <summary>pass, fail or untestable with its log as the long part.</summary>
    public SessionScript Submit(string kind, string name, string version, string log)
    {
        steps.Add(SessionStep.Submission(kind, name, version, log));
        return this;
    }

    /// <summary>A command whose reply depends on timing (see <see cref="SessionStep.TimingDependent"/>).</summary>
    public SessionScript SendTimingDependent(string command)
    {
        steps.Add(SessionStep.Command(command) with { TimingDependent = true });
        return this;
    }

    public SessionScript Add(SessionStep step)
    {
        steps.Add(step);
        return this;
    }

    public IEnumerator<SessionStep> GetEnumerator() => steps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

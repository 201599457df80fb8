using System.Globalization;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// The answers to <c>_list STATE</c> for all 14 states, taken after <c>status</c> (before it the
/// master answers from an empty placeholder database, protocol.md §3), names sorted ordinally
/// since the original's order is arbitrary. <see cref="Script"/> makes the session,
/// <see cref="From"/> reads its transcript.
/// </summary>
public sealed class StateListing
{
    private StateListing(IReadOnlyDictionary<string, IReadOnlyList<string>> lists, IReadOnlyDictionary<string, string> problems,
        string? status)
    {
        Lists = lists;
        Problems = problems;
        Status = status;
    }

    /// <summary>State → sorted names, for every state answered with "ok".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }

    /// <summary>State → the reply line (or outcome) for every state not answered with "ok".</summary>
    public IReadOnlyDictionary<string, string> Problems { get; }

    /// <summary>The reply to <c>status</c>, or null when it got none.</summary>
    public string? Status { get; }

    /// <summary>How many names all 14 lists hold together (each package is in exactly one).</summary>
    public int Total => Lists.Values.Sum(names => names.Count);

    /// <summary>
    /// <c>section S</c>, <c>status</c>, <c>_list</c> for each of the 14 states, then
    /// <paramref name="more"/> (e.g. <c>_state</c> queries, which also need the loaded database).
    /// </summary>
    public static SessionScript Script(string section, params string[] more)
    {
        var script = new SessionScript($"section {section}", "status");
        foreach (var state in ListStates.All)
            script.Send($"_list {state}");
        return script.Send(more);
    }

    public static StateListing From(SessionTranscript transcript)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        string? status = null;
        foreach (var exchange in transcript.Exchanges)
        {
            var words = exchange.Step.Display[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is ["status"])
                status = exchange.Reply;
            if (words is not ["_list", var state])
                continue;
            if (exchange.Reply is { } reply && (reply == "ok" || reply.StartsWith("ok ", StringComparison.Ordinal)))
                lists[state] = reply.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Order(StringComparer.Ordinal).ToList();
            else
                problems[state] = exchange.Reply ?? exchange.ReplyLine;
        }
        return new StateListing(lists, problems, status);
    }

    public IReadOnlyList<string> Names(string state) => Lists.TryGetValue(state, out var names) ? names : [];

    /// <summary>The list a package is in, or null.</summary>
    public string? StateOf(string name) => Lists.FirstOrDefault(pair => pair.Value.Contains(name)).Key;

    /// <summary>The counts of the <c>status</c> reply ("ok [(recycle) ]state=n ... total=n"), by name, total included.</summary>
    public IReadOnlyDictionary<string, int> StatusCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in (Status ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var parts = word.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                counts[parts[0]] = count;
        }
        return counts;
    }

    /// <summary>"state: count" then "state name" for every name, states in piuparts' order; problems and status last.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        foreach (var state in ListStates.All)
        {
            if (Problems.TryGetValue(state, out var problem))
            {
                lines.Add($"{state}: not listed: {problem}");
                continue;
            }
            var names = Names(state);
            lines.Add($"{state}: {names.Count}");
            lines.AddRange(names.Select(name => $"{state} {name}"));
        }
        lines.Add("status: " + (Status ?? "(no reply)"));
        return lines;
    }
}

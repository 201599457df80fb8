using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>
/// Checks that Debian's master did what the rule says on a <see cref="RuleCase"/>, so that the
/// case really exercises its rule before the two masters are compared. Every mismatch is
/// reported at once.
/// </summary>
public static class RuleAssert
{
    /// <summary>Debian's final <c>_list</c> answers for a listed section put each package in the given state.</summary>
    public static void DebianStates(MasterComparison comparison, string section, params (string Package, string State)[] expected) =>
        States(comparison.Expected.Listings[section], $"Debian's master, section {section}", expected);

    /// <summary>The <c>_list</c> answers of a listing put each package in the given state.</summary>
    public static void States(StateListing listing, string where, params (string Package, string State)[] expected)
    {
        var wrong = expected
            .Where(e => listing.StateOf(e.Package) != e.State)
            .Select(e => $"  {e.Package}: the rule says {e.State}, the listing has {listing.StateOf(e.Package) ?? "(no list)"}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{where}:\n{string.Join('\n', wrong)}\n{string.Join('\n', listing.Lines())}");
    }

    /// <summary>Debian's answers to the queries of a listed section.</summary>
    public static void DebianReplies(MasterComparison comparison, string section, params (string Query, string Reply)[] expected) =>
        Replies(comparison.Expected.QuerySessions[section], $"Debian's master, section {section}", expected);

    /// <summary>The replies of a session to the given command lines.</summary>
    public static void Replies(SessionTranscript transcript, string where, params (string Query, string Reply)[] expected)
    {
        var wrong = expected
            .Where(e => transcript.ReplyTo(e.Query) != e.Reply)
            .Select(e => $"  {e.Query}: the rule says '{e.Reply}', the master said '{transcript.ReplyTo(e.Query) ?? "(not asked)"}'")
            .ToList();
        Assert.True(wrong.Count == 0, $"{where}:\n{string.Join('\n', wrong)}");
    }
}

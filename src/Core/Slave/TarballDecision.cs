namespace Piuparts.Core.Slave;

/// <summary>
/// Whether a section's base tarball must be (re)created now and when to look again (slave.md
/// §5.2), from <c>max-tgz-age</c> A and <c>min-tgz-retry-delay</c> R: a missing tarball is always
/// created; with A &gt; 0 one older than A is recreated, but at most once per R since the last
/// attempt (the time of <c>&lt;tarball&gt;.log</c>); A = 0 never recreates an existing one (looked at
/// daily); A &lt; 0 turns the handling off.
/// </summary>
public sealed record TarballDecision(bool Create, TimeSpan LookAgainIn, IReadOnlyList<string> Messages)
{
    /// <summary>Null when A &lt; 0: no tarball handling at all.</summary>
    public static TarballDecision? Decide(string tarball, long maxAge, long minRetryDelay, TimeSpan? age, TimeSpan? sinceLastAttempt)
    {
        if (maxAge < 0)
            return null;
        var messages = new List<string>();
        double ttl = maxAge == 0 ? 86400 : 0;
        bool create = age == null;
        if (age is { } tarballAge && maxAge > 0)
        {
            double seconds = tarballAge.TotalSeconds;
            ttl = maxAge - seconds;
            messages.Add($"Check-replace {tarball}: age={(long)seconds} vs. max={maxAge}");
            if (ttl < 0)
            {
                if (sinceLastAttempt is { } attempt)
                    seconds = attempt.TotalSeconds;
                ttl = minRetryDelay - seconds;
                messages.Add($"Limit-replace {tarball}: last-retry={(long)seconds} vs. min={minRetryDelay}");
                if (ttl < 0)
                {
                    create = true;
                    messages.Add($"{tarball} too old.  Forcing re-creation");
                }
            }
        }
        if (create)
            ttl = minRetryDelay;
        return new TarballDecision(create, TimeSpan.FromSeconds(ttl), messages);
    }
}

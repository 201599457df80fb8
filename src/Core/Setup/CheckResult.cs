namespace Piuparts.Core.Setup;

/// <summary>
/// The outcome of one set-up check: what was checked and, when it failed, what is wrong and how
/// to fix it. Printed as one line: <c>ok: …</c> or <c>FAIL: …: problem; fix: …</c>.
/// </summary>
public sealed record CheckResult(bool Passed, string Subject, string? Problem, string? Fix)
{
    public static CheckResult Ok(string subject) => new(true, subject, null, null);

    public static CheckResult Fail(string subject, string problem, string fix) => new(false, subject, problem, fix);

    public override string ToString() => Passed ? $"ok: {Subject}" : $"FAIL: {Subject}: {Problem}; fix: {Fix}";
}

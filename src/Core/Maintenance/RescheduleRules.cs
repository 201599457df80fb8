using System.Globalization;
using Piuparts.Core.Config;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// A section's settings for rescheduling and expiry (maintenance.md §2.2; config.md §4.1):
/// days and counts for passed and failed logs, with an expiry of "+N" meaning N days after the
/// reschedule age, and <c>auto-reschedule</c> (only the word <c>yes</c> switches it on, as in
/// piuparts' script). An expiry of 0, or one not beyond the reschedule age, never expires.
/// </summary>
public sealed record RescheduleRules(
    bool AutoReschedule,
    long RescheduleOldDays,
    long RescheduleOldCount,
    long ExpireOldDays,
    long RescheduleFailDays,
    long RescheduleFailCount,
    long ExpireFailDays)
{
    /// <summary>Passed logs expire (once marked for recycling and not retested) only when this holds.</summary>
    public bool ExpiresOld => ExpireOldDays > RescheduleOldDays;

    public bool ExpiresFail => ExpireFailDays > RescheduleFailDays;

    public static RescheduleRules Of(SectionSettings settings)
    {
        long Number(string key) => settings.Integer(key);

        long Expiry(string key, long rescheduleDays)
        {
            var text = (settings[key] ?? "0").Trim();
            return text.StartsWith('+')
                ? rescheduleDays + long.Parse(text.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture)
                : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        long oldDays = Number("reschedule-old-days");
        long failDays = Number("reschedule-fail-days");
        return new RescheduleRules(
            AutoReschedule: (settings["auto-reschedule"] ?? "yes").Trim() == "yes",
            RescheduleOldDays: oldDays,
            RescheduleOldCount: Number("reschedule-old-count"),
            ExpireOldDays: Expiry("expire-old-days", oldDays),
            RescheduleFailDays: failDays,
            RescheduleFailCount: Number("reschedule-fail-count"),
            ExpireFailDays: Expiry("expire-fail-days", failDays));
    }
}

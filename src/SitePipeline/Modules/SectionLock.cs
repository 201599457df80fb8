using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>A section's master.lock, waited for up to the run's lock wait (piuparts retries a busy section later in the run).</summary>
internal static class SectionLock
{
    public static FileStream? Take(SiteContext context, SectionDirectory directory)
    {
        var deadline = DateTime.UtcNow + context.Options.LockWait;
        while (true)
        {
            if (directory.TryLock() is { } held)
                return held;
            if (DateTime.UtcNow >= deadline)
                return null;
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }
}

using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>A section's master.lock, waited for up to the run's lock wait (piuparts retries a busy section later in the run).</summary>
internal static class SectionLock
{
    public static bool TryTake(SiteContext context, SectionDirectory directory, out FileStream? held)
    {
        var deadline = DateTime.UtcNow + context.Options.LockWait;
        while (true)
        {
            try
            {
                // FileShare.None is a non-blocking flock(LOCK_EX) on Unix, shared with piuparts' tools.
                held = new FileStream(Path.Combine(directory.Path, "master.lock"), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
                return true;
            }
            catch (IOException)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    held = null;
                    return false;
                }
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }
}

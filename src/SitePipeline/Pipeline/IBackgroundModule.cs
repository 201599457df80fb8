namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// A module whose Execute leaves work running on another core while the modules after it run:
/// the run waits for it at its end (<see cref="Finish"/>), or, when the run failed, only lets it
/// end (<see cref="Drain"/>), so that nothing is written after the run returns.
/// </summary>
public interface IBackgroundModule : IModule
{
    /// <summary>Waits for the work left running; throws what it threw.</summary>
    void Finish();

    /// <summary>Waits for the work left running and ignores how it went: for a run that failed.</summary>
    void Drain();
}

using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Maintenance;

/// <summary>A log moved out of the way, and why (the reason piuparts-report logs).</summary>
public sealed record ArchivedLog(LogDirectory Directory, string Name, string Version, string Reason);

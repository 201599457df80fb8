using Piuparts.Core.States;

namespace Piuparts.SitePipeline.Summary;

/// <summary>A binary package of a section as its summary needs it: its source and fully resolved state.</summary>
public readonly record struct SummaryBinary(string Package, string Source, PackageState State);

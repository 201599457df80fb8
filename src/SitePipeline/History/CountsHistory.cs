using Piuparts.Core;

namespace Piuparts.SitePipeline.History;

/// <summary>A counts.txt read back for charts: the rows that could be read, in file order, and the problems.</summary>
public sealed record CountsHistory(IReadOnlyList<CountsRow> Rows, IReadOnlyList<InputError> Errors);

using Piuparts.Core;

namespace Piuparts.SitePipeline.Rendering;

/// <summary>
/// A template set being parsed on another core (<see cref="TemplateSet.Start"/>), with the hash
/// of its files known already; null when the files could not be read.
/// </summary>
public sealed class TemplateLoading
{
    private readonly Task<(TemplateSet? Set, IReadOnlyList<InputError> Errors)> _parsing;

    internal TemplateLoading(string? hash, Task<(TemplateSet? Set, IReadOnlyList<InputError> Errors)> parsing)
    {
        Hash = hash;
        _parsing = parsing;
    }

    internal static TemplateLoading Failed(IReadOnlyList<InputError> errors) => new(null, Task.FromResult<(TemplateSet?, IReadOnlyList<InputError>)>((null, errors)));

    /// <summary>A hash of every file of the set (names and bytes), for page fingerprints; null when they could not be read.</summary>
    public string? Hash { get; }

    /// <summary>Waits for the parsed set; null with the errors (each naming its file) when a file is not a valid template.</summary>
    public (TemplateSet? Set, IReadOnlyList<InputError> Errors) Wait() => _parsing.GetAwaiter().GetResult();
}

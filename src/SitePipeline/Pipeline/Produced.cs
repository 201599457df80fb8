namespace Piuparts.SitePipeline.Pipeline;

/// <summary>What producing a document gave: its bytes (null when its fingerprint matched and rendering was skipped) and its fingerprint, if it has one.</summary>
public readonly record struct Produced(byte[]? Bytes, string? Fingerprint);

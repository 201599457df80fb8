using System.Text.Json.Serialization;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// Generated readers and writers of the files a run keeps for the next one (<see cref="RunCache"/>)
/// and of the sources' JSON files: System.Text.Json's reflection serializer emits and compiles
/// code for every type on its first use, 300 methods and a tenth of a second of a report run.
/// The same JSON as the reflection serializer's with the same options.
/// </summary>
[JsonSerializable(typeof(Feeds.FeedRecord))]
[JsonSerializable(typeof(Sources.SourceSectionsRecord))]
[JsonSerializable(typeof(SectionRecords.Stored))]
[JsonSerializable(typeof(Sources.SourceJson.Entry))]
internal sealed partial class CacheJson : JsonSerializerContext;

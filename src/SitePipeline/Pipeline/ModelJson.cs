using System.Text.Json.Serialization;
using Piuparts.SitePipeline.Modules;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// Generated JSON writers for the models fingerprinted most (maintainer pages, the sources'
/// lists of sections, state pages, log lists and indexes): several times faster than reflection, which stays for the other models.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(RenderSourcePages.MaintainerModel))]
[JsonSerializable(typeof(RenderStatePages.StatePrint))]
[JsonSerializable(typeof(RenderSectionPages.LogListPrint))]
[JsonSerializable(typeof(RenderSourcePages.IndexPrint))]
[JsonSerializable(typeof(Sources.SourceJson.Entry))]
[JsonSerializable(typeof(Sources.SourceSection[]))]
internal sealed partial class ModelJson : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>Source-generated metadata for the documents the client reads and writes, so no reflection is needed.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(StatResponse))]
[JsonSerializable(typeof(ListResponse))]
[JsonSerializable(typeof(List<BatchItemResponse>))]
[JsonSerializable(typeof(RegionQueryResponse))]
[JsonSerializable(typeof(InitiateUploadResponse))]
[JsonSerializable(typeof(UploadPartResponse))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(PutResponse))]
internal sealed partial class KodoClientJsonContext : JsonSerializerContext;

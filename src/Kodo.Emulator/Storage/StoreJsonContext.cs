using System.Text.Json.Serialization;

namespace Kodo.Emulator.Storage;

/// <summary>Source-generated JSON for the object records kept in the data folder.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ObjectInfo))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

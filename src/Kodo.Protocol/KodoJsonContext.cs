using System.Text.Json.Serialization;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;

namespace Kodo.Protocol;

/// <summary>
/// Source-generated JSON metadata for the protocol's documents, so serialisation needs no reflection and stays
/// trim- and AOT-safe. Numbers may arrive as strings because some SDKs pass user values through untyped.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PutPolicy))]
[JsonSerializable(typeof(KodoError))]
public sealed partial class KodoJsonContext : JsonSerializerContext;

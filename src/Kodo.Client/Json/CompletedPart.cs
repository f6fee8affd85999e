using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>A part named at completion.</summary>
internal sealed class CompletedPart
{
    [JsonPropertyName("etag")]
    public required string Etag { get; init; }

    [JsonPropertyName("partNumber")]
    public required int PartNumber { get; init; }

    /// <summary>The part's length, which the object's hash depends on; not sent.</summary>
    [JsonIgnore]
    public long Size { get; init; }
}

using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>The answer of list v1; items may be absent or null in theory (defect K10), so both are tolerated.</summary>
internal sealed class ListResponse
{
    [JsonPropertyName("marker")]
    public string? Marker { get; set; }

    [JsonPropertyName("items")]
    public List<StatResponse?>? Items { get; set; }

    [JsonPropertyName("commonPrefixes")]
    public List<string?>? CommonPrefixes { get; set; }
}

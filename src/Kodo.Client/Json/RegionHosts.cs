using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>One region of a /v4/query answer.</summary>
internal sealed class RegionHosts
{
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("ttl")]
    public long Ttl { get; set; }

    [JsonPropertyName("up")]
    public ServiceDomains? Up { get; set; }

    [JsonPropertyName("rs")]
    public ServiceDomains? Rs { get; set; }

    [JsonPropertyName("rsf")]
    public ServiceDomains? Rsf { get; set; }
}

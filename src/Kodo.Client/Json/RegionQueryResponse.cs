using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>The answer of uc's /v4/query: per region, each service's domains (host[:port], no scheme) and a ttl.</summary>
internal sealed class RegionQueryResponse
{
    [JsonPropertyName("hosts")]
    public List<RegionHosts>? Hosts { get; set; }
}

using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>A service's domains, best first.</summary>
internal sealed class ServiceDomains
{
    [JsonPropertyName("domains")]
    public List<string>? Domains { get; set; }
}

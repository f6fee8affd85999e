using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>The default answer of a finished upload: {"hash", "key"}.</summary>
internal sealed class PutResponse
{
    [JsonPropertyName("hash")]
    public string? Hash { get; set; }

    [JsonPropertyName("key")]
    public string? Key { get; set; }
}

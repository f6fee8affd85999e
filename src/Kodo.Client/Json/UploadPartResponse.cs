using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>The answer to one uploaded part; the etag is opaque and goes back verbatim at completion.</summary>
internal sealed class UploadPartResponse
{
    [JsonPropertyName("etag")]
    public string? Etag { get; set; }

    [JsonPropertyName("md5")]
    public string? Md5 { get; set; }
}

using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>The answer to initiating a v2 multipart upload.</summary>
internal sealed class InitiateUploadResponse
{
    [JsonPropertyName("uploadId")]
    public string? UploadId { get; set; }

    [JsonPropertyName("expireAt")]
    public long ExpireAt { get; set; }
}

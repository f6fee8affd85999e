using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>An object as stat, list and batch describe it; list items also carry the key.</summary>
internal sealed class StatResponse
{
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    [JsonPropertyName("fsize")]
    public long Size { get; set; }

    [JsonPropertyName("hash")]
    public string? Hash { get; set; }

    [JsonPropertyName("mimeType")]
    public string? MimeType { get; set; }

    [JsonPropertyName("putTime")]
    public long PutTime { get; set; }

    [JsonPropertyName("md5")]
    public string? Md5 { get; set; }

    public KodoObjectInfo ToInfo(string key) => new(
        key, Size, Hash ?? "", MimeType ?? "application/octet-stream", KodoObjectInfo.FromPutTime(PutTime), Md5);
}

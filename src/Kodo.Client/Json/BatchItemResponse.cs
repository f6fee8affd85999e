using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>One op's result in a /batch answer: its status and, on failure, {"error": ...}.</summary>
internal sealed class BatchItemResponse
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("data")]
    public StatResponse? Data { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>One op's result in a /batch answer: its status and, on failure, Kodo's error body as data.</summary>
internal sealed class BatchItemResponse
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("data")]
    public JsonElement? Data { get; set; }

    /// <summary>The "error" text of a failed op, when it has one.</summary>
    public string? ErrorText => Data is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : null;
}

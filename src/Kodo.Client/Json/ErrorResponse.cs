using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>Kodo's error body, {"error": ...}.</summary>
internal sealed class ErrorResponse
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

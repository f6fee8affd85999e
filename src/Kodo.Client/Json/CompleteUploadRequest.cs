using System.Text.Json.Serialization;

namespace Kodo.Client.Json;

/// <summary>The body that completes a v2 multipart upload: its parts in ascending order.</summary>
internal sealed class CompleteUploadRequest
{
    [JsonPropertyName("parts")]
    public required List<CompletedPart> Parts { get; init; }
}

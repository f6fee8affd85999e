using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Kodo.Protocol.Errors;

/// <summary>
/// The JSON body of a Kodo error, {"error":"..."}; the documentation also shows an optional numeric "code"
/// repeating the status, which is written only when set.
/// </summary>
public sealed class KodoError
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    /// <summary>The status code repeated in the body, or null when absent.</summary>
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    /// <summary>Serialises the body to compact JSON.</summary>
    public string ToJson() => KodoJson.Serialize(this, KodoJsonContext.Default.KodoError);

    /// <summary>Reads an error body; false when it is not a JSON object with an "error" string.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out KodoError? error) =>
        KodoJson.TryDeserialize(utf8Json, KodoJsonContext.Default.KodoError, out error);

    public override string ToString() => Error;
}

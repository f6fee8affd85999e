using System.Text.Json;
using Kodo.Protocol;

namespace Kodo.Emulator.Services;

/// <summary>
/// The opaque list marker, in the format real Kodo markers decode to: URL-safe base64 of {"c":0,"k":"last key"}.
/// </summary>
internal static class ListMarker
{
    public static string Encode(string lastKey)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("c", 0);
            writer.WriteString("k", lastKey);
            writer.WriteEndObject();
        }

        return UrlSafeBase64.Encode(buffer.ToArray());
    }

    /// <summary>Reads the last key back; false for anything this emulator did not hand out.</summary>
    public static bool TryDecode(string marker, out string lastKey)
    {
        lastKey = "";
        var text = marker.Replace('+', '-').Replace('/', '_');
        if (!UrlSafeBase64.TryDecode(text, out var bytes) && !UrlSafeBase64.TryDecode(text.TrimEnd('='), out bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("k", out var key)
                && key.ValueKind == JsonValueKind.String)
            {
                lastKey = key.GetString()!;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}

using System.Text.Json;

namespace Kodo.Emulator.Tests;

/// <summary>Checks what every Kodo response must satisfy, then its status and body.</summary>
internal static class KodoAssert
{
    public const string JsonType = "application/json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Non-empty X-Reqid and X-Log, which SDKs need to trust a response and read its error.</summary>
    public static void HasKodoHeaders(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("X-Reqid", out var reqid), "X-Reqid is missing");
        Assert.False(string.IsNullOrEmpty(reqid.Single()));
        Assert.True(response.Headers.TryGetValues("X-Log", out var log), "X-Log is missing");
        Assert.False(string.IsNullOrEmpty(log.Single()));
    }

    /// <summary>Asserts the status, the Kodo headers and a JSON body; returns the body's root.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        HasKodoHeaders(response);
        Assert.Equal(JsonType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a Kodo error: the status and {"error": <paramref name="error"/>} (any non-empty text when null).</summary>
    public static async Task ErrorAsync(HttpResponseMessage response, int status, string? error)
    {
        var body = await JsonAsync(response, status);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        var text = body.GetProperty("error").GetString();
        if (error is null)
        {
            Assert.False(string.IsNullOrEmpty(text));
        }
        else
        {
            Assert.Equal(error, text);
        }
    }

    /// <summary>Asserts the empty 200 that delete, copy, move and abort answer.</summary>
    public static async Task EmptyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == 200, $"expected 200, got {(int)response.StatusCode}: {text}");
        HasKodoHeaders(response);
        Assert.Equal(JsonType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("", text);
    }

    /// <summary>The names of a JSON object's properties, sorted.</summary>
    public static string[] PropertyNames(JsonElement element) =>
        [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}

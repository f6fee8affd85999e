using System.Text.Json;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Http;

/// <summary>Writes responses the way Kodo shapes them: JSON bodies, {"error": ...} on failure, empty 200s.</summary>
internal static class KodoResponse
{
    public const string JsonContentType = "application/json";

    /// <summary>A Kodo error: the status and a JSON body {"code": status, "error": message}.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message) =>
        JsonAsync(context, status, writer =>
        {
            writer.WriteNumber("code", status);
            writer.WriteString("error", message);
        });

    public static Task ErrorAsync(HttpContext context, KodoStatusCode status, string message) =>
        ErrorAsync(context, (int)status, message);

    /// <summary>A JSON object body written by <paramref name="writeProperties"/>.</summary>
    public static Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeProperties) =>
        JsonValueAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        });

    /// <summary>Any JSON body (object or array) written by <paramref name="write"/>.</summary>
    public static async Task JsonValueAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
        }
    }

    /// <summary>Success with no content: 200, JSON type, empty body, as delete, copy and move answer.</summary>
    public static Task EmptyAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Alluxio.Server.Web;

/// <summary>REST answers as Alluxio's Jackson writes them: camelCase fields, nulls kept, indented.</summary>
internal static class WebJson
{
    // Answers are JSON documents, never embedded in a page, so characters such as '"' in metric names need no \u escapes.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok<T>(T model) => Results.Json(model, Options);
}

using System.Text.Json;

namespace Alluxio.Server.Web;

/// <summary>REST answers as Alluxio's Jackson writes them: camelCase fields, nulls kept, indented.</summary>
internal static class WebJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IResult Ok<T>(T model) => Results.Json(model, Options);
}

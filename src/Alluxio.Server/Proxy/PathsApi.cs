using System.Text.Json;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Server.Web;
using Google.Protobuf;

namespace Alluxio.Server.Proxy;

/// <summary>
/// Alluxio's REST API on the proxy: /api/v1/paths/{path}/{verb} (POST, with the options as a JSON body) and
/// /api/v1/streams/{id}/{read|write|close}. Statuses are FileInfo as JSON; failures are Alluxio's error answer,
/// {"statusCode": "NOT_FOUND", "message": "..."}, with the matching HTTP status.
/// </summary>
internal sealed class PathsApi(FileSystem fileSystem, ProxyStreams streams)
{
    public const string PathsRoot = "/api/v1/paths";
    public const string StreamsRoot = "/api/v1/streams";

    private static readonly JsonFormatter s_fileInfoJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public async Task HandlePathAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AnswerAsync(context, async token =>
        {
            var rest = context.Request.Path.Value![PathsRoot.Length..];
            var verbAt = rest.LastIndexOf('/');
            if (verbAt < 0)
            {
                throw new AlluxioException(ErrorType.InvalidArgument, $"{context.Request.Path} names no operation; use /api/v1/paths/<path>/<operation>, e.g. /api/v1/paths/dir/get-status.");
            }

            var path = "/" + rest[..verbAt].TrimStart('/');
            var verb = rest[(verbAt + 1)..];
            using var options = await OptionsAsync(context.Request, token).ConfigureAwait(false);
            var json = options.RootElement;
            return verb switch
            {
                "create-directory" => await EmptyAsync(fileSystem.CreateDirectoryAsync(
                    path, new CreateDirectoryOptions { Recursive = Bool(json, "recursive"), AllowExists = Bool(json, "allowExists"), WriteType = WriteType(json) }, token)).ConfigureAwait(false),
                "create-file" => streams.Add(await fileSystem.CreateFileAsync(
                    path, new CreateFileOptions { Recursive = Bool(json, "recursive"), Overwrite = Bool(json, "overwrite"), WriteType = WriteType(json) }, token).ConfigureAwait(false)),
                "delete" => await EmptyAsync(fileSystem.DeleteAsync(
                    path, new DeleteOptions { Recursive = Bool(json, "recursive"), AlluxioOnly = Bool(json, "alluxioOnly"), Unchecked = Bool(json, "unchecked") }, token)).ConfigureAwait(false),
                "exists" => await fileSystem.ExistsAsync(path, GetStatusOptions.Default, token).ConfigureAwait(false),
                "free" => await EmptyAsync(fileSystem.FreeAsync(path, new FreeOptions { Recursive = Bool(json, "recursive"), Forced = Bool(json, "forced") }, token)).ConfigureAwait(false),
                "get-status" => Status(await fileSystem.GetStatusAsync(path, GetStatusOptions.Default, token).ConfigureAwait(false)),
                "list-status" => await ListAsync(path, token).ConfigureAwait(false),
                "mount" => await EmptyAsync(fileSystem.MountAsync(path, Required(context, "src"), new MountOptions { ReadOnly = Bool(json, "readOnly"), Shared = Bool(json, "shared"), Properties = Properties(json) }, token)).ConfigureAwait(false),
                "unmount" => await EmptyAsync(fileSystem.UnmountAsync(path, token)).ConfigureAwait(false),
                "open-file" => streams.Add(await fileSystem.OpenFileAsync(path, OpenFileOptions.Default, token).ConfigureAwait(false)),
                "rename" => await EmptyAsync(fileSystem.RenameAsync(path, Required(context, "dst"), token)).ConfigureAwait(false),
                "set-attribute" => await EmptyAsync(fileSystem.SetAttributeAsync(path, Attributes(json), token)).ConfigureAwait(false),
                _ => throw new AlluxioException(ErrorType.InvalidArgument, $"Unknown operation '{verb}'; the paths API serves create-directory, create-file, delete, download-file, exists, free, get-status, list-status, mount, open-file, rename, set-attribute and unmount."),
            };
        }).ConfigureAwait(false);
    }

    /// <summary>GET /api/v1/paths/{path}/download-file: the file's bytes.</summary>
    public async Task DownloadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AnswerAsync(context, async token =>
        {
            var rest = context.Request.Path.Value![PathsRoot.Length..];
            if (!rest.EndsWith("/download-file", StringComparison.Ordinal))
            {
                throw new AlluxioException(ErrorType.InvalidArgument, "GET serves /api/v1/paths/<path>/download-file only; the other operations are POST.");
            }

            var path = "/" + rest[..rest.LastIndexOf('/')].TrimStart('/');
            var input = await fileSystem.OpenFileAsync(path, OpenFileOptions.Default, token).ConfigureAwait(false);
            await using (input.ConfigureAwait(false))
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = input.Length;
                await input.CopyToAsync(context.Response.Body, 1 << 20, token).ConfigureAwait(false);
            }

            return null;
        }).ConfigureAwait(false);
    }

    public async Task HandleStreamAsync(HttpContext context, int id, string verb)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AnswerAsync(context, async token =>
        {
            switch (verb)
            {
                case "read":
                    context.Response.ContentType = "application/octet-stream";
                    await streams.Get(id).CopyToAsync(context.Response.Body, 1 << 20, token).ConfigureAwait(false);
                    return null;
                case "write":
                    var output = streams.Get(id);
                    var before = output.Position;
                    await context.Request.Body.CopyToAsync(output, 1 << 20, token).ConfigureAwait(false);
                    return output.Position - before;
                case "close":
                    await streams.Remove(id).DisposeAsync().ConfigureAwait(false);
                    return await EmptyAsync(Task.CompletedTask).ConfigureAwait(false);
                default:
                    throw new AlluxioException(ErrorType.InvalidArgument, $"Unknown stream operation '{verb}'; use read, write or close.");
            }
        }).ConfigureAwait(false);
    }

    private async Task<object> ListAsync(string path, CancellationToken cancellationToken)
    {
        var statuses = new List<JsonElement>();
        await foreach (var status in fileSystem.ListStatusAsync(path, ListStatusOptions.Default, cancellationToken).ConfigureAwait(false))
        {
            statuses.Add(Status(status));
        }

        return statuses;
    }

    private static JsonElement Status(UriStatus status) => JsonDocument.Parse(s_fileInfoJson.Format(status.Info)).RootElement.Clone();

    /// <summary>Runs the call and answers with its result as JSON (null: the call wrote the body), or with Alluxio's error.</summary>
    private static async Task AnswerAsync(HttpContext context, Func<CancellationToken, Task<object?>> call)
    {
        try
        {
            var result = await call(context.RequestAborted).ConfigureAwait(false);
            if (result is not null && !context.Response.HasStarted)
            {
                await WebJson.Ok(result).ExecuteAsync(context).ConfigureAwait(false);
            }
        }
        catch (AlluxioException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = RestErrors.HttpStatusOf(e.ErrorType);
            await Results.Json(new { statusCode = RestErrors.NameOf(e.ErrorType), message = e.Message }, WebJson.Options).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (JsonException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Results.Json(new { statusCode = "INVALID_ARGUMENT", message = $"The options are not valid JSON: {e.Message}" }, WebJson.Options).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    private static async Task<object?> EmptyAsync(Task call)
    {
        await call.ConfigureAwait(false);
        return "";
    }

    private static async Task<JsonDocument> OptionsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0
            ? JsonDocument.Parse("{}")
            : await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);

    private static bool Bool(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static WritePType? WriteType(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("writeType", out var value) && value.ValueKind == JsonValueKind.String
            ? Enum.Parse<WritePType>(value.GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true)
            : null;

    private static Dictionary<string, string> Properties(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("properties", out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : [];

    private static SetAttributeOptions Attributes(JsonElement json)
    {
        bool? Flag(string name) => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
        string? Text(string name) => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new SetAttributeOptions
        {
            Pinned = Flag("pinned"),
            Persisted = Flag("persisted"),
            Owner = Text("owner"),
            Group = Text("group"),
            Recursive = Bool(json, "recursive"),
            Ttl = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("ttl", out var ttl) && ttl.TryGetInt64(out var ms) ? TimeSpan.FromMilliseconds(ms) : null,
        };
    }

    private static string Required(HttpContext context, string parameter) =>
        context.Request.Query[parameter].ToString() is { Length: > 0 } value
            ? value
            : throw new AlluxioException(ErrorType.InvalidArgument, $"The query parameter '{parameter}' is missing, e.g. ?{parameter}=/some/path.");
}

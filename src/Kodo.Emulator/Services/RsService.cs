using System.Text;
using System.Text.Json;
using Kodo.Emulator.Http;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Services;

/// <summary>The rs host: single object operations and /batch, signed with QBox or Qiniu credentials.</summary>
internal sealed class RsService(EmulatorState state)
{
    /// <summary>Kodo accepts at most this many ops in one batch.</summary>
    public const int MaxBatchOps = 1000;

    private readonly RsOperations _operations = new(state);

    public async Task HandleOperationAsync(HttpContext context)
    {
        if (await ManagementAuth.AuthorizeAsync(context, state) is null)
        {
            return;
        }

        var result = _operations.Execute(RequestTarget.Of(context).RawPath);
        if (!result.IsOk)
        {
            await KodoResponse.ErrorAsync(context, result.Status, result.Error!);
        }
        else if (result.Stat is { } info)
        {
            await KodoResponse.JsonAsync(context, 200, writer => ObjectJson.WriteStatProperties(writer, info));
        }
        else
        {
            await KodoResponse.EmptyAsync(context);
        }
    }

    public async Task HandleBatchAsync(HttpContext context)
    {
        if (await ManagementAuth.AuthorizeAsync(context, state) is not { } body)
        {
            return;
        }

        var ops = ParseOps(Encoding.UTF8.GetString(body));
        if (ops.Count == 0 || ops.Count > MaxBatchOps)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        var results = ops.Select(_operations.Execute).ToList();
        var status = results.All(r => r.IsOk) ? 200 : (int)KodoStatusCode.BatchPartialSuccess;
        await KodoResponse.JsonValueAsync(context, status, writer =>
        {
            writer.WriteStartArray();
            foreach (var result in results)
            {
                WriteResult(writer, result);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>The op values of a form body "op=...&amp;op=...", encoded (Node, Go) or raw (Java) alike.</summary>
    internal static List<string> ParseOps(string form)
    {
        var ops = new List<string>();
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual("op"))
            {
                ops.Add(Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')));
            }
        }

        return ops;
    }

    private static void WriteResult(Utf8JsonWriter writer, RsResult result)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", result.Status);
        if (!result.IsOk)
        {
            writer.WriteStartObject("data");
            writer.WriteString("error", result.Error);
            writer.WriteEndObject();
        }
        else if (result.Stat is { } info)
        {
            writer.WriteStartObject("data");
            ObjectJson.WriteStatProperties(writer, info);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

using System.Globalization;
using Kodo.Emulator.Http;
using Kodo.Protocol.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Kodo.Emulator.Services;

/// <summary>
/// The rsf host: list v1. Parameters are query parameters for GET and POST alike; empty values mean unset. The
/// limit counts scanned keys, folded ones included, so clients must page until the marker is empty.
/// </summary>
internal sealed class RsfService(EmulatorState state)
{
    public const int MaxLimit = 1000;

    public async Task HandleListAsync(HttpContext context)
    {
        if (await ManagementAuth.AuthorizeAsync(context, state) is null)
        {
            return;
        }

        var query = QueryHelpers.ParseQuery(RequestTarget.Of(context).RawQuery);
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        var bucketName = Get("bucket");
        if (bucketName is null)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        if (state.Store.FindBucket(bucketName) is not { } bucket)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
            return;
        }

        var limit = MaxLimit;
        if (Get("limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        string? afterKey = null;
        if (Get("marker") is { } marker && !ListMarker.TryDecode(marker, out afterKey))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.InvalidMarker, "invalid marker");
            return;
        }

        var delimiter = Get("delimiter");
        var page = bucket.List(Get("prefix") ?? "", delimiter, afterKey, Math.Min(limit, MaxLimit));
        await KodoResponse.JsonAsync(context, 200, writer =>
        {
            writer.WriteString("marker", page.LastScannedKey is null ? "" : ListMarker.Encode(page.LastScannedKey));
            writer.WriteStartArray("items");
            foreach (var item in page.Items)
            {
                ObjectJson.WriteListItem(writer, item);
            }

            writer.WriteEndArray();
            if (delimiter is not null)
            {
                writer.WriteStartArray("commonPrefixes");
                foreach (var prefix in page.CommonPrefixes)
                {
                    writer.WriteStringValue(prefix);
                }

                writer.WriteEndArray();
            }
        });
    }
}

using System.Globalization;
using System.Text.Json;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;
using Microsoft.AspNetCore.WebUtilities;

namespace Kodo.Emulator.Uploads;

/// <summary>
/// Resumable upload v2 under /buckets/&lt;bucket&gt;/objects/&lt;b64 key or ~&gt;/uploads: initiate, upload
/// part (with an optional hex Content-MD5), complete (the object's hash is EtagV2 of the parts), abort and list
/// parts. A finished or aborted uploadId answers 612 "no such uploadId".
/// </summary>
internal sealed class MultipartV2Service(EmulatorState state, UploadFinisher finisher)
{
    public const int MaxPartNumber = 10_000;
    public const long MinPartBytes = 1L << 20;
    public const long MaxPartBytes = 1L << 30;

    private static readonly TimeSpan s_lifetime = TimeSpan.FromDays(7);

    /// <summary>Dispatches a request whose path starts with /buckets/&lt;bucket&gt;/objects/.</summary>
    public async Task HandleAsync(HttpContext context, FaultDecision fault)
    {
        var segments = RequestTarget.Of(context).Segments;
        var grant = await UploadAuth.AuthorizeAsync(context, state, UploadAuth.FromHeader(context));
        if (grant is null)
        {
            return;
        }

        // buckets / <bucket> / objects / <key> / uploads [/ <uploadId> [/ <partNumber>]]
        if (segments.Length < 5 || segments[2] != "objects" || segments[4] != "uploads" || !TryDecodeKey(segments[3], out var key))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        if (key is not null && ObjectKeys.IsTooLong(key))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, ObjectKeys.TooLongMessage);
            return;
        }

        var bucket = Uri.UnescapeDataString(segments[1]);
        var method = context.Request.Method;
        if (segments.Length == 5 && HttpMethods.IsPost(method))
        {
            await InitiateAsync(context, grant, bucket, key);
            return;
        }

        if (segments.Length is not (6 or 7))
        {
            await KodoResponse.ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed");
            return;
        }

        if (!state.Uploads.Multiparts.TryGetValue(segments[5], out var upload) || upload.Bucket != bucket || upload.Key != key)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchEntry, KodoErrorMessages.NoSuchUploadId);
            return;
        }

        var action = (segments.Length, method.ToUpperInvariant()) switch
        {
            (7, "PUT") => UploadPartAsync(context, upload, segments[6], fault),
            (6, "POST") => CompleteAsync(context, grant, upload),
            (6, "DELETE") => AbortAsync(context, upload),
            (6, "GET") => ListPartsAsync(context, upload),
            _ => KodoResponse.ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed"),
        };
        await action;
    }

    private Task AbortAsync(HttpContext context, MultipartUpload upload)
    {
        Remove(upload.Id);
        return KodoResponse.EmptyAsync(context);
    }

    private async Task InitiateAsync(HttpContext context, UploadGrant grant, string bucket, string? key)
    {
        if (bucket != grant.Bucket || (key is not null && !grant.Allows(key)))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Forbidden, KodoErrorMessages.KeyDoesNotMatchScope);
            return;
        }

        var upload = new MultipartUpload(UploadSessions.NewId(), bucket, key, state.Time.GetUtcNow() + s_lifetime);
        state.Uploads.Multiparts[upload.Id] = upload;
        await KodoResponse.JsonAsync(context, 200, writer =>
        {
            writer.WriteString("uploadId", upload.Id);
            writer.WriteNumber("expireAt", upload.ExpiresAt.ToUnixTimeSeconds());
        });
    }

    private async Task UploadPartAsync(HttpContext context, MultipartUpload upload, string numberText, FaultDecision fault)
    {
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > MaxPartNumber)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, "invalid partNumber");
            return;
        }

        var blob = state.Store.Stage();
        if (!await blob.AppendAsync(context.Request.Body, MaxPartBytes, fault.Throttle, context.RequestAborted))
        {
            blob.Dispose();
            await KodoResponse.ErrorAsync(context, KodoStatusCode.EntityTooLarge, "part too large");
            return;
        }

        var md5 = blob.Digests.Md5Hex()!;
        var expected = context.Request.Headers["Content-MD5"].ToString();
        if (expected.Length > 0 && !string.Equals(expected, md5, StringComparison.OrdinalIgnoreCase))
        {
            blob.Dispose();
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, "content md5 not match");
            return;
        }

        await blob.SealAsync(durable: false);
        var part = new UploadedPart(number, blob.Digests.Length, blob.Digests.Qetag(), md5, blob, PutTime.Now(state.Time));
        if (!state.Uploads.Multiparts.ContainsKey(upload.Id))
        {
            blob.Dispose();
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchEntry, KodoErrorMessages.NoSuchUploadId);
            return;
        }

        upload.Parts.AddOrUpdate(number, part, (_, old) =>
        {
            old.Blob.Dispose();
            return part;
        });
        await KodoResponse.JsonAsync(context, 200, writer =>
        {
            writer.WriteString("etag", part.Etag);
            writer.WriteString("md5", part.Md5);
        });
    }

    private async Task CompleteAsync(HttpContext context, UploadGrant grant, MultipartUpload upload)
    {
        if (await ReadCompletionAsync(context) is not { } completion)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        var parts = new List<UploadedPart>();
        foreach (var (number, etag) in completion.Parts)
        {
            if (parts.Count > 0 && number <= parts[^1].Number)
            {
                await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, "parts must be in ascending order");
                return;
            }

            if (!upload.Parts.TryGetValue(number, out var part) || part.Etag != etag)
            {
                await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, $"part {number} not found or its etag does not match");
                return;
            }

            parts.Add(part);
        }

        if (parts.Count == 0 || parts.Take(parts.Count - 1).Any(p => p.Size < MinPartBytes))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, "every part but the last must be at least 1 MiB");
            return;
        }

        var hash = EtagV2.Compute([.. parts.Select(p => new PartEtag(p.Size, p.Etag))]);
        var request = completion.Request with { Key = upload.Key };
        // The parts become the object's segments as they are: completing costs no copy.
        await finisher.FinishAsync(context, grant, request, [.. parts.Select(p => p.Blob)], hash, md5: null);
        if (context.Response.StatusCode == 200)
        {
            Remove(upload.Id);
        }
    }

    private static async Task ListPartsAsync(HttpContext context, MultipartUpload upload)
    {
        // Both parameters are optional, and the parsed query's indexer throws for a missing one.
        var query = QueryHelpers.ParseQuery(RequestTarget.Of(context).RawQuery);
        var maxParts = int.TryParse(query.GetValueOrDefault("max-parts").ToString(), CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 1000 ? m : 1000;
        var markerText = query.TryGetValue("part-number-marker", out var a) ? a.ToString() : query.GetValueOrDefault("part-number_marker").ToString();
        var marker = int.TryParse(markerText, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var parts = upload.Parts.Values.Where(p => p.Number > marker).OrderBy(p => p.Number).Take(maxParts + 1).ToList();
        var next = parts.Count > maxParts ? parts[maxParts - 1].Number : 0;
        await KodoResponse.JsonAsync(context, 200, writer =>
        {
            writer.WriteString("uploadId", upload.Id);
            writer.WriteNumber("expireAt", upload.ExpiresAt.ToUnixTimeSeconds());
            writer.WriteNumber("partNumberMarker", next);
            writer.WriteStartArray("parts");
            foreach (var part in parts.Take(maxParts))
            {
                writer.WriteStartObject();
                writer.WriteNumber("partNumber", part.Number);
                writer.WriteString("etag", part.Etag);
                writer.WriteNumber("size", part.Size);
                writer.WriteNumber("putTime", part.PutTime);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private void Remove(string id)
    {
        if (state.Uploads.Multiparts.TryRemove(id, out var upload))
        {
            upload.Dispose();
        }
    }

    /// <summary>"~" means no key; an empty segment the empty key; anything else URL-safe base64 of the key.</summary>
    private static bool TryDecodeKey(string segment, out string? key)
    {
        key = null;
        if (segment == "~")
        {
            return true;
        }

        if (segment.Length == 0)
        {
            key = "";
            return true;
        }

        return UrlSafeBase64.TryDecodeString(Uri.UnescapeDataString(segment), out key);
    }

    private static async Task<Completion?> ReadCompletionAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("parts", out var partsElement) || partsElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var parts = new List<(int, string)>();
            foreach (var part in partsElement.EnumerateArray())
            {
                if (part.ValueKind != JsonValueKind.Object
                    || !part.TryGetProperty("partNumber", out var number) || !number.TryGetInt32(out var partNumber)
                    || !part.TryGetProperty("etag", out var etag) || etag.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                parts.Add((partNumber, etag.GetString()!));
            }

            var meta = StringMap(root, "metadata") ?? StringMap(root, "metaData") ?? new Dictionary<string, string>();
            var request = new UploadRequest(
                null,
                StringProperty(root, "fname"),
                StringProperty(root, "mimeType"),
                meta.Where(m => m.Key.StartsWith("x-qn-meta-", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(m => m.Key["x-qn-meta-".Length..], m => m.Value, StringComparer.Ordinal),
                StringMap(root, "customVars") ?? new Dictionary<string, string>());
            return new Completion(parts, request);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string>? StringMap(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return value.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private sealed record Completion(List<(int Number, string Etag)> Parts, UploadRequest Request);
}

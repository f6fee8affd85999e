using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol.Errors;
using Microsoft.AspNetCore.StaticFiles;

namespace Kodo.Emulator.Uploads;

/// <summary>
/// The last step every upload shares (form, mkfile, multipart complete): pick the key, check it against the
/// token's scope and limits, commit the object and answer with returnBody or {"hash","key"}.
/// </summary>
internal sealed partial class UploadFinisher(EmulatorState state)
{
    private const string OctetStream = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider s_mimeTypes = new();

    /// <summary>Commits one fully written blob as the uploaded object and answers the request.</summary>
    public Task FinishAsync(HttpContext context, UploadGrant grant, UploadRequest request, StagedBlob blob, string hash, string? md5) =>
        FinishAsync(context, grant, request, [blob], hash, md5);

    /// <summary>Commits fully written blobs, in order, as the uploaded object and answers the request.</summary>
    public async Task FinishAsync(HttpContext context, UploadGrant grant, UploadRequest request, IReadOnlyList<StagedBlob> blobs, string hash, string? md5)
    {
        ArgumentOutOfRangeException.ThrowIfZero(blobs.Count);
        var size = blobs.Sum(b => b.Size);
        var key = request.Key ?? (grant.IsPrefixScope ? null : grant.ScopeKey) ?? hash;
        if (ObjectKeys.IsTooLong(key))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, ObjectKeys.TooLongMessage);
            return;
        }

        if (!grant.Allows(key))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Forbidden, KodoErrorMessages.KeyDoesNotMatchScope);
            return;
        }

        if (grant.Policy.FsizeLimit is { } maxSize && size > maxSize)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.EntityTooLarge, "file too large");
            return;
        }

        if (grant.Policy.FsizeMin is { } minSize && size < minSize)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Forbidden, "file too small");
            return;
        }

        foreach (var blob in blobs)
        {
            await blob.SealAsync();
        }

        var segments = blobs.Count == 1 ? null : blobs.Select(b => new BlobSegment(b.BlobId, b.Size)).ToList();
        var info = new ObjectInfo(
            grant.Bucket, key, size, hash, ResolveMimeType(request.MimeType, request.FileName ?? key),
            PutTime.Now(state.Time), md5, request.Meta, blobs[0].BlobId,
            EndUser: grant.Policy.EndUser, Segments: segments);
        switch (state.Store.Commit(blobs, info, grant.MayOverwrite))
        {
            case PutOutcome.Stored:
                break;
            case PutOutcome.Exists when state.Store.Stat(grant.Bucket, key) is { } existing && existing.Hash == hash:
                // Inserting the same content again succeeds and only refreshes putTime, as in Kodo.
                info = existing with { PutTime = info.PutTime };
                state.Store.UpdateMetadata(info);
                break;
            case PutOutcome.Exists:
                await KodoResponse.ErrorAsync(context, KodoStatusCode.EntryExists, KodoErrorMessages.FileExists);
                return;
            default:
                await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
                return;
        }

        if (grant.Policy.ReturnBody is { Length: > 0 } template)
        {
            var body = Encoding.UTF8.GetBytes(Render(template, info, request));
            context.Response.StatusCode = 200;
            context.Response.ContentType = KodoResponse.JsonContentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        await KodoResponse.JsonAsync(context, 200, writer =>
        {
            writer.WriteString("hash", info.Hash);
            writer.WriteString("key", info.Key);
        });
    }

    /// <summary>The client's type unless it is missing or the generic octet-stream; then a guess from the name.</summary>
    internal static string ResolveMimeType(string? requested, string name)
    {
        if (!string.IsNullOrWhiteSpace(requested) && !string.Equals(requested, OctetStream, StringComparison.OrdinalIgnoreCase))
        {
            return requested;
        }

        return s_mimeTypes.TryGetContentType(name, out var guessed) ? guessed : OctetStream;
    }

    /// <summary>Replaces $(name) and ${name} magic variables; string values are JSON-escaped without quotes.</summary>
    internal static string Render(string template, ObjectInfo info, UploadRequest request) =>
        MagicVariable().Replace(template, match =>
        {
            var name = match.Groups["paren"].Success ? match.Groups["paren"].Value : match.Groups["brace"].Value;
            var value = name switch
            {
                "bucket" => info.Bucket,
                "key" => info.Key,
                "etag" => info.Hash,
                "fname" => request.FileName ?? "",
                "fsize" => info.Size.ToString(CultureInfo.InvariantCulture),
                "mimeType" => info.MimeType,
                "endUser" => info.EndUser ?? "",
                _ when name.StartsWith("x:", StringComparison.Ordinal) => request.CustomVars.GetValueOrDefault(name, ""),
                _ => "",
            };
            return JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value);
        });

    [GeneratedRegex(@"\$\((?<paren>[^)]+)\)|\$\{(?<brace>[^}]+)\}")]
    private static partial Regex MagicVariable();
}

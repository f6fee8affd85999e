using System.Globalization;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Services;

/// <summary>
/// The io host: GET and HEAD of /&lt;key&gt; on a bucket's download domain, with the private-URL token check,
/// single byte ranges (206, Content-Range, 416), ETag and Last-Modified.
/// </summary>
internal sealed class IoService(EmulatorState state)
{
    /// <summary>The answer for a Host that is no bucket's domain; Kodo's own text for it is not documented.</summary>
    public const string NoSuchDomain = "no such domain";

    public async Task HandleAsync(HttpContext context, FaultDecision fault)
    {
        var target = RequestTarget.Of(context);
        var host = context.Request.Headers.Host.ToString();
        if (state.BucketForHost(host) is not { } bucketName || state.Store.FindBucket(bucketName) is not { } bucket)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NotFound, NoSuchDomain);
            return;
        }

        if (bucket.IsPrivate && await RejectTokenAsync(context, host, target) is true)
        {
            return;
        }

        var key = Uri.UnescapeDataString(target.RawPath.Length > 0 ? target.RawPath[1..] : "");
        if (bucket.Find(key) is not { } info)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NotFound, KodoErrorMessages.DocumentNotFound);
            return;
        }

        var response = context.Response;
        response.Headers.ETag = $"\"{info.Hash}\"";
        response.Headers.LastModified = PutTime.ToDateTime(info.PutTime).ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        foreach (var (name, value) in info.Meta)
        {
            response.Headers["X-Qn-Meta-" + name] = value;
        }

        var range = ByteRange.Parse(context.Request.Headers.Range.ToString(), info.Size, out var unsatisfiable);
        if (unsatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{info.Size}";
            await KodoResponse.ErrorAsync(context, StatusCodes.Status416RangeNotSatisfiable, "requested range not satisfiable");
            return;
        }

        var (offset, length) = range is { } r ? (r.Offset, r.Length) : (0L, info.Size);
        response.StatusCode = range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        if (range is not null)
        {
            response.Headers.ContentRange = $"bytes {offset}-{offset + length - 1}/{info.Size}";
        }

        response.ContentType = info.MimeType;
        response.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method) || length == 0)
        {
            return;
        }

        await SendAsync(context, info, offset, length, fault);
    }

    /// <summary>Answers 401 when a private bucket's download lacks a valid token; returns true when it did.</summary>
    private async Task<bool> RejectTokenAsync(HttpContext context, string host, RequestTarget target)
    {
        string? failure;
        if (!DownloadToken.IsPresent(target.RawQuery))
        {
            failure = KodoErrorMessages.DownloadTokenNotSpecified;
        }
        else if (!DownloadToken.TryParse(target.RawQuery, out var token))
        {
            failure = KodoErrorMessages.DownloadTokenAuthFailed;
        }
        else
        {
            failure = token.Validate(state.Credentials, host, target.RawPath, state.Time.GetUtcNow()) switch
            {
                TokenValidationResult.Valid => null,
                TokenValidationResult.Expired => KodoErrorMessages.TokenOutOfDate,
                _ => KodoErrorMessages.DownloadTokenAuthFailed,
            };
        }

        if (failure is null)
        {
            return false;
        }

        await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, failure);
        return true;
    }

    private async Task SendAsync(HttpContext context, ObjectInfo info, long offset, long length, FaultDecision fault)
    {
        var stopAt = fault.Resets ? length / 2 : length;
        await ObjectBody.SendAsync(context.Response, state.Store.Blobs, info, offset, length, fault.Throttle, stopAt, context.RequestAborted);
        if (fault.Resets)
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        }
    }
}

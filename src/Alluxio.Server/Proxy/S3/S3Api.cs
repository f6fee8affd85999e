using System.Security.Cryptography;
using Alluxio.Errors;
using Microsoft.AspNetCore.Http.Features;
using S3.Protocol.Auth;
using S3.Protocol.Errors;

namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// The S3 API under /api/v1/s3/, path-style, as Alluxio's proxy serves it: every request is authenticated (or, as in
/// Alluxio, its access key is only read), classified, and answered as the user its access key names; every failure
/// is S3's error document.
/// </summary>
internal sealed partial class S3Api(S3Sessions sessions, SigV4Verifier verifier, bool requireSignature, ILogger<S3Api> logger)
{
    public const string Root = "/api/v1/s3";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        context.Response.Headers[S3ErrorResponse.RequestIdHeader] = requestId;
        var cancellationToken = context.RequestAborted;
        try
        {
            var principal = verifier.Verify(context.Request);
            if (requireSignature && principal.IsAnonymous)
            {
                throw new S3Exception(S3ErrorCode.AccessDenied, "This proxy takes signed requests only; sign with alluxio.proxy.s3.access.key.");
            }

            var request = S3Request.Parse(RawPathUnderRoot(context));
            var operation = S3OperationClassifier.Classify(context.Request.Method, request.HasBucket, request.HasKey, context.Request.Query, context.Request.Headers);
            await sessions.For(principal).DispatchAsync(operation, request, principal, context, cancellationToken).ConfigureAwait(false);
        }
        catch (S3Exception e)
        {
            LogRefused(logger, context.Request.Method, context.Request.Path, e.Error.Code, e.Message);

            await WriteErrorAsync(context, e, requestId).ConfigureAwait(false);
        }
        catch (AlluxioException e)
        {
            var error = S3ErrorMapping.From(e, S3ErrorCode.NoSuchKey, context.Request.Path);
            LogRefused(logger, context.Request.Method, context.Request.Path, error.Error.Code, e.Message);

            await WriteErrorAsync(context, error, requestId).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or BadHttpRequestException)
        {
            LogFailed(logger, context.Request.Method, context.Request.Path, e);
            await WriteErrorAsync(context, new S3Exception(S3ErrorCode.InternalError, "The proxy failed to serve the request; its log says why.", context.Request.Path, e), requestId)
                .ConfigureAwait(false);
        }
    }

    private static string RawPathUnderRoot(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var path = raw.Split('?')[0];
        return path.StartsWith(Root, StringComparison.Ordinal) ? path[Root.Length..] : path;
    }

    private static async Task WriteErrorAsync(HttpContext context, S3Exception error, string requestId)
    {
        if (context.Response.HasStarted)
        {
            // Part of a body went out: the only honest signal left is to cut the connection.
            context.Abort();
            return;
        }

        // Headers set for the object (ETag, metadata) do not belong on its error; a 416 keeps its Content-Range.
        var contentRange = error.Error == S3ErrorCode.InvalidRange ? context.Response.Headers.ContentRange.ToString() : "";
        context.Response.Clear();
        context.Response.Headers[S3ErrorResponse.RequestIdHeader] = requestId;
        if (contentRange.Length > 0)
        {
            context.Response.Headers.ContentRange = contentRange;
        }

        await S3ErrorResponse.WriteAsync(context, error, requestId, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "S3 {Method} {Path} refused: {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, PathString path, Exception exception);
}

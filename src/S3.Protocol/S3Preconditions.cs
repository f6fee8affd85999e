using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using S3.Protocol.Errors;

namespace S3.Protocol;

/// <summary>
/// A GET or HEAD's conditions on the object (If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since), judged
/// as S3 judges them: a true If-Match overrides a false If-Unmodified-Since, and a false If-None-Match overrides a
/// true If-Modified-Since. Times compare to the second, as HTTP dates carry them.
/// </summary>
public static class S3Preconditions
{
    /// <summary>
    /// True when the object is to be sent; false when it is not modified (the caller answers 304 with the object's
    /// ETag and Last-Modified and no body).
    /// </summary>
    /// <exception cref="S3Exception">PreconditionFailed (412), when If-Match or If-Unmodified-Since does not hold.</exception>
    public static bool ShouldSend(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.GetTypedHeaders();
        var modified = DateTimeOffset.FromUnixTimeSeconds(lastModified.ToUnixTimeSeconds());
        if (headers.IfMatch.Count > 0)
        {
            if (!Matches(headers.IfMatch, etag))
            {
                throw new S3Exception(S3ErrorCode.PreconditionFailed) { Details = [new("Condition", "If-Match")] };
            }
        }
        else if (headers.IfUnmodifiedSince is { } unmodifiedSince && modified > unmodifiedSince)
        {
            throw new S3Exception(S3ErrorCode.PreconditionFailed) { Details = [new("Condition", "If-Unmodified-Since")] };
        }

        if (headers.IfNoneMatch.Count > 0)
        {
            return !Matches(headers.IfNoneMatch, etag);
        }

        return headers.IfModifiedSince is not { } modifiedSince || modified > modifiedSince;
    }

    private static bool Matches(IList<EntityTagHeaderValue> tags, string etag)
    {
        var bare = S3ETag.Unquote(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || S3ETag.Unquote(t.Tag.ToString()) == bare);
    }
}

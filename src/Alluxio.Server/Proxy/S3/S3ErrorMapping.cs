using Alluxio.Errors;
using S3.Protocol.Errors;

namespace Alluxio.Server.Proxy.S3;

/// <summary>The S3 API's one error boundary: what an Alluxio error type is as an S3 error.</summary>
internal static class S3ErrorMapping
{
    /// <param name="error">The cluster's error.</param>
    /// <param name="notFound">What a missing path is here: NoSuchKey for an object, NoSuchBucket for a bucket.</param>
    /// <param name="resource">The bucket or object the request named.</param>
    public static S3Exception From(AlluxioException error, S3ErrorCode notFound, string resource)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.ErrorType switch
        {
            ErrorType.FileDoesNotExist => notFound,
            ErrorType.AccessControl or ErrorType.Unauthenticated => S3ErrorCode.AccessDenied,
            ErrorType.Unavailable or ErrorType.DeadlineExceeded => S3ErrorCode.ServiceUnavailable,
            ErrorType.InvalidArgument or ErrorType.InvalidPath => S3ErrorCode.InvalidArgument,
            ErrorType.ResourceExhausted => S3ErrorCode.SlowDown,
            ErrorType.Unimplemented => S3ErrorCode.NotImplemented,
            _ => S3ErrorCode.InternalError,
        };
        return new S3Exception(code, code == notFound ? null : error.Message, resource, error);
    }
}

using System.Text;
using Alluxio.Errors;
using Alluxio.Grpc.Errors;
using Grpc.Core;

namespace Alluxio.Server.Proxy;

/// <summary>How the REST API reports an Alluxio error: Alluxio's status name (NOT_FOUND) and the HTTP status that means the same.</summary>
internal static class RestErrors
{
    public static int HttpStatusOf(ErrorType type) => AlluxioStatus.ToStatusCode(type) switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Alluxio's name of the status: NotFound as NOT_FOUND.</summary>
    public static string NameOf(ErrorType type)
    {
        var name = AlluxioStatus.ToStatusCode(type).ToString();
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }
}

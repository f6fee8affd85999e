using System.Net.Sockets;
using Alluxio.Errors;
using Grpc.Core;

namespace Alluxio.Grpc.Errors;

/// <summary>
/// The one mapping between Alluxio's error types and gRPC statuses, both ways. A server turns an
/// <see cref="AlluxioException"/> into an <see cref="RpcException"/> whose status code fits the error type, whose
/// detail is the exception's message and whose trailers name the exact type under <see cref="ErrorTypeTrailer"/>; a
/// client turns such an <see cref="RpcException"/> back into an <see cref="AlluxioException"/> of the same type and
/// message. A failure with no such trailer (a transport failure, a proxy, another server) is mapped from its status
/// code alone.
/// </summary>
public static class AlluxioStatus
{
    /// <summary>The trailer that carries the name of the <see cref="ErrorType"/>, e.g. FileDoesNotExist.</summary>
    public const string ErrorTypeTrailer = "alluxio-error-type";

    /// <summary>
    /// The trailer that marks a failure of the server's under storage (value <see cref="UnderStorageSource"/>), which
    /// is not an outage of the server itself.
    /// </summary>
    public const string ErrorSourceTrailer = "alluxio-error-source";

    /// <summary>The value of <see cref="ErrorSourceTrailer"/> for an <see cref="UnderStorageException"/>.</summary>
    public const string UnderStorageSource = "under-storage";

    /// <summary>The gRPC status code an error type travels as.</summary>
    public static StatusCode ToStatusCode(ErrorType errorType) =>
        errorType switch
        {
            ErrorType.InvalidArgument or ErrorType.InvalidPath => StatusCode.InvalidArgument,
            ErrorType.FileDoesNotExist => StatusCode.NotFound,
            ErrorType.FileAlreadyExists => StatusCode.AlreadyExists,
            ErrorType.DirectoryNotEmpty or ErrorType.FailedPrecondition => StatusCode.FailedPrecondition,
            ErrorType.AccessControl => StatusCode.PermissionDenied,
            ErrorType.Unauthenticated => StatusCode.Unauthenticated,
            ErrorType.Unavailable => StatusCode.Unavailable,
            ErrorType.DeadlineExceeded => StatusCode.DeadlineExceeded,
            ErrorType.Canceled => StatusCode.Cancelled,
            ErrorType.ResourceExhausted => StatusCode.ResourceExhausted,
            ErrorType.Unimplemented => StatusCode.Unimplemented,
            _ => StatusCode.Internal,
        };

    /// <summary>The error type a status code means when the answer does not name one.</summary>
    public static ErrorType ToErrorType(StatusCode statusCode) =>
        statusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.OutOfRange => ErrorType.InvalidArgument,
            StatusCode.NotFound => ErrorType.FileDoesNotExist,
            StatusCode.AlreadyExists => ErrorType.FileAlreadyExists,
            StatusCode.FailedPrecondition => ErrorType.FailedPrecondition,
            StatusCode.PermissionDenied => ErrorType.AccessControl,
            StatusCode.Unauthenticated => ErrorType.Unauthenticated,
            StatusCode.Unavailable => ErrorType.Unavailable,
            StatusCode.DeadlineExceeded => ErrorType.DeadlineExceeded,
            StatusCode.Cancelled => ErrorType.Canceled,
            StatusCode.ResourceExhausted => ErrorType.ResourceExhausted,
            StatusCode.Unimplemented => ErrorType.Unimplemented,
            _ => ErrorType.Internal,
        };

    /// <summary>The failure a server answers with for <paramref name="exception"/>: its type, code and message.</summary>
    public static RpcException ToRpcException(AlluxioException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var trailers = new Metadata { { ErrorTypeTrailer, exception.ErrorType.ToString() } };
        if (exception is UnderStorageException)
        {
            trailers.Add(ErrorSourceTrailer, UnderStorageSource);
        }

        return new RpcException(new Status(ToStatusCode(exception.ErrorType), exception.Message), trailers, exception.Message);
    }

    /// <summary>
    /// The failure a server answers with for any exception: an <see cref="AlluxioException"/> keeps its type, a
    /// cancellation is Canceled, and anything else is Internal with the exception's message.
    /// </summary>
    public static RpcException ToRpcException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            AlluxioException alluxio => ToRpcException(alluxio),
            RpcException rpc => rpc,
            OperationCanceledException => ToRpcException(new AlluxioException(ErrorType.Canceled, "The operation was canceled.")),
            _ => ToRpcException(new AlluxioException(ErrorType.Internal, exception.Message)),
        };
    }

    /// <summary>
    /// The error a client raises for a failed call to <paramref name="target"/> (host:port): the server's error type
    /// and message when the answer names them, else a sentence built from the status code. A master that cannot be
    /// reached is Unavailable with a sentence that names its address.
    /// </summary>
    public static AlluxioException ToAlluxioException(RpcException exception, string target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        if (FindErrorType(exception.Trailers) is { } errorType)
        {
            var message = exception.Status.Detail is { Length: > 0 } detail ? detail : DefaultMessage(errorType, target);
            return IsFromUnderStorage(exception)
                ? new UnderStorageException(errorType, message, exception)
                : Create(errorType, message, exception);
        }

        var fallback = ToErrorType(exception.StatusCode);
        return Create(fallback, DescribeUnnamed(exception, fallback, target), exception);
    }

    /// <summary>
    /// True when the server that answered <paramref name="exception"/> could not serve the call, so that another
    /// attempt, later or at another server, may succeed: Unavailable, but not a failure of the server's under storage.
    /// </summary>
    public static bool IsServerUnavailable(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode == StatusCode.Unavailable && !IsFromUnderStorage(exception);
    }

    private static bool IsFromUnderStorage(RpcException exception) =>
        string.Equals(exception.Trailers.GetValue(ErrorSourceTrailer), UnderStorageSource, StringComparison.Ordinal);

    /// <summary>The error type named by the trailers of a failed call, or null when they name none.</summary>
    public static ErrorType? FindErrorType(Metadata? trailers)
    {
        var value = trailers?.GetValue(ErrorTypeTrailer);
        return value is not null && Enum.TryParse<ErrorType>(value, ignoreCase: false, out var type) && Enum.IsDefined(type)
            ? type
            : null;
    }

    private static AlluxioException Create(ErrorType errorType, string message, Exception inner) =>
        errorType == ErrorType.InvalidPath
            ? new InvalidPathException(message, inner)
            : new AlluxioException(errorType, message, inner);

    /// <summary>A sentence for a failure that came from the transport or from a server that does not name its errors.</summary>
    private static string DescribeUnnamed(RpcException exception, ErrorType errorType, string target)
    {
        // A status the client made up itself carries the exception behind it; one a server sent does not.
        var local = exception.Status.DebugException is not null;
        return errorType switch
        {
            ErrorType.Unavailable when local || exception.Status.Detail.Length == 0 =>
                $"Failed to connect to the master at {target}; it may not be running{(Reason(exception) is { } reason ? $" ({reason})" : "")}.",
            ErrorType.DeadlineExceeded => $"The master at {target} did not answer in time.",
            ErrorType.Canceled => $"The call to the master at {target} was canceled.",
            _ => exception.Status.Detail is { Length: > 0 } detail ? detail : DefaultMessage(errorType, target),
        };
    }

    /// <summary>The most telling cause of a transport failure, e.g. "Connection refused".</summary>
    private static string? Reason(RpcException exception)
    {
        for (var cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException socket)
            {
                return socket.Message;
            }

            if (cause.InnerException is null)
            {
                return cause.Message.TrimEnd('.');
            }
        }

        return exception.Status.Detail is { Length: > 0 } detail ? detail.TrimEnd('.') : null;
    }

    private static string DefaultMessage(ErrorType errorType, string target) =>
        $"The master at {target} failed the call with {errorType} and no message.";
}

using Alluxio.Errors;

namespace Alluxio.Worker;

/// <summary>How the worker turns failures of its own (local files, a stop) into the errors its callers see.</summary>
internal static class WorkerErrors
{
    /// <summary><paramref name="error"/> as an <see cref="AlluxioException"/>; <paramref name="doing"/> says what failed, e.g. "Caching block 5".</summary>
    public static AlluxioException From(Exception error, string doing) => error switch
    {
        AlluxioException alluxio => alluxio,
        OperationCanceledException => new AlluxioException(ErrorType.Unavailable, $"{doing} stopped: the worker is stopping.", error),
        IOException { HResult: var h } when (h & 0xFFFF) == 28 => new AlluxioException(ErrorType.ResourceExhausted, $"{doing} failed: {error.Message}", error),
        IOException or UnauthorizedAccessException => new AlluxioException(ErrorType.Unavailable, $"{doing} failed: {error.Message}", error),
        _ => new AlluxioException(ErrorType.Internal, $"{doing} failed: {error.Message}", error),
    };
}

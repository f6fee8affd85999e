using Alluxio.Errors;
using Alluxio.Grpc.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Services;

/// <summary>
/// The gRPC surface's one error boundary: an AlluxioException travels as its status and error type; anything
/// else is a bug, logged with its stack here and sent as an internal error with a one-line message.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case AlluxioException:
                break;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return AlluxioStatus.ToRpcException(new AlluxioException(ErrorType.Canceled, "The call was canceled by the caller."));
            default:
                LogUnexpected(logger, context.Method, exception);
                return AlluxioStatus.ToRpcException(new AlluxioException(
                    ErrorType.Internal, $"The master failed to serve {context.Method}: {exception.GetType().Name}; see master.log for details."));
        }

        return AlluxioStatus.ToRpcException(exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure serving {Method}")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}

using Alluxio.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Errors;

/// <summary>
/// A server's one error boundary for every kind of call (unary, server, client and bidirectional streaming): an
/// <see cref="AlluxioException"/> travels as its status and error type, a call the caller cancelled as Canceled,
/// and anything else is a bug, logged with its stack and sent as an internal error with a one-line message that
/// points at the process's log.
/// </summary>
/// <param name="processName">The process, e.g. "worker": the message names it and its log file.</param>
public sealed partial class ServerErrorInterceptor(ILogger<ServerErrorInterceptor> logger, string processName) : Interceptor
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

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
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
            case AlluxioException alluxio:
                return AlluxioStatus.ToRpcException(alluxio);
            case OperationCanceledException or IOException when context.CancellationToken.IsCancellationRequested:
                // The caller went away (a reset stream surfaces as an IOException from the request reader).
                return AlluxioStatus.ToRpcException(new AlluxioException(ErrorType.Canceled, "The call was canceled by the caller."));
            default:
                LogUnexpected(logger, context.Method, exception);
                return AlluxioStatus.ToRpcException(new AlluxioException(
                    ErrorType.Internal, $"The {processName} failed to serve {context.Method}: {exception.GetType().Name}; see {processName}.log for details."));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure serving {Method}")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}

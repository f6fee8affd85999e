using System.Runtime.CompilerServices;
using Alluxio.Grpc.Errors;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Alluxio.Client.Rpc;

/// <summary>
/// Makes calls to the master: picks the master to ask, puts the caller's user name and a deadline on each attempt,
/// retries a call that failed as unavailable (the master is down, restarting or not the leader) on the
/// <see cref="RetrySchedule"/> when the call is safe to repeat, and turns the final failure into an
/// <see cref="Alluxio.Errors.AlluxioException"/> of the server's error type.
/// </summary>
/// <remarks>
/// Whether a call is safe to repeat is the caller's decision: reads always are; a mutation is only when its request
/// carries an operation id the master recognises on a repeat, so an attempt whose answer was lost is not applied
/// twice.
/// </remarks>
internal sealed class MasterClient : IDisposable
{
    /// <summary>The header that carries the caller's user name (SIMPLE authentication sends it unverified).</summary>
    public const string UserHeader = "alluxio-user";

    private static readonly ResiliencePropertyKey<long> s_startKey = new("alluxio.call.start");
    private static readonly ResiliencePropertyKey<bool> s_retryableKey = new("alluxio.call.retryable");
    private static readonly ResiliencePropertyKey<string> s_targetKey = new("alluxio.call.target");

    private readonly MasterChannels _channels;
    private readonly RetrySchedule _schedule;
    private readonly TimeSpan _callTimeout;
    private readonly Metadata? _headers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly bool _ownsChannels = true;
    private int _current;

    public MasterClient(
        MasterChannels channels, RetrySchedule schedule, TimeSpan callTimeout, string? user, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _channels = channels;
        _schedule = schedule;
        _callTimeout = callTimeout;
        _headers = HeadersFor(user);
        _time = time;
        _logger = loggerFactory.CreateLogger<MasterClient>();
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is RpcException rpc && AlluxioStatus.IsServerUnavailable(rpc)
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && args.Context.Properties.GetValue(s_retryableKey, false)
                    && NextDelay(args.Context, args.AttemptNumber) is not null),
                DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.Context, args.AttemptNumber) ?? TimeSpan.Zero),
                OnRetry = args =>
                {
                    LogRetry(args.Context, args.Outcome.Exception, args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
    }

    private MasterClient(MasterClient shared, string? user)
    {
        _channels = shared._channels;
        _schedule = shared._schedule;
        _callTimeout = shared._callTimeout;
        _headers = HeadersFor(user);
        _time = shared._time;
        _logger = shared._logger;
        _pipeline = shared._pipeline;
        _ownsChannels = false;
        _current = Volatile.Read(ref shared._current);
    }

    /// <summary>The headers every call carries (the user's name), for the worker calls of the same client.</summary>
    public Metadata? Headers => _headers;

    /// <summary>The master the next call goes to, host:port.</summary>
    public string CurrentTarget => _channels.Addresses[Volatile.Read(ref _current)];

    /// <summary>
    /// Makes a unary call, retried when <paramref name="retryable"/> and the master is unavailable. Each attempt has
    /// the call timeout as its deadline unless <paramref name="withDeadline"/> is false (calls that wait for work
    /// to finish, bounded by the caller's token).
    /// </summary>
    public Task<TResponse> CallAsync<TResponse>(
        string method, bool retryable, Func<GrpcChannel, CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken, bool withDeadline = true)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ExecuteAsync(
            method,
            retryable,
            async (channel, token) =>
            {
                using var pending = call(channel, Options(withDeadline, token));
                return await pending.ResponseAsync.ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams a server-streaming call. Opening it and reading the first message are retried like a read; a failure
    /// after the first message ends the stream with the mapped error, since what was yielded cannot be taken back.
    /// </summary>
    public async IAsyncEnumerable<TResponse> StreamAsync<TResponse>(
        string method,
        Func<GrpcChannel, CallOptions, AsyncServerStreamingCall<TResponse>> call,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var opened = await ExecuteAsync(
            method,
            retryable: true,
            async (channel, token) =>
            {
                var pending = call(channel, Options(withDeadline: false, token));
                try
                {
                    var any = await pending.ResponseStream.MoveNext(token).ConfigureAwait(false);
                    return new OpenStream<TResponse>(pending, any);
                }
                catch
                {
                    pending.Dispose();
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
        var target = CurrentTarget;
        using var stream = opened.Call;
        if (!opened.HasFirst)
        {
            yield break;
        }

        yield return stream.ResponseStream.Current;
        while (await MoveNextAsync(stream, target, cancellationToken).ConfigureAwait(false))
        {
            yield return stream.ResponseStream.Current;
        }
    }

    /// <summary>A client on the same channels whose calls carry <paramref name="user"/>; disposing it leaves the channels open.</summary>
    public MasterClient ForUser(string? user) => new(this, user);

    private static Metadata? HeadersFor(string? user) => user is null ? null : new Metadata { { UserHeader, user } };

    public void Dispose()
    {
        if (_ownsChannels)
        {
            _channels.Dispose();
        }
    }

    private async Task<T> ExecuteAsync<T>(
        string method, bool retryable, Func<GrpcChannel, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(method, cancellationToken);
        context.Properties.Set(s_startKey, _time.GetTimestamp());
        context.Properties.Set(s_retryableKey, retryable);
        var target = CurrentTarget;
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    var index = Volatile.Read(ref state._current);
                    target = state._channels.Addresses[index];
                    ctx.Properties.Set(s_targetKey, target);
                    try
                    {
                        return await attempt(state._channels.Get(index), ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch (RpcException e) when (AlluxioStatus.IsServerUnavailable(e) && state._channels.Addresses.Count > 1)
                    {
                        // Another master may be the leader now: the next attempt asks it.
                        Interlocked.CompareExchange(ref state._current, (index + 1) % state._channels.Addresses.Count, index);
                        throw;
                    }
                },
                context,
                this).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw Map(e, target, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task<bool> MoveNextAsync<T>(AsyncServerStreamingCall<T> call, string target, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw Map(e, target, cancellationToken);
        }
    }

    private static Exception Map(RpcException exception, string target, CancellationToken cancellationToken) =>
        exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The call to the master was canceled.", exception, cancellationToken)
            : AlluxioStatus.ToAlluxioException(exception, target);

    private void LogRetry(ResilienceContext context, Exception? failure, TimeSpan delay, int attempt)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var status = (failure as RpcException)?.StatusCode.ToString() ?? "failure";
            var target = context.Properties.GetValue(s_targetKey, "?");
            var method = context.OperationKey ?? "call";
            var delayMs = (long)delay.TotalMilliseconds;
            Log.RetryingCall(_logger, method, target, status, delayMs, attempt);
        }
    }

    private TimeSpan? NextDelay(ResilienceContext context, int retry) =>
        _schedule.NextDelay(retry, _time.GetElapsedTime(context.Properties.GetValue(s_startKey, _time.GetTimestamp())));

    /// <summary>
    /// The options of one attempt. gRPC measures deadlines on the system clock, so the deadline is taken from it
    /// rather than from the injected time provider.
    /// </summary>
    private CallOptions Options(bool withDeadline, CancellationToken cancellationToken) =>
        new(_headers, withDeadline ? TimeProvider.System.GetUtcNow().UtcDateTime + _callTimeout : null, cancellationToken);

    private sealed record OpenStream<T>(AsyncServerStreamingCall<T> Call, bool HasFirst);
}

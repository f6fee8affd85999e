using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Channels;
using Alluxio.Grpc.Errors;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Alluxio.Worker.Master;

/// <summary>
/// The worker's calls to the block master. Each attempt has a deadline and fails as an <see cref="AlluxioException"/>
/// of the master's error type. Registration and heartbeats are single attempts (their loop retries); a mount's UFS
/// info is retried with backoff while the master is unavailable, up to alluxio.worker.master.connect.retry.timeout.
/// </summary>
internal sealed class BlockMasterClient : IDisposable
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _channel;
    private readonly BlockMasterWorkerService.BlockMasterWorkerServiceClient _client;
    private readonly ResiliencePipeline _retry;
    private readonly TimeSpan _retryTimeout;
    private readonly TimeProvider _time;

    public BlockMasterClient(string target, TimeSpan retryTimeout, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Target = target;
        _retryTimeout = retryTimeout;
        _time = time;
        _channel = GrpcChannels.Create(target, TimeSpan.FromSeconds(5), loggerFactory);
        _client = new BlockMasterWorkerService.BlockMasterWorkerServiceClient(_channel);
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AlluxioException>(e => e.ErrorType == ErrorType.Unavailable && e is not UnderStorageException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(5),
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();
    }

    /// <summary>host:port of the master.</summary>
    public string Target { get; }

    public async Task<long> GetWorkerIdAsync(WorkerNetAddress address, CancellationToken cancellationToken) =>
        (await CallAsync(o => _client.GetWorkerIdAsync(new GetWorkerIdPRequest { WorkerNetAddress = address }, o), cancellationToken).ConfigureAwait(false)).WorkerId;

    public Task RegisterAsync(RegisterWorkerPRequest request, CancellationToken cancellationToken) =>
        CallAsync(o => _client.RegisterWorkerAsync(request, o), cancellationToken);

    public Task<BlockHeartbeatPResponse> HeartbeatAsync(BlockHeartbeatPRequest request, CancellationToken cancellationToken) =>
        CallAsync(o => _client.BlockHeartbeatAsync(request, o), cancellationToken);

    public Task CommitBlockAsync(CommitBlockPRequest request, CancellationToken cancellationToken) =>
        CallAsync(o => _client.CommitBlockAsync(request, o), cancellationToken);

    /// <summary>The paths of the files with these ids that still exist, as the master knows them.</summary>
    public async Task<IReadOnlyDictionary<long, string>> GetFilePathsAsync(IEnumerable<long> fileIds, CancellationToken cancellationToken)
    {
        var request = new GetFilePathsPRequest { FileIds = { fileIds } };
        return (await CallAsync(o => _client.GetFilePathsAsync(request, o), cancellationToken).ConfigureAwait(false)).Paths;
    }

    /// <summary>The UFS URI and options (credentials included: never log them) of mount <paramref name="mountId"/>.</summary>
    public async Task<GetUfsInfoPResponse> GetUfsInfoAsync(long mountId, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_retryTimeout);
        try
        {
            return await _retry.ExecuteAsync(
                async token => await CallAsync(o => _client.GetUfsInfoAsync(new GetUfsInfoPRequest { MountId = mountId }, o), token).ConfigureAwait(false),
                budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AlluxioException(
                ErrorType.Unavailable, $"The master at {Target} did not answer for the UFS of mount {mountId} within {_retryTimeout}.");
        }
    }

    public void Dispose() => _channel.Dispose();

    private async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            using var pending = call(new CallOptions(deadline: (_time.GetUtcNow() + s_callTimeout).UtcDateTime, cancellationToken: cancellationToken));
            return await pending.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException e)
        {
            throw AlluxioStatus.ToAlluxioException(e, Target);
        }
    }
}

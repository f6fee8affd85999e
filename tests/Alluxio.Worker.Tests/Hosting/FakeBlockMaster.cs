using System.Collections.Concurrent;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Errors;
using Grpc.Core;

namespace Alluxio.Worker.Tests.Hosting;

/// <summary>
/// A stand-in for the block master's worker service while the real one is built: it hands out one worker id,
/// serves mounts' UFS info from <see cref="Mounts"/>, records what the worker tells it, and sends the commands
/// queued in <see cref="Commands"/> with its next heartbeat answer. Tests wait on what it heard without sleeping.
/// </summary>
internal sealed class FakeBlockMaster : BlockMasterWorkerService.BlockMasterWorkerServiceBase
{
    public const long WorkerId = 7;

    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<long, GetUfsInfoPResponse> Mounts { get; } = new();

    public ConcurrentQueue<WorkerCommand> Commands { get; } = new();

    public ConcurrentQueue<RegisterWorkerPRequest> Registrations { get; } = new();

    public ConcurrentQueue<BlockHeartbeatPRequest> Heartbeats { get; } = new();

    public ConcurrentQueue<CommitBlockPRequest> Commits { get; } = new();

    public int UfsInfoCalls => _ufsInfoCalls;

    private int _ufsInfoCalls;

    /// <summary>Waits until <paramref name="condition"/> holds, checking after every call the worker makes.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }

    public override Task<GetWorkerIdPResponse> GetWorkerId(GetWorkerIdPRequest request, ServerCallContext context) =>
        Answer(new GetWorkerIdPResponse { WorkerId = WorkerId });

    public override Task<RegisterWorkerPResponse> RegisterWorker(RegisterWorkerPRequest request, ServerCallContext context)
    {
        Registrations.Enqueue(request);
        return Answer(new RegisterWorkerPResponse());
    }

    public override Task<BlockHeartbeatPResponse> BlockHeartbeat(BlockHeartbeatPRequest request, ServerCallContext context)
    {
        Heartbeats.Enqueue(request);
        var response = new BlockHeartbeatPResponse();
        while (Commands.TryDequeue(out var command))
        {
            response.Commands.Add(command);
        }

        return Answer(response);
    }

    public override Task<CommitBlockPResponse> CommitBlock(CommitBlockPRequest request, ServerCallContext context)
    {
        Commits.Enqueue(request);
        return Answer(new CommitBlockPResponse());
    }

    public override Task<GetUfsInfoPResponse> GetUfsInfo(GetUfsInfoPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _ufsInfoCalls);
        return Mounts.TryGetValue(request.MountId, out var info)
            ? Answer(info)
            : throw AlluxioStatus.ToRpcException(new AlluxioException(ErrorType.FileDoesNotExist, $"Mount {request.MountId} does not exist."));
    }

    private Task<T> Answer<T>(T response)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Signalled after the answer is on its way, so a waiter sees the state the call left.
        _ = Task.Run(changed.SetResult);
        return Task.FromResult(response);
    }
}

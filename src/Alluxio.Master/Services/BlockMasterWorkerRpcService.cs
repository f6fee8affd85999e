using Alluxio.Grpc;
using Grpc.Core;

namespace Alluxio.Master.Services;

/// <summary>The block master's gRPC service for workers: ids, registration, heartbeats, commits and UFS access.</summary>
public sealed class BlockMasterWorkerRpcService(FileSystemMaster master) : BlockMasterWorkerService.BlockMasterWorkerServiceBase
{
    public override Task<GetWorkerIdPResponse> GetWorkerId(GetWorkerIdPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new GetWorkerIdPResponse { WorkerId = master.Blocks.GetWorkerId(request.WorkerNetAddress) });
    }

    public override async Task<RegisterWorkerPResponse> RegisterWorker(RegisterWorkerPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await master.Blocks.RegisterWorkerAsync(request, context.CancellationToken).ConfigureAwait(false);
        return new RegisterWorkerPResponse();
    }

    public override Task<BlockHeartbeatPResponse> BlockHeartbeat(BlockHeartbeatPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return master.Blocks.HeartbeatAsync(request, context.CancellationToken);
    }

    public override async Task<CommitBlockPResponse> CommitBlock(CommitBlockPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await master.Blocks.CommitBlockAsync(request, context.CancellationToken).ConfigureAwait(false);
        return new CommitBlockPResponse();
    }

    /// <summary>How many paths one call resolves: a page's worth and more, never the whole namespace.</summary>
    private const int MaxFileIds = 1000;

    public override Task<GetUfsInfoPResponse> GetUfsInfo(GetUfsInfoPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(master.GetUfsInfo(request.MountId));
    }

    public override Task<GetFilePathsPResponse> GetFilePaths(GetFilePathsPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new GetFilePathsPResponse();
        foreach (var (id, path) in master.GetPaths(request.FileIds.Take(MaxFileIds)))
        {
            response.Paths[id] = path;
        }
        return Task.FromResult(response);
    }
}

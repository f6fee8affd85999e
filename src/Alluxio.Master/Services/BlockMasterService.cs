using Alluxio.Grpc;
using Grpc.Core;

namespace Alluxio.Master.Services;

/// <summary>The block master's gRPC service for clients: block locations, capacity and workers.</summary>
public sealed class BlockMasterService(FileSystemMaster master) : BlockMasterClientService.BlockMasterClientServiceBase
{
    public override Task<GetBlockInfoPResponse> GetBlockInfo(GetBlockInfoPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new GetBlockInfoPResponse { BlockInfo = master.Blocks.GetBlockInfo(request.BlockId) });
    }

    public override Task<GetBlockMasterInfoPResponse> GetBlockMasterInfo(GetBlockMasterInfoPOptions request, ServerCallContext context) =>
        Task.FromResult(new GetBlockMasterInfoPResponse { BlockMasterInfo = master.Blocks.GetBlockMasterInfo() });

    public override Task<GetWorkerInfoListPResponse> GetWorkerInfoList(GetWorkerInfoListPOptions request, ServerCallContext context) =>
        Task.FromResult(new GetWorkerInfoListPResponse { WorkerInfos = { master.Blocks.GetWorkerInfoList() } });

    public override Task<GetWorkerInfoListPResponse> GetLostWorkerList(GetWorkerInfoListPOptions request, ServerCallContext context) =>
        Task.FromResult(new GetWorkerInfoListPResponse { WorkerInfos = { master.Blocks.GetLostWorkerList() } });
}

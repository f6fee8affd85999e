using Alluxio.Configuration;
using Alluxio.Grpc;
using Alluxio.Journal;
using Grpc.Core;

namespace Alluxio.Master.Services;

/// <summary>The meta master's gRPC service: master info, the configuration as people may see it, checkpoints.</summary>
public sealed class MetaMasterService(MasterProcessInfo info, AlluxioConfiguration configuration, IJournal journal, TimeProvider time)
    : MetaMasterClientService.MetaMasterClientServiceBase
{
    public override Task<GetMasterInfoPResponse> GetMasterInfo(GetMasterInfoPOptions request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var masterInfo = new MasterInfo
        {
            LeaderMasterAddress = info.RpcAddress,
            RpcPort = info.RpcPort,
            WebPort = info.WebPort,
            StartTimeMs = info.StartTime.ToUnixTimeMilliseconds(),
            UpTimeMs = (long)(now - info.StartTime).TotalMilliseconds,
            Version = MasterProcessInfo.Version,
            ClusterId = info.ClusterId,
            RaftJournal = true,
            SafeMode = false,
        };
        masterInfo.MasterAddresses.Add(new NetAddress { Host = info.Hostname, RpcPort = info.RpcPort });
        masterInfo.RaftAddress.Add($"{info.Hostname}:{info.JournalPort}");
        return Task.FromResult(new GetMasterInfoPResponse { MasterInfo = masterInfo });
    }

    public override Task<GetConfigurationPResponse> GetConfiguration(GetConfigurationPOptions request, ServerCallContext context)
    {
        // Display values only, whatever the caller asks: a credential never leaves the master.
        var response = new GetConfigurationPResponse();
        foreach (var (key, value, source) in ConfigurationDisplay.Entries(configuration))
        {
            var property = new ConfigProperty { Name = key.Name, Source = source.ToString() };
            if (value is not null)
            {
                property.Value = value;
            }

            response.ClusterConfigs.Add(property);
        }

        return Task.FromResult(response);
    }

    public override async Task<CheckpointPResponse> Checkpoint(CheckpointPOptions request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await journal.CheckpointAsync(context.CancellationToken).ConfigureAwait(false);
        return new CheckpointPResponse { MasterHostname = info.RpcAddress };
    }

    public override Task<GetServiceVersionPResponse> GetServiceVersion(GetServiceVersionPRequest request, ServerCallContext context) =>
        Task.FromResult(new GetServiceVersionPResponse { Version = 1 });
}

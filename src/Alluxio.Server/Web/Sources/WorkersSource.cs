using Alluxio.Configuration;
using Alluxio.Grpc;
using Alluxio.Master;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>The workers page: the live and the lost workers, by host, with capacity and heartbeat age.</summary>
internal sealed class WorkersSource(FileSystemMaster master, AlluxioConfiguration configuration, TimeProvider time)
{
    public MasterWorkers Build() => new(
        configuration.GetBoolean(PropertyKeys.Debug),
        Rows(master.Blocks.GetWorkerInfoList()),
        Rows(master.Blocks.GetLostWorkerList()));

    private List<NodeInfo> Rows(IEnumerable<WorkerInfo> workers) =>
        [.. workers.OrderBy(w => w.Address.Host, StringComparer.Ordinal).ThenBy(w => w.Id).Select(w =>
        {
            var used = WebFormats.Percent(w.UsedBytes, w.CapacityBytes);
            return new NodeInfo(
                w.Address.ContainerHost.Length > 0 ? $"{w.Address.Host} ({w.Address.ContainerHost})" : w.Address.Host,
                w.Address.WebPort,
                WebFormats.Count(w.LastContactSec),
                w.State,
                WebFormats.Size(w.CapacityBytes),
                WebFormats.Size(w.UsedBytes),
                used,
                100 - used,
                WebFormats.Uptime(time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(w.StartTimeMs)),
                w.Id,
                w.BlockCount);
        })];
}

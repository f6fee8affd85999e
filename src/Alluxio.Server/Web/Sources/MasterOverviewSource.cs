using Alluxio.Configuration;
using Alluxio.Formatting;
using Alluxio.Master;
using Alluxio.Master.Services;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>What the master's overview shows: the process, the workers' capacity by tier, the root UFS and the namespace's size.</summary>
internal sealed class MasterOverviewSource(FileSystemMaster master, MasterProcessInfo info, AlluxioConfiguration configuration, WebFormats formats, TimeProvider time)
{
    public async Task<MasterOverview> BuildAsync(CancellationToken cancellationToken)
    {
        var blocks = master.Blocks.GetBlockMasterInfo();
        var (unique, replicas) = master.Blocks.Workers.CountBlocks();
        var mounts = await master.GetMountTableAsync(cancellationToken).ConfigureAwait(false);
        var root = mounts.TryGetValue("/", out var r) ? r : null;
        var ufsTotal = root?.UfsCapacityBytes ?? -1;
        var ufsUsed = root?.UfsUsedBytes ?? -1;
        var tiers = blocks.CapacityBytesOnTiers
            .Where(t => t.Value > 0)
            .OrderBy(t => t.Key, TierOrder.Instance)
            .Select(t =>
            {
                var used = blocks.UsedBytesOnTiers.GetValueOrDefault(t.Key);
                var usedPercent = WebFormats.Percent(used, t.Value);
                return new StorageTierInfo(t.Key, WebFormats.Size(t.Value), WebFormats.Size(used), WebFormats.Size(t.Value - used), usedPercent, 100 - usedPercent);
            })
            .ToList();
        return new MasterOverview
        {
            Debug = configuration.GetBoolean(PropertyKeys.Debug),
            MasterNodeAddress = info.RpcAddress,
            ClusterId = info.ClusterId,
            StartTime = formats.Date(info.StartTime.ToUnixTimeMilliseconds()),
            Uptime = WebFormats.Uptime(time.GetUtcNow() - info.StartTime),
            Version = MasterProcessInfo.Version,
            Revision = MasterProcessInfo.Revision,
            LiveWorkerNodes = WebFormats.Count(blocks.LiveWorkerNum),
            Capacity = WebFormats.Size(blocks.CapacityBytes),
            UsedCapacity = WebFormats.Size(blocks.UsedBytes),
            FreeCapacity = WebFormats.Size(blocks.CapacityBytes - blocks.UsedBytes),
            DiskCapacity = WebFormats.SizeOrUnknown(ufsTotal),
            DiskUsedCapacity = WebFormats.SizeOrUnknown(ufsUsed),
            DiskFreeCapacity = ufsTotal < 0 || ufsUsed < 0 ? "UNKNOWN" : WebFormats.Size(ufsTotal - ufsUsed),
            StorageTierInfos = tiers,
            ReplicaBlockCount = WebFormats.Count(replicas),
            UniqueBlockCount = WebFormats.Count(unique),
            TotalPath = WebFormats.Count(master.InodeCount),
            MasterRole = "PRIMARY",
            LeaderId = info.RpcAddress,
        };
    }
}

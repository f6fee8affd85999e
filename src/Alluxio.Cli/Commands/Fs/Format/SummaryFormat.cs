using System.Globalization;
using Alluxio.Configuration;
using Alluxio.Formatting;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>fsadmin report summary: Alluxio's "Alluxio cluster summary: " block, four spaces per level of indent.</summary>
internal static class SummaryFormat
{
    public static IEnumerable<string> Lines(MasterInfo master, BlockMasterInfo blocks, JavaDateFormat dates)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(dates);
        yield return "Alluxio cluster summary: ";
        yield return $"    Master Address: {master.LeaderMasterAddress}";
        yield return Invariant($"    Web Port: {master.WebPort}");
        yield return Invariant($"    Rpc Port: {master.RpcPort}");
        yield return $"    Started: {dates.Format(master.StartTimeMs)}";
        yield return $"    Uptime: {ClockTime.Format(master.UpTimeMs)}";
        yield return $"    Version: {master.Version}";
        yield return $"    Safe Mode: {Bool(master.SafeMode)}";
        yield return $"    Zookeeper Enabled: {Bool(master.ZookeeperAddresses.Count > 0)}";
        if (master.ZookeeperAddresses.Count > 0)
        {
            yield return "    Zookeeper Addresses: ";
            foreach (var address in master.ZookeeperAddresses)
            {
                yield return $"        {address}";
            }
        }

        yield return $"    Raft-based Journal: {Bool(master.RaftJournal)}";
        if (master.RaftJournal)
        {
            yield return "    Raft Journal Addresses: ";
            foreach (var address in master.RaftAddress)
            {
                yield return $"        {address}";
            }
        }

        yield return Invariant($"    Live Workers: {blocks.LiveWorkerNum}");
        yield return Invariant($"    Lost Workers: {blocks.LostWorkerNum}");
        foreach (var line in CapacityLines("    ", blocks.CapacityBytes, blocks.CapacityBytesOnTiers, blocks.UsedBytes, blocks.UsedBytesOnTiers))
        {
            yield return line;
        }

        yield return $"    Free Capacity: {DataSizeFormat.Format(blocks.FreeBytes)}";
    }

    /// <summary>"Total Capacity", "Used Capacity" and their tiers, as summary and capacity both print them.</summary>
    public static IEnumerable<string> CapacityLines(
        string indent, long capacity, IDictionary<string, long> capacityOnTiers, long used, IDictionary<string, long> usedOnTiers)
    {
        ArgumentNullException.ThrowIfNull(capacityOnTiers);
        ArgumentNullException.ThrowIfNull(usedOnTiers);
        yield return $"{indent}Total Capacity: {DataSizeFormat.Format(capacity)}";
        foreach (var (tier, bytes) in capacityOnTiers.OrderBy(t => t.Key, TierOrder.Instance))
        {
            yield return $"{indent}    Tier: {tier}  Size: {DataSizeFormat.Format(bytes)}";
        }

        yield return $"{indent}Used Capacity: {DataSizeFormat.Format(used)}";
        foreach (var (tier, bytes) in usedOnTiers.OrderBy(t => t.Key, TierOrder.Instance))
        {
            yield return $"{indent}    Tier: {tier}  Size: {DataSizeFormat.Format(bytes)}";
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

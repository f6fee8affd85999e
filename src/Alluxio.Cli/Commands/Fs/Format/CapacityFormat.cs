using System.Globalization;
using System.Text;
using Alluxio.Configuration;
using Alluxio.Formatting;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>
/// fsadmin report capacity: the workers' totals per tier, then a table of each worker's capacity and use, most
/// recently heard from first. With one tier the table has that tier's column only; with more, a Total column and a
/// column per tier ("-" where a worker lacks the tier). Version and Revision close each worker's capacity row, as in
/// Alluxio 2.9; the revision is what follows '+' in the version the worker reports.
/// </summary>
internal static class CapacityFormat
{
    private const int NameWidth = 16;

    /// <param name="range">all, live, lost or specified: the word after "Capacity information for".</param>
    public static IEnumerable<string> Lines(IReadOnlyList<WorkerInfo> workers, string range)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0)
        {
            yield return "No workers found.";
            yield break;
        }

        var sorted = workers.OrderBy(w => w.LastContactSec).ToList();
        var capacityOnTiers = Sum(sorted, w => w.CapacityBytesOnTiers);
        var usedOnTiers = Sum(sorted, w => w.UsedBytesOnTiers);
        var capacity = sorted.Sum(w => w.CapacityBytes);
        var used = sorted.Sum(w => w.UsedBytes);
        yield return $"Capacity information for {range} workers: ";
        foreach (var line in SummaryFormat.CapacityLines("    ", capacity, capacityOnTiers, used, usedOnTiers))
        {
            yield return line;
        }

        if (capacity != 0)
        {
            var percent = (int)(100L * used / capacity);
            yield return Invariant($"    Used Percentage: {percent}%");
            yield return Invariant($"    Free Percentage: {100 - percent}%");
        }

        if (capacityOnTiers.Count == 0)
        {
            yield break;
        }

        yield return "";
        // Alluxio widens the name column only for a name as long as it: to the name and five spaces.
        var longestName = sorted.Max(w => Host(w).Length);
        var nameWidth = longestName >= NameWidth ? longestName + 5 : NameWidth;
        foreach (var line in capacityOnTiers.Count == 1 ? ShortTable(sorted, capacityOnTiers.Keys.First(), nameWidth) : LongTable(sorted, capacityOnTiers.Keys, nameWidth))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> ShortTable(List<WorkerInfo> workers, string tier, int nameWidth)
    {
        yield return Row(nameWidth, "Worker Name", "Last Heartbeat", "Storage", Column(tier), "Version", "Revision");
        foreach (var worker in workers)
        {
            var (version, revision) = VersionParts(worker.Version);
            yield return Row(nameWidth, Host(worker), Invariant($"{worker.LastContactSec}"), "capacity", Column(DataSizeFormat.Format(worker.CapacityBytes)), version, revision);
            yield return Row(nameWidth, "", "", "used", UsedWithPercent(worker), null, null);
        }
    }

    private static IEnumerable<string> LongTable(List<WorkerInfo> workers, IEnumerable<string> tiers, int nameWidth)
    {
        var tierList = tiers.ToList();
        yield return Row(nameWidth, "Worker Name", "Last Heartbeat", "Storage", Column("Total") + string.Concat(tierList.Select(TierCell)), "Version", "Revision");
        foreach (var worker in workers)
        {
            var (version, revision) = VersionParts(worker.Version);
            var capacities = string.Concat(tierList.Select(t => TierCell(worker.CapacityBytesOnTiers.TryGetValue(t, out var b) ? DataSizeFormat.Format(b) : "-")));
            var used = string.Concat(tierList.Select(t => TierCell(worker.UsedBytesOnTiers.TryGetValue(t, out var b) ? DataSizeFormat.Format(b) : "-")));
            yield return Row(nameWidth, Host(worker), Invariant($"{worker.LastContactSec}"), "capacity", Column(DataSizeFormat.Format(worker.CapacityBytes)) + capacities, version, revision);
            yield return Row(nameWidth, "", "", "used", Column(UsedWithPercent(worker)) + used, null, null);
        }
    }

    /// <summary>Name, heartbeat and storage columns, the values, then version and revision when given.</summary>
    private static string Row(int nameWidth, string name, string heartbeat, string storage, string values, string? version, string? revision)
    {
        var row = new StringBuilder()
            .Append(name.PadRight(nameWidth)).Append(' ')
            .Append(heartbeat.PadRight(16)).Append(' ')
            .Append(storage.PadRight(13)).Append(' ')
            .Append(values);
        if (version is not null)
        {
            row.Append(version.PadRight(16)).Append(' ').Append(revision);
        }

        return row.ToString();
    }

    /// <summary>A 16-wide column and its separating space.</summary>
    private static string Column(string value) => value.PadRight(16) + " ";

    private static string TierCell(string value) => value.PadRight(14);

    private static string UsedWithPercent(WorkerInfo worker) =>
        worker.CapacityBytes == 0
            ? DataSizeFormat.Format(worker.UsedBytes)
            : Invariant($"{DataSizeFormat.Format(worker.UsedBytes)} ({(int)(100L * worker.UsedBytes / worker.CapacityBytes)}%)");

    private static (string Version, string Revision) VersionParts(string reported)
    {
        var plus = reported.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (reported, "") : (reported[..plus], reported[(plus + 1)..]);
    }

    private static string Host(WorkerInfo worker) => worker.Address?.Host ?? "";

    private static SortedDictionary<string, long> Sum(IEnumerable<WorkerInfo> workers, Func<WorkerInfo, IDictionary<string, long>> perTier)
    {
        var sums = new SortedDictionary<string, long>(TierOrder.Instance);
        foreach (var (tier, bytes) in workers.SelectMany(perTier))
        {
            sums[tier] = sums.GetValueOrDefault(tier) + bytes;
        }

        return sums;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Formatting;
using Alluxio.Grpc;

namespace Alluxio.Cli.Tests.Fs;

/// <summary>fsadmin report's summary and capacity text, checked against the lines Alluxio 2.9's own tests expect.</summary>
public sealed class ReportFormatTests
{
    private static readonly JavaDateFormat s_dates = new("MM-dd-yyyy HH:mm:ss:SSS", TimeZoneInfo.Utc);

    [Fact]
    public void SummaryWithARaftJournal()
    {
        var master = new MasterInfo
        {
            LeaderMasterAddress = "testAddress",
            WebPort = 1231,
            RpcPort = 8462,
            StartTimeMs = 1131242343122L,
            UpTimeMs = 12412412312L,
            Version = "testVersion",
            RaftJournal = true,
            RaftAddress = { "[raftJournal_hostname1]:19200", "[raftJournal_hostname2]:19200" },
        };

        Assert.Equal(
            [
                "Alluxio cluster summary: ",
                "    Master Address: testAddress",
                "    Web Port: 1231",
                "    Rpc Port: 8462",
                "    Started: 11-06-2005 01:59:03:122",
                "    Uptime: 143 day(s), 15 hour(s), 53 minute(s), and 32 second(s)",
                "    Version: testVersion",
                "    Safe Mode: false",
                "    Zookeeper Enabled: false",
                "    Raft-based Journal: true",
                "    Raft Journal Addresses: ",
                "        [raftJournal_hostname1]:19200",
                "        [raftJournal_hostname2]:19200",
                "    Live Workers: 12",
                "    Lost Workers: 4",
                "    Total Capacity: 1309.92KB",
                "        Tier: MEM  Size: 1309.92KB",
                "        Tier: DOM  Size: 230.96KB",
                "        Tier: RAM  Size: 22.57KB",
                "    Used Capacity: 60.97KB",
                "        Tier: MEM  Size: 60.97KB",
                "        Tier: DOM  Size: 72.50KB",
                "        Tier: RAM  Size: 6.10KB",
                "    Free Capacity: 1248.94KB",
            ],
            SummaryFormat.Lines(master, Blocks(), s_dates));
    }

    [Fact]
    public void SummaryWithZookeeperListsItsAddressesAndNoRaftOnes()
    {
        var master = new MasterInfo { ZookeeperAddresses = { "[zookeeper_hostname1]:2181" }, RaftJournal = false };

        var lines = SummaryFormat.Lines(master, Blocks(), s_dates).ToList();

        var at = lines.IndexOf("    Zookeeper Enabled: true");
        Assert.Equal(["    Zookeeper Addresses: ", "        [zookeeper_hostname1]:2181", "    Raft-based Journal: false", "    Live Workers: 12"], lines[(at + 1)..(at + 5)]);
    }

    [Fact]
    public void CapacityOfWorkersWithSeveralTiers()
    {
        var workers = new[]
        {
            Worker("64.68.90.1", 3123, 12000000000L, 10000000000L, new() { ["MEM"] = 4000000000L, ["RAM"] = 6000000000L, ["HDD"] = 2000000000L }, new() { ["MEM"] = 3000000000L, ["RAM"] = 5000000000L, ["HDD"] = 2000000000L }),
            Worker("216.239.33.96", 542, 20000000000L, 1000000000L, new() { ["MEM"] = 5000000000L, ["SSD"] = 5000000000L, ["DOM"] = 10000000000L }, new() { ["MEM"] = 200000000L, ["SSD"] = 300000000L, ["DOM"] = 500000000L }),
        };

        Assert.Equal(
            [
                "Capacity information for all workers: ",
                "    Total Capacity: 29.80GB",
                "        Tier: MEM  Size: 8.38GB",
                "        Tier: SSD  Size: 4768.37MB",
                "        Tier: HDD  Size: 1907.35MB",
                "        Tier: DOM  Size: 9.31GB",
                "        Tier: RAM  Size: 5.59GB",
                "    Used Capacity: 10.24GB",
                "        Tier: MEM  Size: 3051.76MB",
                "        Tier: SSD  Size: 286.10MB",
                "        Tier: HDD  Size: 1907.35MB",
                "        Tier: DOM  Size: 476.84MB",
                "        Tier: RAM  Size: 4768.37MB",
                "    Used Percentage: 34%",
                "    Free Percentage: 66%",
                "",
                "Worker Name      Last Heartbeat   Storage       Total            MEM           SSD           HDD           DOM           RAM           Version          Revision",
                "216.239.33.96    542              capacity      18.63GB          4768.37MB     4768.37MB     -             9.31GB        -             2.9.3            4f1c2e",
                "                                  used          953.67MB (5%)    190.73MB      286.10MB      -             476.84MB      -             ",
                "64.68.90.1       3123             capacity      11.18GB          3814.70MB     -             1907.35MB     -             5.59GB        2.9.3            4f1c2e",
                "                                  used          9.31GB (83%)     2861.02MB     -             1907.35MB     -             4768.37MB     ",
            ],
            CapacityFormat.Lines(workers, "all"));
    }

    [Fact]
    public void CapacityOfWorkersWithOneTierHasNoTotalColumn()
    {
        var workers = new[]
        {
            Worker("29.53.5.124", 6424122, 6000000000L, 5000000000L, new() { ["RAM"] = 6000000000L }, new() { ["RAM"] = 5000000000L }),
            Worker("215.42.95.24", 953, 10000000000L, 500000000L, new() { ["RAM"] = 10000000000L }, new() { ["RAM"] = 500000000L }),
        };

        Assert.Equal(
            [
                "Capacity information for live workers: ",
                "    Total Capacity: 14.90GB",
                "        Tier: RAM  Size: 14.90GB",
                "    Used Capacity: 5.12GB",
                "        Tier: RAM  Size: 5.12GB",
                "    Used Percentage: 34%",
                "    Free Percentage: 66%",
                "",
                "Worker Name      Last Heartbeat   Storage       RAM              Version          Revision",
                "215.42.95.24     953              capacity      9.31GB           2.9.3            4f1c2e",
                "                                  used          476.84MB (5%)",
                "29.53.5.124      6424122          capacity      5.59GB           2.9.3            4f1c2e",
                "                                  used          4768.37MB (83%)",
            ],
            CapacityFormat.Lines(workers, "live"));
    }

    [Fact]
    public void ALongWorkerNameWidensTheFirstColumn()
    {
        var lines = CapacityFormat.Lines([Worker("org.alluxio.long.host1", 6211, 1, 0, new() { ["MEM"] = 1 }, new() { ["MEM"] = 0 })], "all").ToList();

        Assert.StartsWith("Worker Name                 Last Heartbeat", lines[^3], StringComparison.Ordinal);
        Assert.StartsWith("org.alluxio.long.host1      6211 ", lines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void NoWorkersIsOneLine() => Assert.Equal(["No workers found."], CapacityFormat.Lines([], "lost"));

    [Theory]
    [InlineData(0, "0 day(s), 0 hour(s), 0 minute(s), and 0 second(s)")]
    [InlineData(90061001, "1 day(s), 1 hour(s), 1 minute(s), and 1 second(s)")]
    public void Uptime(long ms, string expected) => Assert.Equal(expected, ClockTime.Format(ms));

    [Fact]
    public void TiersAreMemSsdHddThenAlphabetical() =>
        Assert.Equal(["MEM", "SSD", "HDD", "DOM", "RAM"], new[] { "RAM", "HDD", "DOM", "MEM", "SSD" }.Order(TierOrder.Instance));

    private static BlockMasterInfo Blocks() => new()
    {
        LiveWorkerNum = 12,
        LostWorkerNum = 4,
        CapacityBytes = 1341353L,
        CapacityBytesOnTiers = { ["MEM"] = 1341353L, ["RAM"] = 23112L, ["DOM"] = 236501L },
        UsedBytes = 62434L,
        UsedBytesOnTiers = { ["MEM"] = 62434L, ["RAM"] = 6243L, ["DOM"] = 74235L },
        FreeBytes = 1278919L,
    };

    private static WorkerInfo Worker(
        string host, int lastContactSec, long capacity, long used, Dictionary<string, long> capacityOnTiers, Dictionary<string, long> usedOnTiers)
    {
        var worker = new WorkerInfo
        {
            Address = new WorkerNetAddress { Host = host },
            LastContactSec = lastContactSec,
            CapacityBytes = capacity,
            UsedBytes = used,
            Version = "2.9.3+4f1c2e",
        };
        worker.CapacityBytesOnTiers.Add(capacityOnTiers);
        worker.UsedBytesOnTiers.Add(usedOnTiers);
        return worker;
    }

    [Fact]
    public void MetricsSortedByNameWithSizesCountsAndRates()
    {
        var metrics = new Dictionary<string, MetricValue>
        {
            ["Master.TotalPaths"] = new() { DoubleValue = 12345, MetricType = MetricType.Gauge },
            ["Cluster.BytesReadLocal"] = new() { DoubleValue = 12 << 20, MetricType = MetricType.Counter },
            ["Cluster.BytesReadLocalThroughput"] = new() { DoubleValue = 3000.7, MetricType = MetricType.Gauge },
            ["Cluster.CacheHitRate"] = new() { DoubleValue = 87.5, MetricType = MetricType.Gauge },
            ["Master.GetStatus.UFS:%2Ftmp.UFS_TYPE:local"] = new() { DoubleValue = 4, MetricType = MetricType.Timer },
        };

        Assert.Equal(
            [
                "Cluster.BytesReadLocal  (Type: COUNTER, Value: 12.00MB)",
                "Cluster.BytesReadLocalThroughput  (Type: GAUGE, Value: 3000B/min)",
                "Cluster.CacheHitRate  (Type: GAUGE, Value: 87.5)",
                "Master.GetStatus.UFS:%2Ftmp.UFS_TYPE:local  (Type: TIMER, Value: 4)",
                "Master.TotalPaths  (Type: GAUGE, Value: 12,345)",
            ],
            MetricsReportFormat.Lines(metrics));
    }
}

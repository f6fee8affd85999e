using Alluxio.Grpc;
using Alluxio.Master.Metrics;

namespace Alluxio.Master.Tests.Metrics;

/// <summary>The Cluster.* counters: what each worker's and client's counters grew by, across restarts and resends.</summary>
public sealed class ClusterMetricsTests
{
    [Fact]
    public void SumsWhatEachWorkersCountersGrewBy()
    {
        var cluster = new ClusterMetrics();
        cluster.Report(1, [Metric("BytesReadRemote", 100)]);
        cluster.Report(2, [Metric("BytesReadRemote", 50)]);
        cluster.Report(1, [Metric("BytesReadRemote", 130)]);

        Assert.Equal(180, cluster.Get("BytesReadRemote"));
    }

    [Fact]
    public void AWorkerWhoseCounterWentDownRestartedAndAllOfItIsNew()
    {
        var cluster = new ClusterMetrics();
        cluster.Report(1, [Metric("BytesWrittenUfsAll", 1000)]);
        cluster.Report(1, [Metric("BytesWrittenUfsAll", 40)]);
        cluster.Report(1, [Metric("BytesWrittenUfsAll", 60)]);

        Assert.Equal(1060, cluster.Get("BytesWrittenUfsAll"));
    }

    [Fact]
    public void CountersTheClusterDoesNotSumAreLeftOut()
    {
        var cluster = new ClusterMetrics();
        cluster.Report(1, [Metric("BlocksRemoved", 7), Metric("BytesReadUfsAll", 3)]);

        Assert.Equal(0, cluster.Get("BlocksRemoved"));
        Assert.Equal(3, cluster.Get("BytesReadUfsAll"));
    }

    [Fact]
    public void PerUfsCountersAreSummedFromTheirFirstReportAndAnnouncedOnce()
    {
        var cluster = new ClusterMetrics();
        var announced = new List<string>();
        cluster.CounterAdded += announced.Add;
        const string kodo = "BytesReadPerUfs.UFS:kodo:%2F%2Fbucket%2Fdir";
        cluster.Report(1, [Metric(kodo, 10)]);
        cluster.Report(2, [Metric(kodo, 5)]);
        cluster.Report(1, [Metric(kodo, 25)]);

        Assert.Equal(30, cluster.Get(kodo));
        Assert.Equal([kodo], announced);
    }

    [Fact]
    public void AClientsTotalsAreAddedOnceHoweverOftenTheyAreSent()
    {
        var cluster = new ClusterMetrics();
        var now = DateTimeOffset.UnixEpoch;
        cluster.ReportClient("app-1", [Total("BytesReadLocal", 100)], now);

        // The same heartbeat again, as after an answer that was lost, then growth; another client adds its own.
        cluster.ReportClient("app-1", [Total("BytesReadLocal", 100)], now);
        cluster.ReportClient("app-1", [Total("BytesReadLocal", 160)], now);
        cluster.ReportClient("app-2", [Total("BytesReadLocal", 5), Total("SomethingElse", 9)], now);

        Assert.Equal(165, cluster.Get("BytesReadLocal"));
        Assert.Equal(0, cluster.Get("SomethingElse"));
    }

    [Fact]
    public void ClientsSilentForAnHourAreForgotten()
    {
        var cluster = new ClusterMetrics();
        var start = DateTimeOffset.UnixEpoch;
        cluster.ReportClient("gone", [Total("BytesReadLocal", 10)], start);
        cluster.ReportClient("alive", [Total("BytesReadLocal", 10)], start + ClusterMetrics.ClientExpiry);

        Assert.Equal(2, cluster.ClientCount);

        cluster.ReportClient("alive", [Total("BytesReadLocal", 20)], start + ClusterMetrics.ClientExpiry + TimeSpan.FromMinutes(2));

        Assert.Equal(1, cluster.ClientCount);
        Assert.Equal(30, cluster.Get("BytesReadLocal"));
    }

    private static KeyValuePair<string, double> Total(string name, double value) => new(name, value);

    private static WorkerMetric Metric(string name, double value) => new() { Name = name, Value = value };
}

using Alluxio.Grpc;
using Alluxio.Master.Metrics;

namespace Alluxio.Master.Tests.Metrics;

/// <summary>The Cluster.* counters: what each worker's counters grew by, across restarts of a worker.</summary>
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

    private static WorkerMetric Metric(string name, double value) => new() { Name = name, Value = value };
}

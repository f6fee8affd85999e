using System.Diagnostics.Metrics;

namespace Alluxio.Worker.Tests.Metrics;

/// <summary>Per-UFS byte counters, and the all-UFS totals kept with them.</summary>
public sealed class UfsCountersTests
{
    [Fact]
    public void CountsEachUfsAndTheTotalsAndReportsThemByTaggedName()
    {
        using var meter = new Meter("Alluxio.Worker.Test");
        var metrics = new WorkerMetrics(meter);
        metrics.ForUfs("kodo://bucket/a/").AddRead(10);
        metrics.ForUfs("kodo://bucket/b/").AddRead(5);
        metrics.ForUfs("kodo://bucket/a/").AddWritten(7);

        var totals = metrics.Counters.ToDictionary(c => c.ShortName, c => c.Total);
        Assert.Equal(15, totals["BytesReadUfsAll"]);
        Assert.Equal(7, totals["BytesWrittenUfsAll"]);
        Assert.Equal(10, totals["BytesReadPerUfs.UFS:kodo:%2F%2Fbucket%2Fa%2F"]);
        Assert.Equal(5, totals["BytesReadPerUfs.UFS:kodo:%2F%2Fbucket%2Fb%2F"]);
        Assert.Equal(7, totals["BytesWrittenPerUfs.UFS:kodo:%2F%2Fbucket%2Fa%2F"]);
    }
}

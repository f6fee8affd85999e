using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>What the worker's Metrics page shows: how full it is, and its counters by Alluxio's short names.</summary>
internal sealed class WorkerMetricsSource(PrometheusExporter metrics)
{
    public WorkerMetricsView Build()
    {
        var values = metrics.Snapshot()
            .Where(v => v.Name.StartsWith("Worker.", StringComparison.Ordinal))
            .GroupBy(v => v.Name["Worker.".Length..])
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var used = WebFormats.Percent((long)values.GetValueOrDefault("CapacityUsed"), (long)values.GetValueOrDefault("CapacityTotal"));
        return new WorkerMetricsView(used, 100 - used, values);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Alluxio.Server.Hosting;
using Alluxio.Worker;

namespace Alluxio.Server.Web;

/// <summary>The worker's HTTP side: Alluxio's REST /api/v1/worker/info and Prometheus metrics.</summary>
internal static class WorkerWebEndpoints
{
    public static void Map(WebApplication app, string host)
    {
        var exporter = new PrometheusExporter();
        app.Lifetime.ApplicationStopped.Register(exporter.Dispose);
        var group = app.MapGroup("").RequireHost(host);
        group.MapGet("/api/v1/worker/info", Info);
        group.MapGet("/metrics/prometheus", () => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    }

    private static IResult Info(AlluxioWorker worker, WorkerProcessInfo info, TimeProvider time)
    {
        var report = worker.Store.GetReport();
        var tiers = new JsonObject();
        foreach (var tier in report)
        {
            tiers[tier.Alias] = new JsonObject { ["total"] = tier.Capacity, ["used"] = tier.UsedBytes };
        }

        var tierPaths = new JsonObject();
        foreach (var tier in report)
        {
            tierPaths[tier.Alias] = new JsonArray([.. tier.Dirs.Select(d => JsonValue.Create(d.Path))]);
        }

        var body = new JsonObject
        {
            ["address"] = new JsonObject
            {
                ["host"] = info.Address.Host,
                ["containerHost"] = info.Address.ContainerHost,
                ["rpcPort"] = info.Address.RpcPort,
                ["dataPort"] = info.Address.DataPort,
                ["webPort"] = info.Address.WebPort,
            },
            ["blockCount"] = report.Sum(t => t.Dirs.Sum(d => d.Blocks.Count)),
            ["capacity"] = new JsonObject { ["total"] = report.Sum(t => t.Capacity), ["used"] = report.Sum(t => t.UsedBytes) },
            ["id"] = worker.WorkerId,
            ["pinnedFileCount"] = worker.Store.PinnedFileCount,
            ["registered"] = worker.WorkerId is not null,
            ["rpcAddress"] = info.RpcAddress,
            ["rpcPort"] = info.RpcPort,
            ["startTimeMs"] = worker.StartTime.ToUnixTimeMilliseconds(),
            ["tierCapacity"] = tiers,
            ["tierPaths"] = tierPaths,
            ["uptimeMs"] = (long)(time.GetUtcNow() - worker.StartTime).TotalMilliseconds,
            ["version"] = typeof(WorkerWebEndpoints).Assembly.GetName().Version?.ToString(3),
            ["webPort"] = info.WebPort,
        };
        return Results.Text(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
    }
}

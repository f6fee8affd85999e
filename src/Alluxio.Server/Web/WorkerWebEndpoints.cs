using System.Text.Json;
using System.Text.Json.Nodes;
using Alluxio.Configuration;
using Alluxio.Server.Hosting;
using Alluxio.Server.Web.Pages.Layout;
using Alluxio.Server.Web.Pages.Worker;
using Alluxio.Server.Web.Sources;
using Alluxio.Worker;

namespace Alluxio.Server.Web;

/// <summary>
/// The worker's web port: Alluxio's worker pages (server-rendered, no script), their REST answers under
/// /api/v1/worker/, and the metrics.
/// </summary>
internal static class WorkerWebEndpoints
{
    private const string Product = "Alluxio Worker";

    public static void Map(WebApplication app, string host)
    {
        var refresh = (int)app.Services.GetRequiredService<AlluxioConfiguration>().GetDuration(PropertyKeys.WebRefreshInterval).TotalSeconds;
        var group = app.MapGroup("").RequireHost(host);
        group.MapGet("/", () => Results.Redirect("/overview"));
        group.MapGet("/overview", (WorkerOverviewSource source) => WebPages.Render<WorkerOverviewPage>(new { Model = source.Build(), RefreshSeconds = refresh }));
        group.MapGet("/blockInfo", async (BlockInfoSource source, string? path, string? offset, string? limit, CancellationToken token) =>
            WebPages.Render<BlockInfoPage>(new { Model = await source.BuildAsync(path, offset, limit, token).ConfigureAwait(false) }));
        group.MapGet("/metrics", (WorkerMetricsSource source) => WebPages.Render<WorkerMetricsPage>(new { Model = source.Build(), RefreshSeconds = refresh }));
        CommonWebEndpoints.Map(app, group, "/api/v1/worker", Product, Navigation.Worker);

        var api = group.MapGroup("/api/v1/worker");
        api.MapGet("/info", Info);
        api.MapGet("/webui_init", (AlluxioConfiguration configuration) => WebJson.Ok(new
        {
            debug = configuration.GetBoolean(PropertyKeys.Debug),
            webFileInfoEnabled = configuration.GetBoolean(PropertyKeys.WebFileInfoEnabled),
            securityAuthorizationPermissionEnabled = configuration.GetBoolean(PropertyKeys.SecurityAuthorizationPermissionEnabled),
            masterHostname = configuration.Get(PropertyKeys.MasterHostname),
            masterPort = configuration.GetInt(PropertyKeys.MasterWebPort),
            refreshInterval = (long)configuration.GetDuration(PropertyKeys.WebRefreshInterval).TotalMilliseconds,
        }));
        api.MapGet("/webui_overview", (WorkerOverviewSource source) => WebJson.Ok(source.Build()));
        api.MapGet("/webui_metrics", (WorkerMetricsSource source) => WebJson.Ok(source.Build()));
        api.MapGet("/webui_blockinfo", async (BlockInfoSource source, string? path, string? offset, string? limit, CancellationToken token) =>
            WebJson.Ok(await source.BuildAsync(path, offset, limit, token).ConfigureAwait(false)));
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

using System.Text.Json;
using System.Text.Json.Nodes;
using Alluxio.Configuration;
using Alluxio.Master;
using Alluxio.Master.Services;
using Alluxio.Server.Web.Pages.Layout;
using Alluxio.Server.Web.Pages.Master;
using Alluxio.Server.Web.Sources;

namespace Alluxio.Server.Web;

/// <summary>
/// The master's web port: Alluxio's pages (server-rendered, no script), the REST answers the pages are made of under
/// /api/v1/master/, and the metrics. Every configuration value and mount option shows masked.
/// </summary>
internal static class MasterWebEndpoints
{
    private const string Product = "Alluxio Master";

    public static void Map(WebApplication app, string host)
    {
        var refresh = (int)app.Services.GetRequiredService<AlluxioConfiguration>().GetDuration(PropertyKeys.WebRefreshInterval).TotalSeconds;
        var group = app.MapGroup("").RequireHost(host);

        group.MapGet("/", () => Results.Redirect("/overview"));
        group.MapGet("/overview", async (MasterOverviewSource source, CancellationToken token) =>
            WebPages.Render<OverviewPage>(new { Model = await source.BuildAsync(token).ConfigureAwait(false), RefreshSeconds = refresh }));
        group.MapGet("/browse", async (BrowseSource source, string? path, string? offset, string? limit, string? end, CancellationToken token) =>
            WebPages.Render<BrowsePage>(new { Model = await source.BuildAsync(path, offset, limit, end, token).ConfigureAwait(false) }));
        group.MapGet("/data", async (InAlluxioDataSource source, string? offset, string? limit, CancellationToken token) =>
            WebPages.Render<DataPage>(new { Model = await source.BuildAsync(offset, limit, token).ConfigureAwait(false) }));
        group.MapGet("/masters", (MastersSource source) => WebPages.Render<MastersPage>(new { Model = source.Build(), RefreshSeconds = refresh }));
        group.MapGet("/workers", (WorkersSource source) => WebPages.Render<WorkersPage>(new { Model = source.Build(), RefreshSeconds = refresh }));
        group.MapGet("/metrics", (MasterMetricsSource source) => WebPages.Render<MetricsPage>(new { Model = source.Build(), RefreshSeconds = refresh }));
        group.MapGet("/mounttable", async (MountTableSource source, CancellationToken token) =>
            WebPages.Render<MountTablePage>(new { Model = await source.BuildAsync(token).ConfigureAwait(false) }));

        CommonWebEndpoints.Map(app, group, "/api/v1/master", Product, Navigation.Master);
        var api = group.MapGroup("/api/v1/master");
        api.MapGet("/info", InfoAsync);
        api.MapGet("/webui_init", (AlluxioConfiguration configuration) => WebJson.Ok(new
        {
            debug = configuration.GetBoolean(PropertyKeys.Debug),
            newerVersionAvailable = false,
            webFileInfoEnabled = configuration.GetBoolean(PropertyKeys.WebFileInfoEnabled),
            securityAuthorizationPermissionEnabled = configuration.GetBoolean(PropertyKeys.SecurityAuthorizationPermissionEnabled),
            workerPort = configuration.GetInt(PropertyKeys.WorkerWebPort),
            refreshInterval = (long)configuration.GetDuration(PropertyKeys.WebRefreshInterval).TotalMilliseconds,
        }));
        api.MapGet("/webui_overview", async (MasterOverviewSource source, CancellationToken token) => WebJson.Ok(await source.BuildAsync(token).ConfigureAwait(false)));
        api.MapGet("/webui_browse", async (BrowseSource source, string? path, string? offset, string? limit, string? end, CancellationToken token) =>
            WebJson.Ok(await source.BuildAsync(path, offset, limit, end, token).ConfigureAwait(false)));
        api.MapGet("/webui_data", async (InAlluxioDataSource source, string? offset, string? limit, CancellationToken token) =>
            WebJson.Ok(await source.BuildAsync(offset, limit, token).ConfigureAwait(false)));
        api.MapGet("/webui_workers", (WorkersSource source) => WebJson.Ok(source.Build()));
        api.MapGet("/webui_metrics", (MasterMetricsSource source) => WebJson.Ok(source.Build()));
        api.MapGet("/webui_masters", (MastersSource source) => WebJson.Ok(source.Build()));
        api.MapGet("/webui_mounttable", async (MountTableSource source, CancellationToken token) => WebJson.Ok(await source.BuildAsync(token).ConfigureAwait(false)));
    }

    private static async Task<IResult> InfoAsync(FileSystemMaster master, MasterProcessInfo info, AlluxioConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var configurationJson = new JsonObject();
        foreach (var (key, value, _) in ConfigurationDisplay.Entries(configuration))
        {
            configurationJson[key.Name] = value;
        }

        var mountPoints = new JsonObject();
        foreach (var (path, mount) in await master.GetMountTableAsync(cancellationToken).ConfigureAwait(false))
        {
            var properties = new JsonObject();
            foreach (var (k, v) in mount.Properties)
            {
                properties[k] = v;
            }

            mountPoints[path] = new JsonObject
            {
                ["mountId"] = mount.MountId,
                ["ufsUri"] = mount.UfsUri,
                ["ufsType"] = mount.UfsType,
                ["ufsCapacityBytes"] = mount.UfsCapacityBytes,
                ["ufsUsedBytes"] = mount.UfsUsedBytes,
                ["readOnly"] = mount.ReadOnly,
                ["shared"] = mount.Shared,
                ["properties"] = properties,
            };
        }

        var blocks = master.Blocks.GetBlockMasterInfo();
        var tiers = new JsonObject();
        foreach (var (tier, total) in blocks.CapacityBytesOnTiers)
        {
            tiers[tier] = new JsonObject { ["total"] = total, ["used"] = blocks.UsedBytesOnTiers.GetValueOrDefault(tier) };
        }

        var now = time.GetUtcNow();
        var body = new JsonObject
        {
            ["capacity"] = new JsonObject { ["total"] = blocks.CapacityBytes, ["used"] = blocks.UsedBytes },
            ["configuration"] = configurationJson,
            ["lostWorkers"] = Workers(master.Blocks.GetLostWorkerList()),
            ["metrics"] = new JsonObject { ["Master.TotalPaths"] = master.InodeCount },
            ["mountPoints"] = mountPoints,
            ["rpcAddress"] = info.RpcAddress,
            ["startTimeMs"] = info.StartTime.ToUnixTimeMilliseconds(),
            ["tierCapacity"] = tiers,
            ["uptimeMs"] = (long)(now - info.StartTime).TotalMilliseconds,
            ["version"] = MasterProcessInfo.Version,
            ["workers"] = Workers(master.Blocks.GetWorkerInfoList()),
        };
        return Results.Text(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
    }

    /// <summary>Workers as Alluxio's WorkerInfo serializes them.</summary>
    private static JsonArray Workers(IEnumerable<Grpc.WorkerInfo> workers) =>
        [.. workers.Select(w => (JsonNode)new JsonObject
        {
            ["id"] = w.Id,
            ["address"] = new JsonObject { ["host"] = w.Address.Host, ["rpcPort"] = w.Address.RpcPort, ["dataPort"] = w.Address.DataPort, ["webPort"] = w.Address.WebPort },
            ["lastContactSec"] = w.LastContactSec,
            ["state"] = w.State,
            ["capacityBytes"] = w.CapacityBytes,
            ["usedBytes"] = w.UsedBytes,
            ["startTimeMs"] = w.StartTimeMs,
            ["blockCount"] = w.BlockCount,
        })];
}

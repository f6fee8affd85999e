using System.Text.Json;
using System.Text.Json.Nodes;
using Alluxio.Configuration;
using Alluxio.Master;
using Alluxio.Master.Services;

namespace Alluxio.Server.Web;

/// <summary>
/// The master's HTTP side for now: an overview at /, Alluxio's REST /api/v1/master/info, and Prometheus metrics.
/// Every configuration value and mount option shows masked.
/// </summary>
internal static class MasterWebEndpoints
{
    public static void Map(WebApplication app, string host)
    {
        var exporter = new PrometheusExporter();
        app.Lifetime.ApplicationStopped.Register(exporter.Dispose);
        var group = app.MapGroup("").RequireHost(host);
        group.MapGet("/", Overview);
        group.MapGet("/api/v1/master/info", InfoAsync);
        group.MapGet("/metrics/prometheus", () => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
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

        var now = time.GetUtcNow();
        var body = new JsonObject
        {
            ["capacity"] = new JsonObject { ["total"] = 0, ["used"] = 0 },
            ["configuration"] = configurationJson,
            ["lostWorkers"] = new JsonArray(),
            ["metrics"] = new JsonObject { ["Master.TotalPaths"] = master.InodeCount },
            ["mountPoints"] = mountPoints,
            ["rpcAddress"] = info.RpcAddress,
            ["startTimeMs"] = info.StartTime.ToUnixTimeMilliseconds(),
            ["tierCapacity"] = new JsonObject(),
            ["uptimeMs"] = (long)(now - info.StartTime).TotalMilliseconds,
            ["version"] = MasterProcessInfo.Version,
            ["workers"] = new JsonArray(),
        };
        return Results.Text(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
    }

    private static IResult Overview(FileSystemMaster master, MasterProcessInfo info, TimeProvider time)
    {
        var uptime = time.GetUtcNow() - info.StartTime;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Alluxio Master</title></head>
            <body><h1>Alluxio Master</h1>
            <table>
            <tr><th>Master Address</th><td>{Escape(info.RpcAddress)}</td></tr>
            <tr><th>Started</th><td>{info.StartTime:yyyy-MM-dd HH:mm:ss} UTC</td></tr>
            <tr><th>Uptime</th><td>{(int)uptime.TotalDays} day(s), {uptime.Hours} hour(s), {uptime.Minutes} minute(s), {uptime.Seconds} second(s)</td></tr>
            <tr><th>Version</th><td>{MasterProcessInfo.Version}</td></tr>
            <tr><th>Total Paths</th><td>{master.InodeCount}</td></tr>
            </table>
            <p><a href="/api/v1/master/info">/api/v1/master/info</a> · <a href="/metrics/prometheus">/metrics/prometheus</a></p>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}

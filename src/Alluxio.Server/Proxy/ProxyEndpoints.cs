using Alluxio.Configuration;
using Alluxio.Master.Services;
using Alluxio.Server.Web;

namespace Alluxio.Server.Proxy;

/// <summary>
/// What the proxy's port serves besides the S3 API: /api/v1/proxy/info (which bin/alluxio-start.sh waits for), the
/// thread dump and the metrics.
/// </summary>
internal static class ProxyEndpoints
{
    public static void Map(WebApplication app)
    {
        var exporter = app.Services.GetRequiredService<PrometheusExporter>();
        app.MapGet("/api/v1/proxy/info", (ProxyProcessInfo info, AlluxioConfiguration configuration, TimeProvider time) => WebJson.Ok(new
        {
            // As Alluxio's AlluxioProxyInfo; values are the display values, credentials masked.
            Configuration = ConfigurationDisplay.Entries(configuration)
                .Where(e => e.Value is not null)
                .ToDictionary(e => e.Key.Name, e => e.Value, StringComparer.Ordinal),
            StartTimeMs = info.StartTime.ToUnixTimeMilliseconds(),
            UptimeMs = (long)(time.GetUtcNow() - info.StartTime).TotalMilliseconds,
            MasterProcessInfo.Version,
        }));
        CommonWebEndpoints.MapDiagnostics(app, exporter);
    }
}

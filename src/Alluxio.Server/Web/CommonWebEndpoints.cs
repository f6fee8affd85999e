using Alluxio.Configuration;
using Alluxio.Server.Web.Pages.Layout;
using Alluxio.Server.Web.Sources;

namespace Alluxio.Server.Web;

/// <summary>
/// What every Alluxio web port serves alike, master or worker: the logs, configuration and stacks pages, their REST
/// answers under the process's API root, logLevel, the thread dump, and the metrics.
/// </summary>
internal static class CommonWebEndpoints
{
    public static void Map(WebApplication app, RouteGroupBuilder group, string apiRoot, string product, IReadOnlyList<NavItem> tabs)
    {
        // Made now, not at the first scrape, so that counts from the start of the process are in it.
        var exporter = app.Services.GetRequiredService<PrometheusExporter>();
        group.MapGet("/logs", async (LogsSource source, string? path, string? offset, string? limit, string? end, CancellationToken token) =>
            WebPages.Render<LogsPage>(new { Model = await source.BuildAsync(path, offset, limit, end, token).ConfigureAwait(false), Product = product, Tabs = tabs }));
        group.MapGet("/config", (AlluxioConfiguration configuration) =>
            WebPages.Render<ConfigPage>(new { Model = ConfigurationSourceView.Build(configuration), Product = product, Tabs = tabs }));
        group.MapGet("/stacks", () => WebPages.Render<StacksPage>(new { Dump = ThreadDump.Capture(), Product = product, Tabs = tabs }));

        var api = group.MapGroup(apiRoot);
        api.MapGet("/webui_logs", async (LogsSource source, string? path, string? offset, string? limit, string? end, CancellationToken token) =>
            WebJson.Ok(await source.BuildAsync(path, offset, limit, end, token).ConfigureAwait(false)));
        api.MapGet("/webui_config", (AlluxioConfiguration configuration) => WebJson.Ok(ConfigurationSourceView.Build(configuration)));
        api.MapPost("/logLevel", LogLevelEndpoint.Handle);
        MapDiagnostics(group, exporter);
    }

    /// <summary>What every Alluxio web server serves, the proxy's included: the thread dump and the metrics.</summary>
    public static void MapDiagnostics(IEndpointRouteBuilder group, PrometheusExporter exporter)
    {
        group.MapGet("/api/v1/common/thread_dump", () => Results.Text(ThreadDump.Capture()));
        group.MapGet("/metrics/prometheus", () => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        group.MapGet("/metrics/json", () => WebJson.Ok(MetricsJson.Build(exporter.Snapshot())));
    }
}

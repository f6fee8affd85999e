namespace Alluxio.Server.Web.Sources;

/// <summary>Registers what the worker's pages and REST answers are built from.</summary>
internal static class WorkerWebSources
{
    public static IServiceCollection AddWorkerWebSources(this IServiceCollection services)
    {
        services.AddSingleton<WorkerOverviewSource>();
        services.AddSingleton<BlockInfoSource>();
        services.AddSingleton<LogsSource>();
        services.AddSingleton<WorkerMetricsSource>();
        return services;
    }
}

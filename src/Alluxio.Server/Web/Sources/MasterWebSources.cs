namespace Alluxio.Server.Web.Sources;

/// <summary>Registers what the master's pages and REST answers are built from.</summary>
internal static class MasterWebSources
{
    public static IServiceCollection AddMasterWebSources(this IServiceCollection services)
    {
        services.AddSingleton<FilePreview>();
        services.AddSingleton<MasterOverviewSource>();
        services.AddSingleton<BrowseSource>();
        services.AddSingleton<InAlluxioDataSource>();
        services.AddSingleton<LogsSource>();
        services.AddSingleton<WorkersSource>();
        services.AddSingleton<MastersSource>();
        services.AddSingleton<MountTableSource>();
        services.AddSingleton<MasterMetricsSource>();
        services.AddSingleton<Metrics.MetricsHistory>();
        services.AddHostedService(s => s.GetRequiredService<Metrics.MetricsHistory>());
        return services;
    }
}

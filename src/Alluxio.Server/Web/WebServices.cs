using Alluxio.Configuration;
using Alluxio.Server.Logging;

namespace Alluxio.Server.Web;

/// <summary>What the web side of a master or worker shares with the rest of the process: the known secrets and the log levels.</summary>
internal sealed record WebServices(KnownSecrets Secrets, LogLevels LogLevels)
{
    public void AddTo(IServiceCollection services, AlluxioConfiguration configuration)
    {
        services.AddSingleton(Secrets);
        services.AddSingleton(LogLevels);
        services.AddSingleton(WebFormats.From(configuration));
        services.AddSingleton<PrometheusExporter>();
        services.AddRazorComponents();
    }
}

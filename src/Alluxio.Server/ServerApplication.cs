using Alluxio.Configuration;
using Alluxio.Server.Hosting;
using Alluxio.UnderFs;

namespace Alluxio.Server;

/// <summary>alluxio-server ROLE [-Dkey=value ...]: runs one Alluxio process until SIGTERM.</summary>
internal static class ServerApplication
{
    public const string Usage = "Usage: alluxio-server master|worker|proxy [-Dkey=value ...]\n       alluxio-server fuse [-Dkey=value ...] [-o mount_options] mount_point [alluxio_path]";

    /// <summary>The processes; -Dkey=value may stand before or after the one named.</summary>
    private static readonly string[] s_roles = ["master", "worker", "proxy", "fuse"];

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment)
    {
        BuiltInUnderFileSystems.RegisterKeys(PropertyKeyRegistry.Global);
        var (systemProperties, remaining) = SystemPropertyArguments.Split(args, s_roles);
        if (remaining.Length != 1 && remaining.FirstOrDefault() != "fuse")
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        AlluxioConfiguration configuration;
        try
        {
            configuration = ConfigurationLoader.Load(systemProperties, environment);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"Error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        foreach (var issue in configuration.Issues)
        {
            await Console.Error.WriteLineAsync(issue.IsError ? $"Error: {issue.Message}" : $"Warning: {issue.Message}").ConfigureAwait(false);
        }

        if (configuration.HasErrors)
        {
            return 1;
        }

        switch (remaining[0])
        {
            case "master":
                return await MasterHost.RunAsync(configuration, CancellationToken.None).ConfigureAwait(false);
            case "worker":
                return await WorkerHost.RunAsync(configuration, CancellationToken.None).ConfigureAwait(false);
            case "proxy":
                return await ProxyHost.RunAsync(configuration, CancellationToken.None).ConfigureAwait(false);
            case "fuse":
                return await FuseHost.RunAsync(configuration, remaining[1..]).ConfigureAwait(false);
            default:
                await Console.Error.WriteLineAsync($"Error: unknown process '{remaining[0]}'. {Usage}").ConfigureAwait(false);
                return 2;
        }
    }
}

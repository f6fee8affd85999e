using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>Alluxio.Client pointed at a <see cref="MasterProcess"/>, and the figures its web port reports.</summary>
internal static class MasterClient
{
    /// <summary>A file system client for the master, with <paramref name="properties"/> ("key=value") on top.</summary>
    public static FileSystem Connect(MasterProcess master, params string[] properties) => TestCluster.Connect(master, properties);

    public static async Task CreateDirectoryAsync(MasterProcess master, string path, CancellationToken cancellationToken)
    {
        using var fileSystem = Connect(master);
        await fileSystem.CreateDirectoryAsync(path, new CreateDirectoryOptions { Recursive = true }, cancellationToken);
    }

    /// <summary>Master.TotalPaths from /api/v1/master/info: 1 for an empty namespace (the root).</summary>
    public static async Task<long> TotalPathsAsync(MasterProcess master, CancellationToken cancellationToken)
    {
        var info = System.Text.Json.Nodes.JsonNode.Parse(await master.GetStringAsync("api/v1/master/info", cancellationToken))!;
        return info["metrics"]!["Master.TotalPaths"]!.GetValue<long>();
    }
}

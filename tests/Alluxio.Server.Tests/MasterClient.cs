using Alluxio.Grpc;
using Alluxio.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Alluxio.Server.Tests;

/// <summary>Just enough of a client to change the namespace of a <see cref="MasterProcess"/> over gRPC.</summary>
internal static class MasterClient
{
    public static async Task CreateDirectoryAsync(MasterProcess master, string path, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress($"http://{master.RpcAddress}");
        var client = new FileSystemMasterClientService.FileSystemMasterClientServiceClient(channel);
        var headers = new Metadata { { "alluxio-user", Environment.UserName } };
        await client.CreateDirectoryAsync(
            new CreateDirectoryPRequest { Path = path, Options = new CreateDirectoryPOptions { Recursive = true } },
            headers,
            cancellationToken: cancellationToken);
    }

    /// <summary>Master.TotalPaths from /api/v1/master/info: 1 for an empty namespace (the root).</summary>
    public static async Task<long> TotalPathsAsync(MasterProcess master, CancellationToken cancellationToken)
    {
        var info = System.Text.Json.Nodes.JsonNode.Parse(await master.GetStringAsync("api/v1/master/info", cancellationToken))!;
        return info["metrics"]!["Master.TotalPaths"]!.GetValue<long>();
    }
}

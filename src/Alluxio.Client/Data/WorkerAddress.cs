using Alluxio.Grpc;

namespace Alluxio.Client.Data;

/// <summary>Formats a worker's address the way channels are keyed and errors name it.</summary>
internal static class WorkerAddress
{
    public static string Of(WorkerNetAddress address) => $"{address.Host}:{address.RpcPort}";
}

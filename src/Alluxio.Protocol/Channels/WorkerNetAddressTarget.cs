namespace Alluxio.Grpc;

/// <summary>A worker's address as channels are keyed and errors name it.</summary>
public sealed partial class WorkerNetAddress
{
    /// <summary>host:rpcPort.</summary>
    public string Target => $"{Host}:{RpcPort}";
}

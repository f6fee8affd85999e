using Alluxio.Grpc;

namespace Alluxio.Server.Hosting;

/// <summary>How the worker process is reached and since when it runs, for the web endpoints and the registration.</summary>
internal sealed record WorkerProcessInfo(WorkerNetAddress Address, string BindHost, string WebBindHost)
{
    public int RpcPort => Address.RpcPort;

    public int WebPort => Address.WebPort;

    public string RpcAddress => $"{Address.Host}:{Address.RpcPort}";
}

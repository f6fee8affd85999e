using System.Net;
using Alluxio.Grpc;

namespace Alluxio.Client.Data;

/// <summary>
/// Decides whether a worker runs on this client's machine, where its block files can be opened directly: its
/// advertised host or its container host is one of this machine's names (alluxio.user.hostname, the host name,
/// loopback names).
/// </summary>
internal sealed class LocalHost
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "::1" };

    public LocalHost(string configuredName)
    {
        Name = configuredName.Length > 0 ? configuredName : Dns.GetHostName();
        _names.Add(Name);
        _names.Add(Dns.GetHostName());
    }

    /// <summary>The name this client goes by, to ask for work on its own host.</summary>
    public string Name { get; }

    public bool IsLocal(WorkerNetAddress address) =>
        _names.Contains(address.Host) || (address.ContainerHost.Length > 0 && _names.Contains(address.ContainerHost));
}

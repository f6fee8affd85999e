using System.Net;
using System.Net.Sockets;

namespace Alluxio.Journal.Tests;

internal static class FreePort
{
    /// <summary>A loopback endpoint on a port the OS just handed out and nobody listens on.</summary>
    public static IPEndPoint Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new IPEndPoint(IPAddress.Loopback, port);
    }
}

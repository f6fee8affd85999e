using System.Net;
using System.Net.Sockets;

namespace Alluxio.Server.Hosting;

/// <summary>What a server process needs to bind its ports and to say plainly why it could not.</summary>
internal static class HostBinding
{
    /// <summary>The address to listen on for a bind host setting: 0.0.0.0 (or empty) is every interface.</summary>
    public static IPAddress Address(string host) =>
        host is "0.0.0.0" or "" ? IPAddress.Any
        : IPAddress.TryParse(host, out var address) ? address
        : Dns.GetHostAddresses(host).First();

    /// <summary>True when <paramref name="e"/> (Kestrel wraps the socket error more than once) means a port is taken.</summary>
    public static bool IsAddressInUse(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}

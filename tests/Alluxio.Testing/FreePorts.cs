using System.Net;
using System.Net.Sockets;

namespace Alluxio.Testing;

/// <summary>
/// Ports nothing listens on right now, for a process that takes its ports from its configuration and cannot be
/// told to bind port 0. Another process may take one before it is used; starters retry on "address in use".
/// </summary>
public static class FreePorts
{
    /// <summary>Returns <paramref name="count"/> distinct free ports, each held open until all are chosen.</summary>
    public static int[] Pick(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                // Any, as the master binds 0.0.0.0: a port free on loopback only would still clash.
                var listener = new TcpListener(IPAddress.Any, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}

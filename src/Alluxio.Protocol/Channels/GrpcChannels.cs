using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Channels;

/// <summary>
/// How clients, and workers calling the master or each other, open a channel to a server: plain HTTP/2 (h2c) over pooled sockets with
/// keep-alive pings, so a server that vanishes is noticed and a new connection is made when it is back.
/// </summary>
public static class GrpcChannels
{
    /// <summary>The largest answer accepted, as Alluxio's alluxio.user.network.rpc.max.inbound.message.size (100MB).</summary>
    private const int MaxReceiveMessageSize = 100 * 1024 * 1024;

    public static GrpcChannel Create(string address, TimeSpan connectTimeout, ILoggerFactory loggerFactory)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
            InitialHttp2StreamWindowSize = 16 << 20,
        };
        return GrpcChannel.ForAddress($"http://{address}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            LoggerFactory = loggerFactory,
            MaxReceiveMessageSize = MaxReceiveMessageSize,
        });
    }
}

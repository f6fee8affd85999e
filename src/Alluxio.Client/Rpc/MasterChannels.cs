using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Alluxio.Client.Rpc;

/// <summary>
/// One gRPC channel per master address, opened on first use and reused by every call after it: plain HTTP/2 (h2c)
/// over pooled sockets with keep-alive pings, so a master that vanishes is noticed and a new connection is made
/// when it is back.
/// </summary>
internal sealed class MasterChannels : IDisposable
{
    /// <summary>The largest answer accepted, as Alluxio's alluxio.user.network.rpc.max.inbound.message.size (100MB).</summary>
    private const int MaxReceiveMessageSize = 100 * 1024 * 1024;

    private readonly GrpcChannel?[] _channels;
    private readonly TimeSpan _connectTimeout;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private bool _disposed;

    public MasterChannels(IReadOnlyList<string> addresses, TimeSpan connectTimeout, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        Addresses = addresses;
        _channels = new GrpcChannel?[addresses.Count];
        _connectTimeout = connectTimeout;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MasterChannels>();
    }

    /// <summary>The host:port of each master.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>The channel to the master at index <paramref name="index"/>.</summary>
    public GrpcChannel Get(int index)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_channels[index] is { } channel)
            {
                return channel;
            }

            var handler = new SocketsHttpHandler
            {
                ConnectTimeout = _connectTimeout,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
                EnableMultipleHttp2Connections = true,
            };
            channel = GrpcChannel.ForAddress($"http://{Addresses[index]}", new GrpcChannelOptions
            {
                HttpHandler = handler,
                DisposeHttpClient = true,
                LoggerFactory = _loggerFactory,
                MaxReceiveMessageSize = MaxReceiveMessageSize,
            });
            _channels[index] = channel;
            Log.ChannelOpened(_logger, Addresses[index]);
            return channel;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var channel in _channels)
            {
                channel?.Dispose();
            }
        }
    }
}

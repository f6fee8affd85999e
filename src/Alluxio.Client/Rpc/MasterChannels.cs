using Alluxio.Grpc.Channels;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Alluxio.Client.Rpc;

/// <summary>
/// One gRPC channel per master address, opened on first use and reused by every call after it.
/// </summary>
internal sealed class MasterChannels : IDisposable
{
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

            channel = GrpcChannels.Create(Addresses[index], _connectTimeout, _loggerFactory);
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

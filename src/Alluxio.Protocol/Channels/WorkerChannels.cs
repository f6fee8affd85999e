using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Channels;

/// <summary>One gRPC channel per worker address (host:port), opened on first use and shared by every stream.</summary>
public sealed class WorkerChannels(TimeSpan connectTimeout, ILoggerFactory loggerFactory) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _disposed;

    public GrpcChannel Get(string address)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _channels.GetOrAdd(address, a => new Lazy<GrpcChannel>(() => GrpcChannels.Create(a, connectTimeout, loggerFactory))).Value;
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var channel in _channels.Values)
        {
            if (channel.IsValueCreated)
            {
                channel.Value.Dispose();
            }
        }

        _channels.Clear();
    }
}

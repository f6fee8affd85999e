using System.Collections.Concurrent;
using Alluxio.Errors;

namespace Alluxio.Server.Proxy;

/// <summary>
/// The files the REST API holds open between calls, by the stream id open-file and create-file returned, until
/// /api/v1/streams/{id}/close. At most <see cref="MaxOpen"/> are open at once, so clients that never close cannot
/// exhaust the proxy.
/// </summary>
internal sealed class ProxyStreams : IAsyncDisposable
{
    public const int MaxOpen = 1024;

    private readonly ConcurrentDictionary<int, Stream> _open = new();
    private int _lastId;

    public int Add(Stream stream)
    {
        if (_open.Count >= MaxOpen)
        {
            throw new AlluxioException(ErrorType.ResourceExhausted, $"The proxy holds {MaxOpen} open streams already; close some with /api/v1/streams/{{id}}/close.");
        }

        var id = Interlocked.Increment(ref _lastId);
        _open[id] = stream;
        return id;
    }

    public Stream Get(int id) =>
        _open.TryGetValue(id, out var stream) ? stream : throw new AlluxioException(ErrorType.FileDoesNotExist, $"No stream {id} is open; open-file and create-file give the ids.");

    public Stream Remove(int id) =>
        _open.TryRemove(id, out var stream) ? stream : throw new AlluxioException(ErrorType.FileDoesNotExist, $"No stream {id} is open; open-file and create-file give the ids.");

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _open.Keys)
        {
            if (_open.TryRemove(id, out var stream))
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

using System.Collections.Concurrent;

namespace Alluxio.Fuse.Files;

/// <summary>The files and directories open through the mount, by the handle number the kernel passes back.</summary>
internal sealed class OpenHandles
{
    private readonly ConcurrentDictionary<ulong, IAsyncDisposable> _open = new();
    private long _next;

    public int Count => _open.Count;

    public ulong Add(IAsyncDisposable handle)
    {
        var id = (ulong)Interlocked.Increment(ref _next);
        _open[id] = handle;
        return id;
    }

    /// <exception cref="FuseException">EBADF: no such handle, or not one of this kind.</exception>
    public T Get<T>(ulong id)
        where T : class =>
        _open.TryGetValue(id, out var handle) && handle is T typed
            ? typed
            : throw new FuseException(Errno.EBADF, $"Handle {id} is not an open {typeof(T).Name}.");

    public IAsyncDisposable? Find(ulong id) => _open.TryGetValue(id, out var handle) ? handle : null;

    /// <summary>
    /// Puts <paramref name="handle"/> in the place of <paramref name="expected"/>; false when that is no longer the
    /// handle open as <paramref name="id"/>. The caller closes whichever it no longer needs.
    /// </summary>
    public bool Replace(ulong id, IAsyncDisposable expected, IAsyncDisposable handle) => _open.TryUpdate(id, handle, expected);

    public IAsyncDisposable? Remove(ulong id) => _open.TryRemove(id, out var handle) ? handle : null;

    /// <summary>Takes every handle out, for closing them all.</summary>
    public List<IAsyncDisposable> RemoveAll()
    {
        var all = new List<IAsyncDisposable>();
        foreach (var id in _open.Keys)
        {
            if (Remove(id) is { } handle)
            {
                all.Add(handle);
            }
        }

        return all;
    }
}

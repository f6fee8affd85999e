namespace Alluxio.Master.Locking;

/// <summary>Holds the subtree locks of one operation until disposed.</summary>
public sealed class PathLease : IDisposable
{
    private readonly PathLockManager _manager;
    private string[]? _paths;

    internal PathLease(PathLockManager manager, string[] paths)
    {
        _manager = manager;
        _paths = paths;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _paths, null) is { } paths)
        {
            _manager.Release(paths);
        }
    }
}

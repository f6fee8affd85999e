using Alluxio.Paths;

namespace Alluxio.Master.Locking;

/// <summary>
/// Write locks on subtrees of the namespace for operations that change it. A lock on a path covers the path and
/// everything below it, so two locks conflict when one path is the other or lies below it; operations on disjoint
/// subtrees run in parallel. An operation takes all its paths at once (a rename takes both), which rules out
/// deadlock; waiters are served in arrival order so none starves. Readers never take these locks: they read the
/// tree under its short in-memory lock, so they never wait behind a UFS call that a writer makes here.
/// </summary>
public sealed class PathLockManager
{
    private readonly Lock _gate = new();
    private readonly List<string[]> _held = [];
    private readonly LinkedList<Waiter> _waiters = [];

    /// <summary>The number of locks held now.</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The number of operations waiting for a lock now.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Locks the subtrees at <paramref name="paths"/>, waiting for conflicting holders to finish.</summary>
    public async ValueTask<PathLease> LockAsync(IReadOnlyList<AlluxioUri> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var wanted = paths.Select(p => p.Path).Distinct(StringComparer.Ordinal).ToArray();
        Waiter waiter;
        LinkedListNode<Waiter> node;
        lock (_gate)
        {
            if (_waiters.Count == 0 && !ConflictsWithHeld(wanted))
            {
                _held.Add(wanted);
                return new PathLease(this, wanted);
            }

            waiter = new Waiter(wanted);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Completion.TrySetCanceled(token), waiter))
        {
            try
            {
                await waiter.Completion.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    if (node.List is not null)
                    {
                        _waiters.Remove(node);
                        GrantWaiters();
                        throw;
                    }
                }

                // Already taken off the queue: either granted just before the cancellation (give the lock back) or
                // cancelled as it was being granted (then it holds nothing and the release only wakes others).
                Release(wanted);
                throw;
            }
        }

        return new PathLease(this, wanted);
    }

    /// <summary>Locks the subtree at <paramref name="path"/>.</summary>
    public ValueTask<PathLease> LockAsync(AlluxioUri path, CancellationToken cancellationToken) =>
        LockAsync([path], cancellationToken);

    internal void Release(string[] paths)
    {
        lock (_gate)
        {
            _held.Remove(paths);
            GrantWaiters();
        }
    }

    private void GrantWaiters()
    {
        // A waiter is granted when it conflicts with no holder and no earlier waiter, so arrival order is kept.
        List<string[]>? blocked = null;
        for (var node = _waiters.First; node is not null;)
        {
            var next = node.Next;
            var waiter = node.Value;
            if (!ConflictsWithHeld(waiter.Paths) && !(blocked?.Exists(b => Conflicts(b, waiter.Paths)) ?? false))
            {
                _waiters.Remove(node);
                if (waiter.Completion.TrySetResult())
                {
                    _held.Add(waiter.Paths);
                }
            }
            else
            {
                (blocked ??= []).Add(waiter.Paths);
            }

            node = next;
        }
    }

    private bool ConflictsWithHeld(string[] paths) => _held.Exists(h => Conflicts(h, paths));

    private static bool Conflicts(string[] a, string[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (Overlaps(x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when one path is the other or an ancestor of it.</summary>
    internal static bool Overlaps(string x, string y)
    {
        if (x.Length > y.Length)
        {
            (x, y) = (y, x);
        }

        return x == "/"
            || (y.StartsWith(x, StringComparison.Ordinal) && (y.Length == x.Length || y[x.Length] == AlluxioUri.Separator));
    }

    private sealed class Waiter(string[] paths)
    {
        public string[] Paths { get; } = paths;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

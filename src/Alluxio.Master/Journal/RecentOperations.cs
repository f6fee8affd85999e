namespace Alluxio.Master.Journal;

/// <summary>
/// Operation ids of recently applied entries. A client that lost the answer to a change retries with the same
/// operation id; finding it here, the master answers success instead of doing the change twice. Bounded in count;
/// an id older than the bound is forgotten, as Alluxio's (and Ratis's) retry caches forget.
/// </summary>
public sealed class RecentOperations
{
    public const int DefaultCapacity = 65536;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    public RecentOperations(int capacity = DefaultCapacity)
    {
        _capacity = capacity;
    }

    public bool Contains(string operationId)
    {
        lock (_gate)
        {
            return _ids.Contains(operationId);
        }
    }

    internal void Add(string operationId)
    {
        lock (_gate)
        {
            if (!_ids.Add(operationId))
            {
                return;
            }

            _order.Enqueue(operationId);
            while (_order.Count > _capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _ids.Clear();
            _order.Clear();
        }
    }
}

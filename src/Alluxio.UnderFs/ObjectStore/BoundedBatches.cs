namespace Alluxio.UnderFs.ObjectStore;

/// <summary>
/// Groups items that arrive one by one (say, from a streamed listing) into batches of a fixed size and runs an
/// action on each full batch, with at most a fixed number of batches in flight, so the work keeps pace with the
/// stream without holding it whole. The first failure cancels the other batches and is thrown to the producer.
/// </summary>
internal sealed class BoundedBatches<T> : IDisposable
{
    private readonly int _batchSize;
    private readonly int _maxInFlight;
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _action;
    private readonly CancellationTokenSource _cancellation;
    private readonly List<Task> _inFlight = [];
    private List<T> _pending;

    public BoundedBatches(int batchSize, int maxInFlight, Func<IReadOnlyList<T>, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _batchSize = batchSize;
        _maxInFlight = maxInFlight;
        _action = action;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pending = new List<T>(batchSize);
    }

    public async Task AddAsync(T item)
    {
        _pending.Add(item);
        if (_pending.Count == _batchSize)
        {
            await StartPendingAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs the last, partial batch and waits for every batch.</summary>
    public async Task CompleteAsync()
    {
        if (_pending.Count > 0)
        {
            await StartPendingAsync().ConfigureAwait(false);
        }

        await WhenAllAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        // Batches still running when the producer gave up are told to stop.
        if (_inFlight.Any(t => !t.IsCompleted))
        {
            _cancellation.Cancel();
        }

        _cancellation.Dispose();
    }

    private async Task StartPendingAsync()
    {
        while (_inFlight.Count >= _maxInFlight)
        {
            var done = await Task.WhenAny(_inFlight).ConfigureAwait(false);
            _inFlight.Remove(done);
            await ObserveAsync(done).ConfigureAwait(false);
        }

        var batch = _pending;
        _pending = new List<T>(_batchSize);
        _inFlight.Add(_action(batch, _cancellation.Token));
    }

    private async Task WhenAllAsync()
    {
        try
        {
            await Task.WhenAll(_inFlight).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Clear();
        }
    }

    private async Task ObserveAsync(Task done)
    {
        try
        {
            await done.ConfigureAwait(false);
        }
        catch
        {
            await _cancellation.CancelAsync().ConfigureAwait(false);
            try
            {
                await WhenAllAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The first failure is the one worth reporting; the others are its echoes or cancellations.
            }

            throw;
        }
    }
}

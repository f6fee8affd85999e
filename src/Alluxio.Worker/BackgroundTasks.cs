namespace Alluxio.Worker;

/// <summary>Work the worker runs on its own (commands, asynchronous caching), cancelled and awaited when it stops.</summary>
internal sealed class BackgroundTasks : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _stopped;

    /// <summary>Runs <paramref name="work"/> in the background; it must handle its own failures.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var task = Task.Run(() => work(_stopping.Token), CancellationToken.None);
            _running.Add(task);
            _ = task.ContinueWith(
                t =>
                {
                    lock (_lock)
                    {
                        _running.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_lock)
        {
            _stopped = true;
            running = [.. _running];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Work cut short by the stop, as asked.
        }

        _stopping.Dispose();
    }
}

using Alluxio.Client;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs.Data;

/// <summary>Schedules one file's persistence and polls its status until the master reports it persisted.</summary>
internal sealed class PersistWaiter(FileSystem fileSystem, PersistSettings settings)
{
    /// <summary>Alluxio's alluxio.user.file.waitcompleted.poll: how often the status is asked for.</summary>
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Persists <paramref name="path"/>; null on success, else Alluxio's line saying it failed.</summary>
    public async Task<string?> PersistAsync(string path, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Timeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }

        try
        {
            await fileSystem.ScheduleAsyncPersistenceAsync(path, settings.Wait, deadline.Token).ConfigureAwait(false);
            while (!(await fileSystem.GetStatusAsync(path, cancellationToken: deadline.Token).ConfigureAwait(false)).IsPersisted)
            {
                await Task.Delay(s_pollInterval, deadline.Token).ConfigureAwait(false);
            }

            return null;
        }
        catch (Exception e) when (e is OperationCanceledException or AlluxioException
            && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"Timed out waiting for file to be persisted: {path}";
        }
        catch (AlluxioException e)
        {
            return $"Failed to persist file {path}: {e.Message}";
        }
    }
}

using Alluxio.Configuration;
using Alluxio.UnderFs;
using Alluxio.Worker.Master;

namespace Alluxio.Worker.Ufs;

/// <summary>
/// One UFS client per mount id, made once from what the master's GetUfsInfo says (the mount's URI and options,
/// credentials included, as the UFS's configuration) and kept: a remount gets a new mount id. A failed lookup is
/// not kept, so the next request asks again. The options are never logged, and their credentials join the
/// process's <see cref="KnownSecrets"/>.
/// </summary>
internal sealed class UfsClients(
    BlockMasterClient master, UnderFileSystemRegistry registry, AlluxioConfiguration configuration, KnownSecrets? secrets, WorkerMetrics metrics) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Task<MountedUfs>> _clients = [];
    private readonly CancellationTokenSource _disposed = new();

    public async Task<MountedUfs> GetAsync(long mountId, CancellationToken cancellationToken)
    {
        Task<MountedUfs>? client;
        lock (_lock)
        {
            if (!_clients.TryGetValue(mountId, out client))
            {
                // Not the first caller's token: every request for this mount waits on the same lookup.
                client = CreateAsync(mountId, _disposed.Token);
                _clients.Add(mountId, client);
            }
        }

        try
        {
            return await client.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (client.IsFaulted || client.IsCanceled)
        {
            lock (_lock)
            {
                if (_clients.TryGetValue(mountId, out var current) && current == client)
                {
                    _clients.Remove(mountId);
                }
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        Task<MountedUfs>[] clients;
        lock (_lock)
        {
            clients = [.. _clients.Values];
        }

        foreach (var client in clients.Where(c => c.IsCompletedSuccessfully))
        {
            await client.Result.Ufs.DisposeAsync().ConfigureAwait(false);
        }

        _disposed.Dispose();
    }

    private async Task<MountedUfs> CreateAsync(long mountId, CancellationToken cancellationToken)
    {
        var info = await master.GetUfsInfoAsync(mountId, cancellationToken).ConfigureAwait(false);

        // The process's log scrubs the mount's credentials from now on, wherever they would show.
        secrets?.AddFrom(info.Properties);
        var ufs = registry.Create(info.UfsUri, UnderFileSystemConfiguration.ForMount(configuration, info.Properties, info.ReadOnly));
        return new MountedUfs(ufs, metrics.ForUfs(info.UfsUri));
    }
}

using System.Collections.Concurrent;
using Alluxio.Grpc;
using Alluxio.Worker.BlockStore;
using Alluxio.Worker.Ufs;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Master;

/// <summary>
/// Runs the master's free, persist and load commands in the background, so a slow one never holds up the heartbeat,
/// and keeps their outcomes (persisted files, failed loads) for the next heartbeat; a pin list replaces the store's
/// at once. A file or block already being worked on is not started twice when the master repeats a command.
/// </summary>
internal sealed class CommandExecutor(
    TieredBlockStore store, BlockCacher cacher, FilePersister persister, ILogger logger) : IAsyncDisposable
{
    private readonly BackgroundTasks _background = new();
    private readonly ConcurrentDictionary<long, byte> _persisting = new();
    private readonly ConcurrentQueue<PersistedFile> _persisted = new();
    private readonly ConcurrentDictionary<long, string> _failedLoads = new();

    /// <summary>Starts a free, persist or load command, or takes a pin list; <paramref name="selfWorkerId"/> is this worker's id.</summary>
    public void Execute(WorkerCommand command, long? selfWorkerId)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.CommandCase)
        {
            case WorkerCommand.CommandOneofCase.Free:
                var blockIds = command.Free.BlockIds.ToArray();
                _background.Run(stopping => FreeAsync(blockIds, stopping));
                break;
            case WorkerCommand.CommandOneofCase.Persist:
                foreach (var file in command.Persist.Files.Where(f => _persisting.TryAdd(f.FileId, 0)))
                {
                    _background.Run(stopping => PersistAsync(file, selfWorkerId, stopping));
                }

                break;
            case WorkerCommand.CommandOneofCase.Load:
                foreach (var block in command.Load.Blocks)
                {
                    var options = new OpenUfsBlockOptions
                    {
                        UfsPath = block.UfsPath,
                        OffsetInFile = block.OffsetInFile,
                        BlockSize = block.Length,
                        MountId = block.MountId,
                        ContentHash = block.ContentHash,
                    };
                    cacher.CacheInBackground(block.BlockId, options, e =>
                    {
                        WorkerLog.LoadFailed(logger, block.BlockId, e.ErrorType, e.Message);
                        _failedLoads[block.BlockId] = e.Message;
                    });
                }

                break;
            case WorkerCommand.CommandOneofCase.PinList:
                store.SetPinnedFiles(command.PinList.FileIds);
                break;
        }
    }

    /// <summary>Takes the outcomes gathered since the last call.</summary>
    public (List<PersistedFile> Persisted, Dictionary<long, string> FailedLoads) TakeResults()
    {
        var persisted = new List<PersistedFile>();
        while (_persisted.TryDequeue(out var file))
        {
            persisted.Add(file);
        }

        var failed = new Dictionary<long, string>();
        foreach (var blockId in _failedLoads.Keys)
        {
            if (_failedLoads.TryRemove(blockId, out var reason))
            {
                failed[blockId] = reason;
            }
        }

        return (persisted, failed);
    }

    /// <summary>Puts back outcomes a failed heartbeat did not deliver.</summary>
    public void ReturnResults(List<PersistedFile> persisted, Dictionary<long, string> failedLoads)
    {
        ArgumentNullException.ThrowIfNull(persisted);
        ArgumentNullException.ThrowIfNull(failedLoads);
        foreach (var file in persisted)
        {
            _persisted.Enqueue(file);
        }

        foreach (var (blockId, reason) in failedLoads)
        {
            _failedLoads.TryAdd(blockId, reason);
        }
    }

    public ValueTask DisposeAsync() => _background.DisposeAsync();

    private async Task FreeAsync(long[] blockIds, CancellationToken cancellationToken)
    {
        foreach (var blockId in blockIds)
        {
            if (!await store.RemoveBlockAsync(blockId, cancellationToken).ConfigureAwait(false))
            {
                WorkerLog.FreeMissing(logger, blockId);
            }
        }
    }

    private async Task PersistAsync(PersistFile file, long? selfWorkerId, CancellationToken cancellationToken)
    {
        try
        {
            var contentHash = await persister.PersistAsync(file, selfWorkerId, cancellationToken).ConfigureAwait(false);
            WorkerLog.Persisted(logger, file.FileId, file.UfsPath);
            _persisted.Enqueue(new PersistedFile { FileId = file.FileId, ContentHash = contentHash });
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = WorkerErrors.From(e, $"Persisting file {file.FileId} to {file.UfsPath}");
            WorkerLog.PersistFailed(logger, file.FileId, file.UfsPath, error.ErrorType, error.Message);
            _persisted.Enqueue(new PersistedFile { FileId = file.FileId, Error = error.Message });
        }
        finally
        {
            _persisting.TryRemove(file.FileId, out _);
        }
    }
}

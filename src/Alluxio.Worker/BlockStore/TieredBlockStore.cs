using Alluxio.Errors;
using Alluxio.Ids;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.Worker.BlockStore;

/// <summary>
/// The worker's blocks on local folders in tiers. A session writes a block into a temporary file, reserving space as
/// it goes, and commits or aborts it; readers hold a lease that keeps a block from eviction and removal. When a
/// reservation does not fit, least recently used blocks of that folder are evicted on the spot.
/// </summary>
/// <remarks>
/// Thread-safe. One lock guards the bookkeeping and is never held across file I/O: a change is decided under the
/// lock and its files are created, moved or deleted after it is released.
/// </remarks>
public sealed partial class TieredBlockStore
{
    private readonly Lock _lock = new();
    private readonly TieredStoreOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IReadOnlyList<StorageDir>> _tiers;
    private readonly Dictionary<long, CommittedBlock> _blocks = [];
    private readonly Dictionary<long, TempBlock> _tempBlocks = [];
    private HashSet<long> _pinned = [];
    private HashSet<long> _pinnedFiles = [];
    private long _accessClock;

    private TieredBlockStore(TieredStoreOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _tiers = [.. options.Tiers.Select(t => (IReadOnlyList<StorageDir>)[.. t.Dirs.Select(d => new StorageDir(t, d))])];
    }

    /// <summary>A committed block left the store, evicted or removed. Raised after its file is deleted, outside any lock.</summary>
    public event EventHandler<BlockRemovedEventArgs>? BlockRemoved;

    /// <summary>
    /// Opens the store over its folders, creating them when missing. Blocks committed before a restart are found again
    /// from their files; unfinished blocks in <c>.tmp_blocks</c> are deleted.
    /// </summary>
    public static async Task<TieredBlockStore> OpenAsync(
        TieredStoreOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TieredBlockStore>();
        var store = new TieredBlockStore(options, logger);
        await Task.Run(store.LoadFolders, cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Replaces the set of pinned block ids; a pinned block is never evicted.</summary>
    public void SetPinnedBlocks(IEnumerable<long> blockIds)
    {
        ArgumentNullException.ThrowIfNull(blockIds);
        var pinned = blockIds.ToHashSet();
        lock (_lock)
        {
            _pinned = pinned;
        }
    }

    /// <summary>Replaces the set of pinned file ids (the master's pin list); no block of a pinned file is evicted.</summary>
    public void SetPinnedFiles(IEnumerable<long> fileIds)
    {
        ArgumentNullException.ThrowIfNull(fileIds);
        var pinned = fileIds.ToHashSet();
        lock (_lock)
        {
            _pinnedFiles = pinned;
        }
    }

    /// <summary>How many files the pin list names.</summary>
    public int PinnedFileCount
    {
        get
        {
            lock (_lock)
            {
                return _pinnedFiles.Count;
            }
        }
    }

    /// <summary>The committed block, or null.</summary>
    public BlockInfo? FindBlock(long blockId)
    {
        lock (_lock)
        {
            return _blocks.GetValueOrDefault(blockId)?.ToInfo();
        }
    }

    /// <summary>Every tier's totals, without listing blocks: cheap enough for every heartbeat and metrics scrape.</summary>
    public IReadOnlyList<StorageTierUsage> GetUsage()
    {
        lock (_lock)
        {
            return
            [
                .. _tiers.Select((dirs, ordinal) => new StorageTierUsage(
                    _options.Tiers[ordinal].Alias, dirs.Sum(d => d.Capacity), dirs.Sum(d => d.UsedBytes), dirs.Sum(d => d.Blocks.Count))),
            ];
        }
    }

    /// <summary>Every tier and folder with its capacity, used bytes and committed blocks.</summary>
    public IReadOnlyList<StorageTierReport> GetReport()
    {
        lock (_lock)
        {
            return
            [
                .. _tiers.Select((dirs, ordinal) =>
                {
                    var dirReports = dirs
                        .Select(d => new StorageDirReport(
                            d.DataPath, d.Capacity, d.UsedBytes,
                            [.. d.Blocks.Values.OrderBy(b => b.BlockId).Select(b => b.ToInfo())]))
                        .ToList();
                    return new StorageTierReport(
                        ordinal, _options.Tiers[ordinal].Alias,
                        dirReports.Sum(d => d.Capacity), dirReports.Sum(d => d.UsedBytes), dirReports);
                }),
            ];
        }
    }

    private void LoadFolders()
    {
        foreach (var dir in _tiers.SelectMany(t => t))
        {
            Directory.CreateDirectory(dir.DataPath);
            if (Directory.Exists(dir.TempPath))
            {
                Directory.Delete(dir.TempPath, recursive: true);
                Log.TempBlocksDeleted(_logger, dir.TempPath);
            }

            Directory.CreateDirectory(dir.TempPath);
            foreach (var file in new DirectoryInfo(dir.DataPath).EnumerateFiles())
            {
                if (!BlockFileName.TryParse(file.Name, out var blockId))
                {
                    Log.ForeignFileIgnored(_logger, file.FullName);
                    continue;
                }

                if (_blocks.TryGetValue(blockId, out var existing))
                {
                    Log.DuplicateBlockIgnored(_logger, file.FullName, blockId, existing.Dir.DataPath);
                    continue;
                }

                var block = new CommittedBlock(blockId, file.Length, dir) { LastAccess = ++_accessClock };
                dir.Blocks.Add(blockId, block);
                dir.UsedBytes += block.Length;
                _blocks.Add(blockId, block);
            }

            Log.DirOpened(_logger, dir.DataPath, dir.Tier.Alias, dir.Blocks.Count, dir.UsedBytes, dir.Capacity);
            if (dir.UsedBytes > dir.Capacity)
            {
                Log.DirOverQuota(_logger, dir.DataPath, dir.UsedBytes, dir.Capacity);
            }
        }
    }

    /// <summary>Whether a block is pinned, by itself or as a block of a pinned file. Call under the lock.</summary>
    private bool IsPinned(long blockId) => _pinned.Contains(blockId) || _pinnedFiles.Contains(InodeIds.FileIdOfBlock(blockId));

    /// <summary>
    /// Reserves <paramref name="bytes"/> in <paramref name="dir"/>, choosing least recently used blocks to evict when
    /// they do not fit, and takes the victims out of the bookkeeping. Call under the lock; delete the victims' files
    /// after it with <see cref="DeleteBlockFilesAsync"/>.
    /// </summary>
    private List<CommittedBlock> ReserveLocked(StorageDir dir, long bytes)
    {
        if (dir.AvailableBytes >= bytes)
        {
            dir.UsedBytes += bytes;
            return [];
        }

        var victims = LruEvictor.SelectVictims(dir, bytes, bytes + _options.FreeAheadBytes, IsPinned)
            ?? throw new AlluxioException(
                ErrorType.ResourceExhausted,
                $"Cannot reserve {bytes} bytes in tier {dir.Tier.Alias} ({dir.DataPath}): only {Math.Max(0, dir.AvailableBytes)} bytes are free and the other blocks are pinned or being read.");
        foreach (var victim in victims)
        {
            ForgetLocked(victim);
        }

        dir.UsedBytes += bytes;
        return victims;
    }

    private void ForgetLocked(CommittedBlock block)
    {
        block.Dir.Blocks.Remove(block.BlockId);
        block.Dir.UsedBytes -= block.Length;
        _blocks.Remove(block.BlockId);
    }

    private async Task DeleteBlockFilesAsync(List<CommittedBlock> blocks, BlockRemovalReason reason)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        await Task.Run(() =>
        {
            foreach (var block in blocks)
            {
                try
                {
                    File.Delete(block.Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Log.BlockFileNotDeleted(_logger, e, block.BlockId, block.Path);
                }

                if (reason == BlockRemovalReason.Evicted)
                {
                    Log.BlockEvicted(_logger, block.BlockId, block.Length, block.Dir.DataPath);
                }
            }
        }).ConfigureAwait(false);

        foreach (var block in blocks)
        {
            BlockRemoved?.Invoke(this, new BlockRemovedEventArgs(block.BlockId, block.Dir.Tier.Alias, reason));
        }
    }
}

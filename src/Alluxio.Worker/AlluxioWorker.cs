using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.UnderFs;
using Alluxio.Worker.Blocks;
using Alluxio.Worker.BlockStore;
using Alluxio.Worker.Grpc;
using Alluxio.Worker.Master;
using Alluxio.Worker.Ufs;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker;

/// <summary>
/// A worker's parts, put together once for the process and for in-process tests: the tiered store, the UFS clients
/// per mount, the block fills, the data service's handlers and the link to the master. <see cref="Start"/> begins
/// registering and heartbeating; disposing stops the link and the fills (aborting their temporary blocks), waits
/// for commands in flight and closes the UFS clients.
/// </summary>
public sealed class AlluxioWorker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly BlockMasterClient _master;
    private readonly UfsClients _ufsClients;
    private readonly BlockFills _fills;
    private readonly RemoteBlockReader _remote;
    private readonly CommandExecutor _commands;
    private readonly PinnedBlocks _pinned;
    private Task _link = Task.CompletedTask;

    private AlluxioWorker(
        AlluxioConfiguration configuration, TieredStoreOptions storeOptions, TieredBlockStore store, UnderFileSystemRegistry registry,
        WorkerMetrics metrics, ILoggerFactory loggerFactory, TimeProvider time, KnownSecrets? secrets)
    {
        var logger = loggerFactory.CreateLogger<AlluxioWorker>();
        Store = store;
        StartTime = time.GetUtcNow();
        _master = new BlockMasterClient(
            MasterAddresses.From(configuration)[0], configuration.GetDuration(PropertyKeys.WorkerMasterConnectRetryTimeout), time, loggerFactory);
        Link = new MasterLink(
            _master, store, new StoreLocations(storeOptions), metrics, configuration.GetDuration(PropertyKeys.WorkerBlockHeartbeatInterval), time,
            loggerFactory.CreateLogger<MasterLink>());
        var committer = new BlockCommitter(Link);
        _ufsClients = new UfsClients(_master, registry, configuration, secrets, metrics);
        _fills = new BlockFills(store, _ufsClients, committer, metrics, loggerFactory.CreateLogger<BlockFills>());
        _remote = new RemoteBlockReader(loggerFactory);
        _pinned = new PinnedBlocks(store);
        Cacher = new BlockCacher(store, _fills, configuration.GetInt(PropertyKeys.WorkerNetworkAsyncCacheManagerThreadsMax));
        _commands = new CommandExecutor(store, Cacher, new FilePersister(store, _ufsClients, _remote, logger), logger);
        Reader = new BlockReader(store, _fills, _ufsClients, metrics, (int)configuration.GetBytes(PropertyKeys.UserNetworkReaderChunkSizeBytes));
        BlockWriter = new BlockWriteHandler(store, committer, _pinned, metrics);
        UfsFileWriter = new UfsFileWriteHandler(store, _ufsClients, committer, metrics, logger);
        metrics.Observe(store);
    }

    public TieredBlockStore Store { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>The id the master gave this worker, or null before it registered.</summary>
    public long? WorkerId => Link.WorkerId;

    internal MasterLink Link { get; }

    internal BlockReader Reader { get; }

    internal BlockWriteHandler BlockWriter { get; }

    internal UfsFileWriteHandler UfsFileWriter { get; }

    internal BlockCacher Cacher { get; }

    /// <summary>Opens the store of alluxio.worker.tieredstore.* (creating its folders) and puts the worker together.</summary>
    /// <param name="secrets">The process's secrets to scrub from logs; mounts' credentials are added as they are learnt.</param>
    /// <exception cref="ConfigurationException">The tiers are misconfigured.</exception>
    /// <exception cref="IOException">A block folder cannot be created or read.</exception>
    /// <exception cref="UnauthorizedAccessException">A block folder is not accessible.</exception>
    public static async Task<AlluxioWorker> CreateAsync(
        AlluxioConfiguration configuration, UnderFileSystemRegistry registry, WorkerMetrics metrics, ILoggerFactory loggerFactory, TimeProvider time,
        KnownSecrets? secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var options = TieredStoreOptions.FromConfiguration(configuration);
        var store = await TieredBlockStore.OpenAsync(options, loggerFactory, cancellationToken).ConfigureAwait(false);
        return new AlluxioWorker(configuration, options, store, registry, metrics, loggerFactory, time, secrets);
    }

    /// <summary>Starts registering with the master and heartbeating as <paramref name="address"/>.</summary>
    public void Start(WorkerNetAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _link = Link.RunAsync(address, StartTime, _commands, _stopping.Token);
    }

    /// <summary>Removes every block that is not pinned.</summary>
    public async Task FreeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var block in Store.GetReport().SelectMany(t => t.Dirs).SelectMany(d => d.Blocks))
        {
            if (!_pinned.Contains(block.BlockId))
            {
                await Store.RemoveBlockAsync(block.BlockId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends calls in flight: their writes abort and their leases end.</summary>
    public Task BeginStopAsync() => _stopping.CancelAsync();

    /// <summary>The namespace paths of files by id, for the web UI's block listing; unknown ids are left out.</summary>
    public Task<IReadOnlyDictionary<long, string>> GetFilePathsAsync(IEnumerable<long> fileIds, CancellationToken cancellationToken) =>
        _master.GetFilePathsAsync(fileIds, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await BeginStopAsync().ConfigureAwait(false);
        await _link.ConfigureAwait(false);
        await _commands.DisposeAsync().ConfigureAwait(false);
        await Cacher.DisposeAsync().ConfigureAwait(false);
        await _fills.DisposeAsync().ConfigureAwait(false);
        await _ufsClients.DisposeAsync().ConfigureAwait(false);
        _remote.Dispose();
        _master.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Runs one call with a token cancelled when the caller goes away or the worker stops; a call cut short by the
    /// stop fails as Unavailable, so its client retries elsewhere.
    /// </summary>
    internal async Task RunCallAsync(Func<CancellationToken, Task> call, CancellationToken callCancelled)
    {
        using var token = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, _stopping.Token);
        try
        {
            await call(token.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && _stopping.IsCancellationRequested && !callCancelled.IsCancellationRequested)
        {
            throw new AlluxioException(ErrorType.Unavailable, "The worker is stopping; the call was ended.", e);
        }
    }

    /// <inheritdoc cref="RunCallAsync(Func{CancellationToken, Task}, CancellationToken)"/>
    internal async Task<T> RunCallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken callCancelled)
    {
        T result = default!;
        await RunCallAsync(
            async token =>
            {
                result = await call(token).ConfigureAwait(false);
            },
            callCancelled).ConfigureAwait(false);
        return result;
    }
}

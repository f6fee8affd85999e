using Alluxio.Configuration;
using Alluxio.Grpc;
using Alluxio.Journal;
using Alluxio.Master.Block;
using Alluxio.Master.Commands;
using Alluxio.Master.Inodes;
using Alluxio.Master.Journal;
using Alluxio.Master.Locking;
using Alluxio.Master.Mounts;
using Alluxio.Master.Operations;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using Alluxio.UnderFs;
using Microsoft.Extensions.Logging;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master;

/// <summary>
/// The file system master: the namespace, its mounts and its sync with the UFS, kept durable by the journal, and the
/// block master with the concerns that give workers their work. Each operation lives in its own class; this one
/// wires them together and is what the gRPC services call.
/// </summary>
public sealed class FileSystemMaster : IAsyncDisposable
{
    private readonly ReadOperations _reads;
    private readonly CreateOperations _creates;
    private readonly DeleteOperation _delete;
    private readonly RenameOperation _rename;
    private readonly AttributeOperations _attributes;
    private readonly MountOperations _mounts;
    private readonly ConsistencyChecker _consistency;
    private readonly LoadOperation _load;

    private FileSystemMaster(NamespaceContext context)
    {
        Context = context;
        var sync = new MetadataSync(context);
        _reads = new ReadOperations(context, sync);
        _creates = new CreateOperations(context, sync, _reads);
        _delete = new DeleteOperation(context, sync);
        _rename = new RenameOperation(context, sync);
        var workerTimeout = context.Configuration.GetDuration(Configuration.PropertyKeys.MasterWorkerTimeout);
        var frees = new FreeJobTracker(context, workerTimeout);
        _attributes = new AttributeOperations(context, sync, frees);
        _mounts = new MountOperations(context, sync);
        _consistency = new ConsistencyChecker(context);
        TtlChecker = new TtlChecker(context, _delete, _attributes);
        Persistence = new PersistenceScheduler(context);
        Loads = new LoadScheduler(context);
        _load = new LoadOperation(context, sync, Loads);
        var loggers = context.LoggerFactory;
        Blocks = new BlockMaster(
            context.Workers,
            context.Tree,
            context.Time,
            workerTimeout,
            [
                new OrphanBlockCollector(context.Tree, context.Workers, loggers.CreateLogger<OrphanBlockCollector>()),
                frees,
                Persistence,
                Loads,
            ],
            [Persistence, Loads, new PinListSource(context.Tree)],
            loggers.CreateLogger<BlockMaster>());
    }

    public NamespaceContext Context { get; }

    public TtlChecker TtlChecker { get; }

    public BlockMaster Blocks { get; }

    public PersistenceScheduler Persistence { get; }

    public LoadScheduler Loads { get; }

    /// <summary>
    /// Builds the master over a fresh in-memory tree; <paramref name="openJournal"/> gets the state machine the
    /// journal drives. Call <see cref="StartAsync"/> before serving.
    /// </summary>
    public static FileSystemMaster Create(
        AlluxioConfiguration configuration,
        UnderFileSystemRegistry ufsRegistry,
        Func<IJournalStateMachine, IJournal> openJournal,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        KnownSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(openJournal);
        ArgumentNullException.ThrowIfNull(ufsRegistry);
        var tree = new InodeTree(new HeapInodeStore());
        var recent = new RecentOperations();
        var workers = new WorkerRegistry();
        var journal = openJournal(new NamespaceStateMachine(tree, recent, workers));
        var context = new NamespaceContext(
            configuration, tree, new PathLockManager(), journal, recent, new UfsManager(ufsRegistry, configuration, secrets), time, loggerFactory, workers);
        return new FileSystemMaster(context);
    }

    /// <summary>Replays the journal, makes the root mount match the configuration and takes up unfinished loads.</summary>
    public async Task StartAsync(string owner, CancellationToken cancellationToken)
    {
        await Context.Journal.StartAsync(cancellationToken).ConfigureAwait(false);
        await _mounts.InitializeRootAsync(owner, cancellationToken).ConfigureAwait(false);
        await Loads.ResumeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the block master's periodic work until cancelled: lost worker detection every
    /// alluxio.master.lost.worker.detection.interval and persistence every alluxio.master.persistence.scheduler.interval.
    /// </summary>
    public Task RunBackgroundAsync(CancellationToken cancellationToken)
    {
        var configuration = Context.Configuration;
        return Task.WhenAll(
            Blocks.RunLostWorkerDetectionAsync(configuration.GetDuration(Configuration.PropertyKeys.MasterLostWorkerDetectionInterval), cancellationToken),
            Persistence.RunAsync(configuration.GetDuration(Configuration.PropertyKeys.MasterPersistenceSchedulerInterval), cancellationToken));
    }

    /// <summary>The number of inodes, the root included.</summary>
    public long InodeCount
    {
        get
        {
            using (Context.Tree.ReadLocked())
            {
                return Context.Tree.Store.Count;
            }
        }
    }

    public Task<FileInfo> GetStatusAsync(AlluxioUri path, CallContext call, CancellationToken cancellationToken) =>
        _reads.GetStatusAsync(path, call, cancellationToken);

    public Task<bool> ExistsAsync(AlluxioUri path, CallContext call, CancellationToken cancellationToken) =>
        _reads.ExistsAsync(path, call, cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<FileInfo>> ListStatusAsync(AlluxioUri path, bool recursive, CallContext call, CancellationToken cancellationToken) =>
        _reads.ListStatusAsync(path, recursive, keyRange: null, call, cancellationToken);

    /// <summary>With <paramref name="keyRange"/>, one directory's children in that range, in object-key order.</summary>
    public IAsyncEnumerable<IReadOnlyList<FileInfo>> ListStatusAsync(
        AlluxioUri path, bool recursive, ListingKeyRange? keyRange, CallContext call, CancellationToken cancellationToken) =>
        _reads.ListStatusAsync(path, recursive, keyRange, call, cancellationToken);

    /// <summary>loadMetadata: brings the path (and its subtree when recursive) in from the UFS.</summary>
    public async Task LoadMetadataAsync(AlluxioUri path, bool recursive, CallContext call, CancellationToken cancellationToken)
    {
        await foreach (var _ in _reads.ListStatusAsync(path, recursive, keyRange: null, call, cancellationToken).ConfigureAwait(false))
        {
            // Listing loads; the entries themselves are not needed.
        }
    }

    public Task<FileInfo> CreateDirectoryAsync(AlluxioUri path, CreateDirectoryPOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _creates.CreateDirectoryAsync(path, options, call, cancellationToken), () => _reads.Read(path));

    public Task<FileInfo> CreateFileAsync(AlluxioUri path, CreateFilePOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _creates.CreateFileAsync(path, options, call, cancellationToken), () => _reads.Read(path));

    public Task<FileInfo> CompleteFileAsync(AlluxioUri path, CompleteFilePOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _creates.CompleteFileAsync(path, options, call, cancellationToken), () => _reads.Read(path));

    public Task DeleteAsync(AlluxioUri path, DeletePOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _delete.DeleteAsync(path, options, call, cancellationToken));

    public Task RenameAsync(AlluxioUri source, AlluxioUri destination, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _rename.RenameAsync(source, destination, call, cancellationToken));

    public Task SetAttributeAsync(AlluxioUri path, SetAttributePOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _attributes.SetAttributeAsync(path, options, call, cancellationToken));

    public Task FreeAsync(AlluxioUri path, FreePOptions options, CallContext call, CancellationToken cancellationToken) =>
        _attributes.FreeAsync(path, options, call, cancellationToken);

    /// <summary>load: caches the blocks of the files at or below the path in workers, through a journaled job.</summary>
    public Task<LoadPResponse> LoadAsync(AlluxioUri path, LoadPOptions options, CallContext call, CancellationToken cancellationToken) =>
        _load.LoadAsync(path, options, call, cancellationToken);

    /// <summary>A mount's UFS and its options unmasked, for workers only.</summary>
    public GetUfsInfoPResponse GetUfsInfo(long mountId) => _mounts.GetUfsInfo(mountId);

    /// <summary>The paths of the files with these ids that exist.</summary>
    public IReadOnlyDictionary<long, string> GetPaths(IEnumerable<long> fileIds)
    {
        ArgumentNullException.ThrowIfNull(fileIds);
        var tree = Context.Tree;
        using (tree.ReadLocked())
        {
            return fileIds.Distinct()
                .Select(id => (Id: id, Inode: tree.Store.GetById(id)))
                .Where(f => f.Inode is not null)
                .ToDictionary(f => f.Id, f => tree.GetPath(f.Inode!).ToString());
        }
    }

    public Task ScheduleAsyncPersistenceAsync(AlluxioUri path, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _attributes.ScheduleAsyncPersistenceAsync(path, call, cancellationToken));

    public Task MountAsync(AlluxioUri alluxioPath, string ufsPath, MountPOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _mounts.MountAsync(alluxioPath, ufsPath, options, call, cancellationToken));

    public Task UnmountAsync(AlluxioUri alluxioPath, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _mounts.UnmountAsync(alluxioPath, call, cancellationToken));

    public Task UpdateMountAsync(AlluxioUri alluxioPath, MountPOptions options, CallContext call, CancellationToken cancellationToken) =>
        RunOnceAsync(call, () => _mounts.UpdateMountAsync(alluxioPath, options, call, cancellationToken));

    public Task<IReadOnlyDictionary<string, MountPointInfo>> GetMountTableAsync(CancellationToken cancellationToken) =>
        _mounts.GetMountTableAsync(cancellationToken);

    public Task<IReadOnlyList<string>> CheckConsistencyAsync(AlluxioUri path, CancellationToken cancellationToken) =>
        _consistency.CheckAsync(path, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Context.Journal.DisposeAsync().ConfigureAwait(false);
        await Context.Ufs.DisposeAsync().ConfigureAwait(false);
        Context.Tree.Dispose();
    }

    /// <summary>
    /// Runs a change unless the journal already applied one with the caller's operation id: a retry after a lost
    /// answer then gets the answer of the first attempt instead of an error such as "already exists".
    /// </summary>
    private async Task RunOnceAsync(CallContext call, Func<Task> change)
    {
        if (call.OperationId.Length > 0 && Context.RecentOperations.Contains(call.OperationId))
        {
            return;
        }

        await change().ConfigureAwait(false);
    }

    private async Task<FileInfo> RunOnceAsync(CallContext call, Func<Task<FileInfo>> change, Func<FileInfo?> current)
    {
        if (call.OperationId.Length > 0 && Context.RecentOperations.Contains(call.OperationId) && current() is { } info)
        {
            return info;
        }

        return await change().ConfigureAwait(false);
    }
}

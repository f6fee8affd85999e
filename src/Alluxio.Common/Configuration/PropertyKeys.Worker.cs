namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey WorkerHostname = Define(new(
        "alluxio.worker.hostname", null,
        "The host name the worker registers with; the machine's name when unset.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerBindHost = Define(new(
        "alluxio.worker.bind.host", "0.0.0.0",
        "The address the worker's RPC server binds to.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerRpcPort = Define(new(
        "alluxio.worker.rpc.port", "29999",
        "The port of the worker's gRPC server.",
        PropertyScope.All, PropertyType.Port));

    public static readonly PropertyKey WorkerWebPort = Define(new(
        "alluxio.worker.web.port", "30000",
        "The port of the worker's web UI.",
        PropertyScope.Worker, PropertyType.Port));

    public static readonly PropertyKey WorkerRamdiskSize = Define(new(
        "alluxio.worker.ramdisk.size", "1GB",
        "The capacity of the MEM tier.",
        PropertyScope.Worker, PropertyType.DataSize));

    public static readonly PropertyKey WorkerDataFolder = Define(new(
        "alluxio.worker.data.folder", "/alluxioworker/",
        "The folder, under each tier path, that holds the worker's blocks.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerDataFolderPermissions = Define(new(
        "alluxio.worker.data.folder.permissions", "rwxrwxrwx",
        "The permissions of the worker's data folder.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerTieredstoreLevels = Define(new(
        "alluxio.worker.tieredstore.levels", "1",
        "The number of storage tiers on a worker.",
        PropertyScope.Worker, PropertyType.Integer));

    public static readonly PropertyKey WorkerTieredstoreLevel0Alias = Define(new(
        "alluxio.worker.tieredstore.level0.alias", "MEM",
        "The alias of the top tier.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerTieredstoreLevel0DirsPath = Define(new(
        "alluxio.worker.tieredstore.level0.dirs.path", "/dev/shm",
        "Comma-separated folders of the top tier. /dev/shm is memory-backed on Linux and needs no mount.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel0DirsMediumtype = Define(new(
        "alluxio.worker.tieredstore.level0.dirs.mediumtype", "${alluxio.worker.tieredstore.level0.alias}",
        "The medium type of each top-tier folder.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel0DirsQuota = Define(new(
        "alluxio.worker.tieredstore.level0.dirs.quota", "${alluxio.worker.ramdisk.size}",
        "The capacity of each top-tier folder.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel0WatermarkHighRatio = Define(new(
        "alluxio.worker.tieredstore.level0.watermark.high.ratio", "0.95",
        "Kept for compatibility; has had no effect since Alluxio 2.3.",
        PropertyScope.Worker, PropertyType.Double));

    public static readonly PropertyKey WorkerTieredstoreLevel0WatermarkLowRatio = Define(new(
        "alluxio.worker.tieredstore.level0.watermark.low.ratio", "0.7",
        "Kept for compatibility; has had no effect since Alluxio 2.3.",
        PropertyScope.Worker, PropertyType.Double));

    public static readonly PropertyKey WorkerTieredstoreLevel1Alias = Define(new(
        "alluxio.worker.tieredstore.level1.alias", null,
        "The alias of the second tier.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerTieredstoreLevel1DirsPath = Define(new(
        "alluxio.worker.tieredstore.level1.dirs.path", null,
        "Comma-separated folders of the second tier.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel1DirsMediumtype = Define(new(
        "alluxio.worker.tieredstore.level1.dirs.mediumtype", "${alluxio.worker.tieredstore.level1.alias}",
        "The medium type of each second-tier folder.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel1DirsQuota = Define(new(
        "alluxio.worker.tieredstore.level1.dirs.quota", null,
        "The capacity of each second-tier folder.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel2Alias = Define(new(
        "alluxio.worker.tieredstore.level2.alias", null,
        "The alias of the third tier.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerTieredstoreLevel2DirsPath = Define(new(
        "alluxio.worker.tieredstore.level2.dirs.path", null,
        "Comma-separated folders of the third tier.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel2DirsMediumtype = Define(new(
        "alluxio.worker.tieredstore.level2.dirs.mediumtype", "${alluxio.worker.tieredstore.level2.alias}",
        "The medium type of each third-tier folder.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreLevel2DirsQuota = Define(new(
        "alluxio.worker.tieredstore.level2.dirs.quota", null,
        "The capacity of each third-tier folder.",
        PropertyScope.Worker, PropertyType.List));

    public static readonly PropertyKey WorkerTieredstoreFreeAheadBytes = Define(new(
        "alluxio.worker.tieredstore.free.ahead.bytes", "0",
        "Extra bytes to free when a write needs space.",
        PropertyScope.Worker, PropertyType.DataSize));

    public static readonly PropertyKey WorkerAllocatorClass = Define(new(
        "alluxio.worker.allocator.class", "alluxio.worker.block.allocator.MaxFreeAllocator",
        "How the worker picks a folder for a new block: MaxFreeAllocator, RoundRobinAllocator or GreedyAllocator.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerBlockAnnotatorClass = Define(new(
        "alluxio.worker.block.annotator.class", "alluxio.worker.block.annotator.LRUAnnotator",
        "The eviction order: LRUAnnotator or LRFUAnnotator.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerBlockStoreType = Define(new(
        "alluxio.worker.block.store.type", "FILE",
        "How the worker stores blocks.",
        PropertyScope.Worker, PropertyType.Enum, enumValues: ["FILE", "PAGE"]));

    public static readonly PropertyKey WorkerWebBindHost = Define(new(
        "alluxio.worker.web.bind.host", "0.0.0.0",
        "The address the worker's web server binds to.",
        PropertyScope.Worker));

    public static readonly PropertyKey WorkerBlockHeartbeatInterval = Define(new(
        "alluxio.worker.block.heartbeat.interval", "1sec",
        "How often the worker reports block changes to the master and takes its commands.",
        PropertyScope.Worker, PropertyType.Duration));

    public static readonly PropertyKey WorkerMasterConnectRetryTimeout = Define(new(
        "alluxio.worker.master.connect.retry.timeout", "1hour",
        "How long a worker call to the master (e.g. for a mount's UFS) is retried while the master is unavailable.",
        PropertyScope.Worker, PropertyType.Duration));

    public static readonly PropertyKey WorkerNetworkShutdownTimeout = Define(new(
        "alluxio.worker.network.shutdown.timeout", "15sec",
        "How long a stopping worker waits for calls in flight before it cancels them.",
        PropertyScope.Worker, PropertyType.Duration));

    public static readonly PropertyKey WorkerNetworkMaxInboundMessageSize = Define(new(
        "alluxio.worker.network.max.inbound.message.size", "4MB",
        "The largest gRPC message the worker accepts, e.g. one chunk of a write.",
        PropertyScope.Worker, PropertyType.DataSize));

    public static readonly PropertyKey WorkerNetworkAsyncCacheManagerThreadsMax = Define(new(
        "alluxio.worker.network.async.cache.manager.threads.max", "8",
        "At most this many blocks are cached at once for load commands and asynchronous cache requests.",
        PropertyScope.Worker, PropertyType.Integer, minimum: 1));
}

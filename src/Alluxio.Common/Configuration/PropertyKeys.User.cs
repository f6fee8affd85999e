namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey UserBlockSizeBytesDefault = Define(new(
        "alluxio.user.block.size.bytes.default", "64MB",
        "The block size of new files.",
        PropertyScope.Client, PropertyType.DataSize));

    public static readonly PropertyKey UserFileReadTypeDefault = Define(new(
        "alluxio.user.file.readtype.default", "CACHE",
        "How reads cache data: NO_CACHE, CACHE or CACHE_PROMOTE.",
        PropertyScope.Client, PropertyType.Enum, enumValues: ["NO_CACHE", "CACHE", "CACHE_PROMOTE"]));

    public static readonly PropertyKey UserFileWriteTypeDefault = Define(new(
        "alluxio.user.file.writetype.default", "ASYNC_THROUGH",
        "Where writes go: MUST_CACHE, CACHE_THROUGH, THROUGH or ASYNC_THROUGH.",
        PropertyScope.Client, PropertyType.Enum,
        enumValues: ["MUST_CACHE", "TRY_CACHE", "CACHE_THROUGH", "THROUGH", "ASYNC_THROUGH", "NONE"]));

    public static readonly PropertyKey UserFileMetadataSyncInterval = Define(new(
        "alluxio.user.file.metadata.sync.interval", "-1",
        "How stale metadata may be before it is synced with the UFS: -1 never, 0 always, else a duration.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserFileMetadataLoadType = Define(new(
        "alluxio.user.file.metadata.load.type", "ONCE",
        "When paths not yet known are looked up in the UFS: ONCE, NEVER or ALWAYS.",
        PropertyScope.Client, PropertyType.Enum, enumValues: ["NEVER", "ONCE", "ALWAYS"]));

    public static readonly PropertyKey UserFileReplicationDurable = Define(new(
        "alluxio.user.file.replication.durable", "1",
        "How many cached copies an ASYNC_THROUGH file keeps until it is persisted.",
        PropertyScope.Client, PropertyType.Integer));

    public static readonly PropertyKey UserFilePersistenceInitialWaitTime = Define(new(
        "alluxio.user.file.persistence.initial.wait.time", "0",
        "How long after close an ASYNC_THROUGH file waits before it is persisted.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserShortCircuitEnabled = Define(new(
        "alluxio.user.short.circuit.enabled", "true",
        "Whether a client reads blocks of a local worker straight from its files.",
        PropertyScope.Client, PropertyType.Boolean));

    public static readonly PropertyKey UserNetworkReaderChunkSizeBytes = Define(new(
        "alluxio.user.network.reader.chunk.size.bytes", "1MB",
        "The size of one chunk of a streamed block read.",
        PropertyScope.Client, PropertyType.DataSize));

    public static readonly PropertyKey UserRpcRetryMaxDuration = Define(new(
        "alluxio.user.rpc.retry.max.duration", "2min",
        "How long a client keeps retrying a call to the master that fails because the master is unavailable.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserRpcRetryBaseSleep = Define(new(
        "alluxio.user.rpc.retry.base.sleep", "50ms",
        "The first wait before a call to the master is retried; each further wait doubles, up to the max sleep.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserRpcRetryMaxSleep = Define(new(
        "alluxio.user.rpc.retry.max.sleep", "3sec",
        "The longest wait between two attempts of a call to the master.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserMasterPollingTimeout = Define(new(
        "alluxio.user.master.polling.timeout", "30sec",
        "The longest a client waits for the master to answer one call.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey MasterRpcAddresses = Define(new(
        "alluxio.master.rpc.addresses", null,
        "Comma-separated host:port RPC addresses of all masters; when unset, alluxio.master.hostname and alluxio.master.rpc.port name the one master.",
        PropertyScope.All, PropertyType.List));

    public static readonly PropertyKey UserDateFormatPattern = Define(new(
        "alluxio.user.date.format.pattern", "MM-dd-yyyy HH:mm:ss:SSS",
        "How the shell prints dates (ls), in Java's SimpleDateFormat notation.",
        PropertyScope.Client));

    public static readonly PropertyKey UserNetworkWriterChunkSizeBytes = Define(new(
        "alluxio.user.network.writer.chunk.size.bytes", "1MB",
        "The size of one chunk of a streamed block or file write.",
        PropertyScope.Client, PropertyType.DataSize));

    public static readonly PropertyKey UserHostname = Define(new(
        "alluxio.user.hostname", "",
        "The host name this client runs on, to find local workers; the machine's host name when empty.",
        PropertyScope.Client));

    public static readonly PropertyKey UserWorkerListRefreshInterval = Define(new(
        "alluxio.user.worker.list.refresh.interval", "2min",
        "How long a client keeps the list of live workers before asking the master again.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserStreamingDataReadTimeout = Define(new(
        "alluxio.user.streaming.data.read.timeout", "3m",
        "How long a block read waits for the next chunk from a worker before trying another source.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserUfsBlockReadConcurrencyMax = Define(new(
        "alluxio.user.ufs.block.read.concurrency.max", "2147483647",
        "At most this many readers of one block read it from the UFS at once, per worker.",
        PropertyScope.Client, PropertyType.Integer));

    public static readonly PropertyKey UserMetricsCollectionEnabled = Define(new(
        "alluxio.user.metrics.collection.enabled", "true",
        "Whether a client sends its counters (short-circuit bytes) to the master, which adds them to the Cluster.* figures. On by default, unlike Alluxio 2.9, whose cluster view otherwise shows no short-circuit reads at all.",
        PropertyScope.Client, PropertyType.Boolean));

    public static readonly PropertyKey UserMetricsHeartbeatInterval = Define(new(
        "alluxio.user.metrics.heartbeat.interval", "10sec",
        "How often a client sends its counters to the master, when they changed.",
        PropertyScope.Client, PropertyType.Duration));

    public static readonly PropertyKey UserAppId = Define(new(
        "alluxio.user.app.id", "",
        "The name a client's metrics carry to the master; one unique to the process when empty.",
        PropertyScope.Client));

    public static readonly PropertyKey UserMetadataCacheEnabled = Define(new(
        "alluxio.user.metadata.cache.enabled", "false",
        "Whether the FUSE mount answers attribute requests from the metadata it fetched last, for alluxio.user.metadata.cache.expiration.time, instead of asking the master each time.",
        PropertyScope.Client, PropertyType.Boolean));

    public static readonly PropertyKey UserMetadataCacheExpirationTime = Define(new(
        "alluxio.user.metadata.cache.expiration.time", "10min",
        "How long cached metadata is used when alluxio.user.metadata.cache.enabled is on.",
        PropertyScope.Client, PropertyType.Duration, minimum: 0));
}

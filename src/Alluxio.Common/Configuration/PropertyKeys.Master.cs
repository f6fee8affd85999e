namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey MasterHostname = Define(new(
        "alluxio.master.hostname", "localhost",
        "The host name clients and workers use to reach the master.",
        PropertyScope.All));

    public static readonly PropertyKey MasterBindHost = Define(new(
        "alluxio.master.bind.host", "0.0.0.0",
        "The address the master's RPC server binds to.",
        PropertyScope.Master));

    public static readonly PropertyKey MasterRpcPort = Define(new(
        "alluxio.master.rpc.port", "19998",
        "The port of the master's gRPC server.",
        PropertyScope.All, PropertyType.Port));

    public static readonly PropertyKey MasterWebBindHost = Define(new(
        "alluxio.master.web.bind.host", "0.0.0.0",
        "The address the master's web UI binds to.",
        PropertyScope.Master));

    public static readonly PropertyKey MasterWebPort = Define(new(
        "alluxio.master.web.port", "19999",
        "The port of the master's web UI and REST API.",
        PropertyScope.All, PropertyType.Port));

    public static readonly PropertyKey MasterEmbeddedJournalPort = Define(new(
        "alluxio.master.embedded.journal.port", "19200",
        "The port masters use to replicate the embedded journal.",
        PropertyScope.Master, PropertyType.Port));

    public static readonly PropertyKey MasterJournalType = Define(new(
        "alluxio.master.journal.type", "EMBEDDED",
        "Where the master keeps its journal.",
        PropertyScope.Master, PropertyType.Enum, enumValues: ["EMBEDDED", "UFS", "NOOP"]));

    public static readonly PropertyKey MasterJournalFolder = Define(new(
        "alluxio.master.journal.folder", "${alluxio.work.dir}/journal",
        "The folder of the master's journal. alluxio format wipes it.",
        PropertyScope.Master));

    public static readonly PropertyKey MasterJournalFlushBatchTime = Define(new(
        "alluxio.master.journal.flush.batch.time", "100ms",
        "How long the journal waits to group entries into one flush.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterJournalFlushTimeout = Define(new(
        "alluxio.master.journal.flush.timeout", "5min",
        "How long a journal flush may take before the master gives up.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterJournalLogSizeBytesMax = Define(new(
        "alluxio.master.journal.log.size.bytes.max", "10MB",
        "The size at which a journal log file is closed and a new one started.",
        PropertyScope.Master, PropertyType.DataSize));

    public static readonly PropertyKey MasterJournalCheckpointPeriodEntries = Define(new(
        "alluxio.master.journal.checkpoint.period.entries", "2000000",
        "The number of journal entries between checkpoints.",
        PropertyScope.Master, PropertyType.Long));

    public static readonly PropertyKey MasterMetastore = Define(new(
        "alluxio.master.metastore", "HEAP",
        "Where the inode tree lives: HEAP (memory) or ROCKS (RocksDB on disk).",
        PropertyScope.Master, PropertyType.Enum, enumValues: ["HEAP", "ROCKS"]));

    public static readonly PropertyKey MasterMountTableRootUfs = Define(new(
        "alluxio.master.mount.table.root.ufs", "${alluxio.work.dir}/underFSStorage",
        "The UFS mounted at the root of the namespace, e.g. kodo://bucket/dir/ or /data.",
        PropertyScope.Master));

    public static readonly PropertyKey MasterMountTableRootReadonly = Define(new(
        "alluxio.master.mount.table.root.readonly", "false",
        "Whether the root mount rejects writes.",
        PropertyScope.Master, PropertyType.Boolean));

    public static readonly PropertyKey MasterMountTableRootShared = Define(new(
        "alluxio.master.mount.table.root.shared", "true",
        "Whether the root mount is accessible to every user.",
        PropertyScope.Master, PropertyType.Boolean));

    public static readonly PropertyKeyTemplate MasterMountTableRootOption = new(
        "alluxio.master.mount.table.root.option.",
        "A UFS property for the root mount, e.g. alluxio.master.mount.table.root.option.fs.kodo.accesskey.",
        PropertyScope.Master);

    public static readonly PropertyKey MasterPersistenceCheckerInterval = Define(new(
        "alluxio.master.persistence.checker.interval", "1s",
        "How often the master checks the progress of ASYNC_THROUGH persistence.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterPersistenceSchedulerInterval = Define(new(
        "alluxio.master.persistence.scheduler.interval", "1s",
        "How often the master schedules ASYNC_THROUGH persistence.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterPersistenceInitialInterval = Define(new(
        "alluxio.master.persistence.initial.interval", "1s",
        "The first wait before a failed persistence is retried.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterPersistenceMaxInterval = Define(new(
        "alluxio.master.persistence.max.interval", "1hr",
        "The longest wait between persistence retries.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterPersistenceMaxTotalWaitTime = Define(new(
        "alluxio.master.persistence.max.total.wait.time", "1day",
        "How long the master keeps retrying a persistence before giving up.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterUnsafeDirectPersistObjectEnabled = Define(new(
        "alluxio.master.unsafe.direct.persist.object.enabled", "true",
        "Whether ASYNC_THROUGH writes an object store's final key directly instead of a temporary key and a rename.",
        PropertyScope.Master, PropertyType.Boolean));

    public static readonly PropertyKey MasterMetadataSyncConcurrencyLevel = Define(new(
        "alluxio.master.metadata.sync.concurrency.level", "6",
        "How many UFS calls one metadata sync makes at once.",
        PropertyScope.Master, PropertyType.Integer));

    public static readonly PropertyKey MasterWhitelist = Define(new(
        "alluxio.master.whitelist", "/",
        "Comma-separated path prefixes whose files may be cached.",
        PropertyScope.Master, PropertyType.List));

    public static readonly PropertyKey MasterBackupDirectory = Define(new(
        "alluxio.master.backup.directory", "/alluxio_backups",
        "Where fsadmin backup writes metadata backups, in the root UFS.",
        PropertyScope.Master));

    public static readonly PropertyKey MasterTieredstoreGlobalLevels = Define(new(
        "alluxio.master.tieredstore.global.levels", "3",
        "The number of storage tiers known cluster-wide.",
        PropertyScope.All, PropertyType.Integer));

    public static readonly PropertyKey MasterTieredstoreGlobalMediumtype = Define(new(
        "alluxio.master.tieredstore.global.mediumtype", "MEM,SSD,HDD",
        "The medium types known cluster-wide, in tier order.",
        PropertyScope.All, PropertyType.List));

    public static readonly PropertyKey MasterMetricsTimeSeriesInterval = Define(new(
        "alluxio.master.metrics.time.series.interval", "5min",
        "How often the master records the figures its Metrics page draws over time.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterWorkerTimeout = Define(new(
        "alluxio.master.worker.timeout", "5min",
        "How long a worker may go without a heartbeat before the master declares it lost and drops its blocks.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterLostWorkerDetectionInterval = Define(new(
        "alluxio.master.lost.worker.detection.interval", "10sec",
        "How often the master looks for workers that stopped sending heartbeats.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterTtlCheckerInterval = Define(new(
        "alluxio.master.ttl.checker.interval", "1hour",
        "How often the master looks for files and directories whose TTL has expired.",
        PropertyScope.Master, PropertyType.Duration));

    public static readonly PropertyKey MasterShutdownTimeout = Define(new(
        "alluxio.master.shutdown.timeout", "30sec",
        "How long a stopping master lets calls in flight finish before it closes the journal.",
        PropertyScope.Master, PropertyType.Duration));
}

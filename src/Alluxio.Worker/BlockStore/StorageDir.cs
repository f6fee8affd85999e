namespace Alluxio.Worker.BlockStore;

/// <summary>The store's bookkeeping for one folder. Guarded by the store's lock.</summary>
internal sealed class StorageDir(StorageTierOptions tier, StorageDirOptions options)
{
    public StorageTierOptions Tier { get; } = tier;

    public StorageDirOptions Options { get; } = options;

    public string DataPath => Options.DataPath;

    public string TempPath => Path.Combine(Options.DataPath, TieredStoreOptions.TempBlocksFolder);

    public long Capacity => Options.Quota;

    /// <summary>Bytes of committed blocks plus bytes reserved for blocks being written.</summary>
    public long UsedBytes { get; set; }

    /// <summary>Negative when a restart found more blocks than the quota allows.</summary>
    public long AvailableBytes => Capacity - UsedBytes;

    public Dictionary<long, CommittedBlock> Blocks { get; } = [];
}

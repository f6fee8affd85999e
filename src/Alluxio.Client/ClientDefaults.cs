using Alluxio.Configuration;
using Alluxio.Grpc;

namespace Alluxio.Client;

/// <summary>
/// What every call takes from the client's configuration: how fresh metadata must be
/// (alluxio.user.file.metadata.sync.interval), when unknown paths are loaded from the UFS
/// (alluxio.user.file.metadata.load.type), and the defaults of new files.
/// </summary>
public sealed class ClientDefaults
{
    public ClientDefaults(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SyncIntervalMs = ToSyncIntervalMs(configuration.GetDuration(PropertyKeys.UserFileMetadataSyncInterval));
        LoadMetadataType = ToLoadMetadataType(configuration.GetEnum(PropertyKeys.UserFileMetadataLoadType));
        WriteType = ToWriteType(configuration.GetEnum(PropertyKeys.UserFileWriteTypeDefault));
        BlockSizeBytes = configuration.GetBytes(PropertyKeys.UserBlockSizeBytesDefault);
        ReplicationDurable = configuration.GetInt(PropertyKeys.UserFileReplicationDurable);
        ReadType = ToReadType(configuration.GetEnum(PropertyKeys.UserFileReadTypeDefault));
    }

    public Options.ReadType ReadType { get; }

    /// <summary>-1 never syncs, 0 syncs on every call, else the most milliseconds metadata may be old.</summary>
    public long SyncIntervalMs { get; }

    public LoadMetadataPType LoadMetadataType { get; }

    public WritePType WriteType { get; }

    public long BlockSizeBytes { get; }

    public int ReplicationDurable { get; }

    /// <summary>A sync interval in the wire's milliseconds: any negative duration is -1 (never).</summary>
    public static long ToSyncIntervalMs(TimeSpan interval) =>
        interval < TimeSpan.Zero ? -1 : (long)interval.TotalMilliseconds;

    /// <summary>NO_CACHE, CACHE or CACHE_PROMOTE, in any case.</summary>
    public static Options.ReadType ToReadType(string value) =>
        Options.AlluxioNames.TryParse<Options.ReadType>(value, out var type)
            ? type
            : throw new ArgumentException($"'{value}' is not a read type; use NO_CACHE, CACHE or CACHE_PROMOTE.", nameof(value));

    /// <summary>MUST_CACHE, CACHE_THROUGH, THROUGH or ASYNC_THROUGH (TRY_CACHE and NONE too), in any case.</summary>
    public static WritePType ToWriteType(string value) =>
        Options.AlluxioNames.TryParse<WritePType>(value, out var type) && type != WritePType.Unspecified
            ? type
            : throw new ArgumentException($"'{value}' is not a write type; use MUST_CACHE, CACHE_THROUGH, THROUGH or ASYNC_THROUGH.", nameof(value));

    /// <summary>ONCE, NEVER or ALWAYS, in any case.</summary>
    public static LoadMetadataPType ToLoadMetadataType(string value) =>
        value.ToUpperInvariant() switch
        {
            "NEVER" => LoadMetadataPType.Never,
            "ALWAYS" => LoadMetadataPType.Always,
            "ONCE" => LoadMetadataPType.Once,
            _ => throw new ArgumentException($"'{value}' is not a metadata load type; use ONCE, NEVER or ALWAYS.", nameof(value)),
        };

    /// <summary>
    /// The common options of a call: the sync interval (<paramref name="syncIntervalMs"/> or the configured one),
    /// and for a mutation a fresh operation id, so the master recognises a retried attempt of the same operation.
    /// </summary>
    public FileSystemMasterCommonPOptions Common(bool mutation, long? syncIntervalMs = null)
    {
        var options = new FileSystemMasterCommonPOptions { SyncIntervalMs = syncIntervalMs ?? SyncIntervalMs };
        if (mutation)
        {
            options.OperationId = Guid.NewGuid().ToString("N");
        }

        return options;
    }
}

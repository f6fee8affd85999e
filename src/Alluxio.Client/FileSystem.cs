using System.Runtime.CompilerServices;
using Alluxio.Client.Data;
using Alluxio.Client.Metrics;
using Alluxio.Client.Options;
using Alluxio.Client.Rpc;
using Alluxio.Configuration;
using Alluxio.Grpc;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.Client;

/// <summary>
/// The Alluxio namespace as the master serves it: status, listing, directories, file metadata, deletes, renames,
/// attributes, mounts and metadata sync. One instance holds one channel per master and is meant to be shared and
/// kept; it is thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Paths may be absolute (/data/x), relative to the root (data/x) or alluxio://host:port/data/x. Every call carries
/// alluxio.user.file.metadata.sync.interval and, where a lookup may load from the UFS,
/// alluxio.user.file.metadata.load.type of the configuration the instance was made with.
/// </para>
/// <para>
/// A call that fails because the master is unavailable (down, restarting, not the leader) is retried with
/// exponential backoff from alluxio.user.rpc.retry.base.sleep to alluxio.user.rpc.retry.max.sleep for at most
/// alluxio.user.rpc.retry.max.duration. Reads are always retried. Each mutation (create, complete, delete, rename,
/// set attribute, free, mount, unmount, update mount, schedule persistence) carries a fresh
/// <c>commonOptions.operationId</c> that all its attempts share, so the master recognises an attempt whose answer
/// was lost and does not apply it twice; mutations are retried for that reason only. A checkpoint carries no
/// operation id and is not retried.
/// </para>
/// <para>Failures are <see cref="Alluxio.Errors.AlluxioException"/>s with the master's error type and message.</para>
/// </remarks>
public sealed partial class FileSystem : IAsyncDisposable, IDisposable
{
    private readonly MasterClient _master;
    private readonly ClientDefaults _defaults;
    private readonly DataClient _data;
    private readonly BlockReaderFactory _readers;
    private readonly ClientMetricsReporter? _metrics;

    private FileSystem(AlluxioConfiguration configuration, MasterClient master, DataClient data, string? user, ClientMetricsReporter? metrics)
    {
        Configuration = configuration;
        _master = master;
        _defaults = new ClientDefaults(configuration);
        _data = data;
        _readers = new BlockReaderFactory(data, user ?? "");
        _metrics = metrics;
    }

    /// <summary>
    /// The same file system, on the same connections, with every call made as <paramref name="user"/>: how a gateway
    /// (the S3 proxy) acts for the users it serves. Disposing the view leaves this instance's connections open; it
    /// must not outlive this instance.
    /// </summary>
    public FileSystem ForUser(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        var master = _master.ForUser(user);
        return new FileSystem(Configuration, master, _data.WithHeaders(master.Headers), user, metrics: null);
    }

    /// <summary>The configuration calls take their defaults from.</summary>
    public AlluxioConfiguration Configuration { get; }

    /// <summary>The master the next call goes to, host:port.</summary>
    public string MasterAddress => _master.CurrentTarget;

    /// <summary>A file system over the masters that <paramref name="configuration"/> names. No connection is made yet.</summary>
    /// <exception cref="Alluxio.Errors.AlluxioException">The master addresses are malformed.</exception>
    /// <exception cref="ConfigurationException">A client key has an invalid value.</exception>
    public static FileSystem Create(AlluxioConfiguration configuration, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        loggerFactory ??= NullLoggerFactory.Instance;
        var callTimeout = configuration.GetDuration(PropertyKeys.UserMasterPollingTimeout);
        var channels = new MasterChannels(MasterAddresses.From(configuration), callTimeout, loggerFactory);
        var user = LoginUser(configuration);
        var time = timeProvider ?? TimeProvider.System;
        var master = new MasterClient(channels, RetrySchedule.From(configuration), callTimeout, user, time, loggerFactory);
        var data = new DataClient(configuration, master, master.Headers, time, loggerFactory);
        var metrics = ClientMetricsReporter.Start(configuration, data.Counters, master, data.LocalHost.Name, time, loggerFactory.CreateLogger<ClientMetricsReporter>());
        return new FileSystem(configuration, master, data, user, metrics);
    }

    public async Task<UriStatus> GetStatusAsync(string path, GetStatusOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= GetStatusOptions.Default;
        var request = new GetStatusPRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new GetStatusPOptions
            {
                LoadMetadataType = options.LoadMetadataType ?? _defaults.LoadMetadataType,
                CommonOptions = Common(mutation: false, options.SyncInterval),
            },
        };
        var response = await _master.CallAsync(
            nameof(GetStatusAsync), retryable: true, (c, o) => Fs(c).GetStatusAsync(request, o), cancellationToken).ConfigureAwait(false);
        return new UriStatus(response.FileInfo);
    }

    public async Task<bool> ExistsAsync(string path, GetStatusOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= GetStatusOptions.Default;
        var request = new ExistsPRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new ExistsPOptions
            {
                LoadMetadataType = options.LoadMetadataType ?? _defaults.LoadMetadataType,
                CommonOptions = Common(mutation: false, options.SyncInterval),
            },
        };
        var response = await _master.CallAsync(
            nameof(ExistsAsync), retryable: true, (c, o) => Fs(c).ExistsAsync(request, o), cancellationToken).ConfigureAwait(false);
        return response.Exists;
    }

    /// <summary>
    /// The children of a directory (the subtree with <see cref="ListStatusOptions.Recursive"/>), or the file itself,
    /// as the master streams them in batches; nothing is held beyond the batch being read.
    /// </summary>
    public async IAsyncEnumerable<UriStatus> ListStatusAsync(
        string path, ListStatusOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= ListStatusOptions.Default;
        var request = new ListStatusPRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new ListStatusPOptions
            {
                Recursive = options.Recursive,
                LoadMetadataType = options.LoadMetadataType ?? _defaults.LoadMetadataType,
                CommonOptions = Common(mutation: false, options.SyncInterval),
                KeyOrder = options.KeyRange is not null,
                StartAfter = options.KeyRange?.StartAfter ?? "",
                Prefix = options.KeyRange?.Prefix ?? "",
            },
        };
        await foreach (var batch in _master.StreamAsync(nameof(ListStatusAsync), (c, o) => Fs(c).ListStatus(request, o), cancellationToken)
            .ConfigureAwait(false))
        {
            foreach (var info in batch.FileInfos)
            {
                yield return new UriStatus(info);
            }
        }
    }

    /// <summary>Loads the metadata of a path (and its subtree with <see cref="LoadMetadataOptions.Recursive"/>) from the UFS.</summary>
    public async Task LoadMetadataAsync(string path, LoadMetadataOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= LoadMetadataOptions.Default;
        var request = new ListStatusPRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new ListStatusPOptions
            {
                Recursive = options.Recursive,
                LoadMetadataOnly = true,
                LoadMetadataType = LoadMetadataPType.Always,
                CommonOptions = _defaults.Common(mutation: false, options.Force ? 0 : null),
            },
        };
        await foreach (var _ in _master.StreamAsync(nameof(LoadMetadataAsync), (c, o) => Fs(c).ListStatus(request, o), cancellationToken)
            .ConfigureAwait(false))
        {
        }
    }

    public async Task<UriStatus> CreateDirectoryAsync(string path, CreateDirectoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CreateDirectoryOptions.Default;
        var wire = new CreateDirectoryPOptions
        {
            Recursive = options.Recursive,
            AllowExists = options.AllowExists,
            WriteType = options.WriteType ?? _defaults.WriteType,
            CommonOptions = Common(mutation: true),
        };
        if (options.Mode is { } mode)
        {
            wire.Mode = mode;
        }

        AddXAttr(wire.Xattr, options.XAttr);
        var request = new CreateDirectoryPRequest { Path = AlluxioPath.Resolve(path), Options = wire };
        var response = await _master.CallAsync(
            nameof(CreateDirectoryAsync), retryable: true, (c, o) => Fs(c).CreateDirectoryAsync(request, o), cancellationToken).ConfigureAwait(false);
        return new UriStatus(response.FileInfo);
    }

    /// <summary>
    /// Creates a file's metadata only; it is incomplete until <see cref="CompleteFileAsync"/>. Writers use
    /// <see cref="CreateFileAsync"/>, which streams the data and completes the file on close.
    /// </summary>
    public async Task<UriStatus> CreateFileMetadataAsync(string path, CreateFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CreateFileOptions.Default;
        var wire = new CreateFilePOptions
        {
            Recursive = options.Recursive,
            Overwrite = options.Overwrite,
            BlockSizeBytes = options.BlockSizeBytes ?? _defaults.BlockSizeBytes,
            WriteType = options.WriteType ?? _defaults.WriteType,
            ReplicationMin = options.ReplicationMin,
            ReplicationMax = options.ReplicationMax,
            ReplicationDurable = _defaults.ReplicationDurable,
            CommonOptions = Common(mutation: true),
        };
        if (options.Mode is { } mode)
        {
            wire.Mode = mode;
        }

        AddXAttr(wire.Xattr, options.XAttr);
        var request = new CreateFilePRequest { Path = AlluxioPath.Resolve(path), Options = wire };
        var response = await _master.CallAsync(
            nameof(CreateFileMetadataAsync), retryable: true, (c, o) => Fs(c).CreateFileAsync(request, o), cancellationToken).ConfigureAwait(false);
        return new UriStatus(response.FileInfo);
    }

    public async Task<UriStatus> CompleteFileAsync(string path, CompleteFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CompleteFileOptions.Default;
        var request = new CompleteFilePRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new CompleteFilePOptions
            {
                UfsLength = options.Length,
                ContentHash = options.ContentHash ?? "",
                CommonOptions = Common(mutation: true),
            },
        };
        AddXAttr(request.Options.Xattr, options.XAttr);
        var response = await _master.CallAsync(
            nameof(CompleteFileAsync), retryable: true, (c, o) => Fs(c).CompleteFileAsync(request, o), cancellationToken).ConfigureAwait(false);
        return new UriStatus(response.FileInfo);
    }

    public Task DeleteAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DeleteOptions.Default;
        var request = new DeletePRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new DeletePOptions
            {
                Recursive = options.Recursive,
                AlluxioOnly = options.AlluxioOnly,
                Unchecked = options.Unchecked,
                DeleteMountPoint = options.DeleteMountPoint,
                CommonOptions = Common(mutation: true),
            },
        };
        return _master.CallAsync(nameof(DeleteAsync), retryable: true, (c, o) => Fs(c).RemoveAsync(request, o), cancellationToken);
    }

    public Task RenameAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        var request = new RenamePRequest
        {
            Path = AlluxioPath.Resolve(source),
            DstPath = AlluxioPath.Resolve(destination),
            Options = new RenamePOptions { CommonOptions = Common(mutation: true) },
        };
        return _master.CallAsync(nameof(RenameAsync), retryable: true, (c, o) => Fs(c).RenameAsync(request, o), cancellationToken);
    }

    public Task SetAttributeAsync(string path, SetAttributeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = new SetAttributePRequest { Path = AlluxioPath.Resolve(path), Options = ToWire(options) };
        return _master.CallAsync(nameof(SetAttributeAsync), retryable: true, (c, o) => Fs(c).SetAttributeAsync(request, o), cancellationToken);
    }

    public Task FreeAsync(string path, FreeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= FreeOptions.Default;
        var request = new FreePRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new FreePOptions { Recursive = options.Recursive, Forced = options.Forced, CommonOptions = Common(mutation: true) },
        };
        return _master.CallAsync(nameof(FreeAsync), retryable: true, (c, o) => Fs(c).FreeAsync(request, o), cancellationToken);
    }

    /// <summary>Mounts <paramref name="ufsPath"/> (e.g. kodo://bucket/dir) at <paramref name="alluxioPath"/>.</summary>
    public Task MountAsync(string alluxioPath, string ufsPath, MountOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ufsPath);
        var request = new MountPRequest
        {
            AlluxioPath = AlluxioPath.Resolve(alluxioPath),
            UfsPath = ufsPath,
            Options = ToWire(options ?? MountOptions.Default),
        };
        return _master.CallAsync(nameof(MountAsync), retryable: true, (c, o) => Fs(c).MountAsync(request, o), cancellationToken);
    }

    public Task UnmountAsync(string alluxioPath, CancellationToken cancellationToken = default)
    {
        var request = new UnmountPRequest
        {
            AlluxioPath = AlluxioPath.Resolve(alluxioPath),
            Options = new UnmountPOptions { CommonOptions = Common(mutation: true) },
        };
        return _master.CallAsync(nameof(UnmountAsync), retryable: true, (c, o) => Fs(c).UnmountAsync(request, o), cancellationToken);
    }

    /// <summary>Replaces the options of the mount at <paramref name="alluxioPath"/>, keeping its metadata.</summary>
    public Task UpdateMountAsync(string alluxioPath, MountOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = new UpdateMountPRequest { AlluxioPath = AlluxioPath.Resolve(alluxioPath), Options = ToWire(options) };
        return _master.CallAsync(nameof(UpdateMountAsync), retryable: true, (c, o) => Fs(c).UpdateMountAsync(request, o), cancellationToken);
    }

    /// <summary>The mount points by Alluxio path; credential properties come back masked.</summary>
    public async Task<IReadOnlyDictionary<string, MountPointInfo>> GetMountTableAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetMountTableAsync), retryable: true, (c, o) => Fs(c).GetMountTableAsync(new GetMountTablePRequest(), o), cancellationToken)
            .ConfigureAwait(false);
        return new Dictionary<string, MountPointInfo>(response.MountPoints, StringComparer.Ordinal);
    }

    /// <summary>The paths under <paramref name="path"/> whose Alluxio metadata disagrees with the UFS.</summary>
    public async Task<IReadOnlyList<string>> CheckConsistencyAsync(string path, CancellationToken cancellationToken = default)
    {
        var request = new CheckConsistencyPRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new CheckConsistencyPOptions { CommonOptions = Common(mutation: false) },
        };
        var response = await _master.CallAsync(
            nameof(CheckConsistencyAsync), retryable: true, (c, o) => Fs(c).CheckConsistencyAsync(request, o), cancellationToken)
            .ConfigureAwait(false);
        return [.. response.InconsistentPaths];
    }

    /// <summary>Asks the master to persist a completed file to the UFS after <paramref name="waitTime"/>.</summary>
    public Task ScheduleAsyncPersistenceAsync(string path, TimeSpan? waitTime = null, CancellationToken cancellationToken = default)
    {
        var request = new ScheduleAsyncPersistencePRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new ScheduleAsyncPersistencePOptions
            {
                CommonOptions = Common(mutation: true),
                PersistenceWaitTime = (long)(waitTime ?? TimeSpan.Zero).TotalMilliseconds,
            },
        };
        return _master.CallAsync(
            nameof(ScheduleAsyncPersistenceAsync), retryable: true, (c, o) => Fs(c).ScheduleAsyncPersistenceAsync(request, o), cancellationToken);
    }

    public async Task<IReadOnlyList<SyncPointInfo>> GetSyncPathListAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetSyncPathListAsync), retryable: true, (c, o) => Fs(c).GetSyncPathListAsync(new GetSyncPathListPRequest(), o), cancellationToken)
            .ConfigureAwait(false);
        return [.. response.SyncPaths];
    }

    public async Task<MasterInfo> GetMasterInfoAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetMasterInfoAsync), retryable: true, (c, o) => Meta(c).GetMasterInfoAsync(new GetMasterInfoPOptions(), o), cancellationToken)
            .ConfigureAwait(false);
        return response.MasterInfo;
    }

    /// <summary>The cluster's configuration as the master sees it; credentials come back masked unless raw values are asked for.</summary>
    public async Task<IReadOnlyList<ConfigProperty>> GetConfigurationAsync(bool rawValue = false, CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetConfigurationAsync),
            retryable: true,
            (c, o) => Meta(c).GetConfigurationAsync(new GetConfigurationPOptions { RawValue = rawValue }, o),
            cancellationToken).ConfigureAwait(false);
        return [.. response.ClusterConfigs];
    }

    /// <summary>The master's metrics, its own and the cluster's, by Alluxio name (fsadmin report metrics).</summary>
    public async Task<IReadOnlyDictionary<string, MetricValue>> GetMetricsAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetMetricsAsync),
            retryable: true,
            (c, o) => new MetricsMasterClientService.MetricsMasterClientServiceClient(c).GetMetricsAsync(new GetMetricsPOptions(), o),
            cancellationToken).ConfigureAwait(false);
        return response.Metrics;
    }

    /// <summary>Takes a journal checkpoint now; returns the master that took it, host:port. Not retried.</summary>
    public async Task<string> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(CheckpointAsync), retryable: false, (c, o) => Meta(c).CheckpointAsync(new CheckpointPOptions(), o), cancellationToken)
            .ConfigureAwait(false);
        return response.MasterHostname;
    }

    /// <summary>
    /// Closes the channels; first sends the client's counters to the master if they changed, waiting at most
    /// <see cref="ClientMetricsReporter.FinalReportTimeout"/>.
    /// </summary>
    public void Dispose()
    {
        _metrics?.Dispose();
        _data.Dispose();
        _master.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (_metrics is not null)
        {
            await _metrics.DisposeAsync().ConfigureAwait(false);
        }

        _data.Dispose();
        _master.Dispose();
    }

    /// <summary>Sends the client's counters to the master now if they changed; false when that failed.</summary>
    public Task<bool> ReportMetricsAsync(CancellationToken cancellationToken = default) =>
        _metrics?.ReportAsync(cancellationToken) ?? Task.FromResult(true);

    /// <summary>The user name calls carry: alluxio.security.login.username, else the operating system user; none with NOSASL.</summary>
    internal static string? LoginUser(AlluxioConfiguration configuration) =>
        configuration.GetEnum(PropertyKeys.SecurityAuthenticationType) == "NOSASL"
            ? null
            : configuration.GetOrNull(PropertyKeys.SecurityLoginUsername) is { Length: > 0 } user ? user : Environment.UserName;

    private static FileSystemMasterClientService.FileSystemMasterClientServiceClient Fs(GrpcChannel channel) => new(channel);

    private static MetaMasterClientService.MetaMasterClientServiceClient Meta(GrpcChannel channel) => new(channel);

    private FileSystemMasterCommonPOptions Common(bool mutation, TimeSpan? syncInterval = null) =>
        _defaults.Common(mutation, syncInterval is { } interval ? ClientDefaults.ToSyncIntervalMs(interval) : null);

    private SetAttributePOptions ToWire(SetAttributeOptions options)
    {
        var wire = new SetAttributePOptions { Recursive = options.Recursive, CommonOptions = Common(mutation: true) };
        if (options.Mode is { } mode)
        {
            wire.Mode = mode;
        }

        if (options.Owner is { } owner)
        {
            wire.Owner = owner;
        }

        if (options.Group is { } group)
        {
            wire.Group = group;
        }

        if (options.Pinned is { } pinned)
        {
            wire.Pinned = pinned;
            wire.PinnedMedia.AddRange(options.PinnedMedia);
        }

        if (options.Persisted is { } persisted)
        {
            wire.Persisted = persisted;
        }

        AddXAttr(wire.Xattr, options.XAttr);
        wire.XattrUpdateStrategy = options.XAttrUpdateStrategy;

        if (options.ReplicationMin is { } min)
        {
            wire.ReplicationMin = min;
        }

        if (options.ReplicationMax is { } max)
        {
            wire.ReplicationMax = max;
        }

        if (options.Ttl is { } ttl)
        {
            wire.CommonOptions.Ttl = ttl < TimeSpan.Zero ? -1 : (long)ttl.TotalMilliseconds;
            wire.CommonOptions.TtlAction = options.TtlAction;
        }

        return wire;
    }

    private static void AddXAttr(Google.Protobuf.Collections.MapField<string, Google.Protobuf.ByteString> wire, IReadOnlyDictionary<string, byte[]> xattr)
    {
        foreach (var (name, value) in xattr)
        {
            wire[name] = Google.Protobuf.ByteString.CopyFrom(value);
        }
    }

    private MountPOptions ToWire(MountOptions options)
    {
        var wire = new MountPOptions { ReadOnly = options.ReadOnly, Shared = options.Shared, CommonOptions = Common(mutation: true) };
        foreach (var (key, value) in options.Properties)
        {
            wire.Properties[key] = value;
        }

        return wire;
    }
}

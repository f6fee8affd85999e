using Alluxio.Client.Data;
using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc;
using Grpc.Net.Client;

namespace Alluxio.Client;

/// <summary>The data side of the file system: file streams, workers and cluster capacity, loading into the cache.</summary>
public sealed partial class FileSystem
{
    /// <summary>
    /// Opens a complete file for reading. Blocks come from the fastest source there is (a local cached copy read from
    /// its file, a cached copy on another worker, the UFS through a worker) and are cached as the read type says.
    /// </summary>
    public async Task<FileInStream> OpenFileAsync(string path, OpenFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        return OpenFile(status, options);
    }

    /// <summary>
    /// Opens a complete file for reading from a status already fetched (openFile(URIStatus) in Alluxio), without
    /// asking the master again: a complete file's blocks never change, so the status stays good for as long as the
    /// file is not deleted or overwritten.
    /// </summary>
    public FileInStream OpenFile(UriStatus status, OpenFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        options ??= OpenFileOptions.Default;
        if (status.IsFolder)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"Cannot read from {status.Path} because it is a directory.");
        }

        if (!status.IsCompleted)
        {
            throw new AlluxioException(ErrorType.FailedPrecondition, $"Cannot read from {status.Path} because it is incomplete: it is still being written.");
        }

        return new FileInStream(status.Info, _readers, options.ReadType ?? _defaults.ReadType);
    }

    /// <summary>
    /// Creates a file and returns the stream that writes it, as the write type says (alluxio.user.file.writetype.default
    /// unless set). Closing the stream commits the file; a failure discards it.
    /// </summary>
    public async Task<FileOutStream> CreateFileAsync(string path, CreateFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CreateFileOptions.Default;
        var writeType = options.WriteType ?? _defaults.WriteType;
        var status = await CreateFileMetadataAsync(path, options with { WriteType = writeType }, cancellationToken).ConfigureAwait(false);
        var created = status.Path;
        return new FileOutStream(
            status.Info,
            writeType,
            _data,
            (length, contentHash, xattr, token) => CompleteFileAsync(created, new CompleteFileOptions { Length = length, ContentHash = contentHash, XAttr = xattr }, token),
            token => DeleteAsync(created, new DeleteOptions { AlluxioOnly = true }, token));
    }

    /// <summary>The live workers, with their capacity and usage.</summary>
    public async Task<IReadOnlyList<WorkerInfo>> GetWorkerInfoListAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetWorkerInfoListAsync), retryable: true, (c, o) => Block(c).GetWorkerInfoListAsync(new GetWorkerInfoListPOptions(), o), cancellationToken)
            .ConfigureAwait(false);
        return [.. response.WorkerInfos];
    }

    /// <summary>Workers the master has declared lost.</summary>
    public async Task<IReadOnlyList<WorkerInfo>> GetLostWorkerInfoListAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetLostWorkerInfoListAsync), retryable: true, (c, o) => Block(c).GetLostWorkerListAsync(new GetWorkerInfoListPOptions(), o), cancellationToken)
            .ConfigureAwait(false);
        return [.. response.WorkerInfos];
    }

    /// <summary>The cluster's capacity and usage, in total and per tier.</summary>
    public async Task<BlockMasterInfo> GetBlockMasterInfoAsync(CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetBlockMasterInfoAsync), retryable: true, (c, o) => Block(c).GetBlockMasterInfoAsync(new GetBlockMasterInfoPOptions(), o), cancellationToken)
            .ConfigureAwait(false);
        return response.BlockMasterInfo;
    }

    /// <summary>A block's length and where it is cached.</summary>
    public async Task<BlockInfo> GetBlockInfoAsync(long blockId, CancellationToken cancellationToken = default)
    {
        var response = await _master.CallAsync(
            nameof(GetBlockInfoAsync), retryable: true, (c, o) => Block(c).GetBlockInfoAsync(new GetBlockInfoPRequest { BlockId = blockId }, o), cancellationToken)
            .ConfigureAwait(false);
        return response.BlockInfo;
    }

    /// <summary>
    /// Caches a file, or every file below a directory, in workers: on this machine's worker when
    /// <paramref name="local"/>, else spread over the workers. The master journals the load, so it finishes even
    /// if the master restarts; with <paramref name="wait"/> the call answers when every block is cached or failed.
    /// </summary>
    public async Task<LoadPResponse> LoadAsync(string path, bool local, bool wait, CancellationToken cancellationToken = default)
    {
        var request = new LoadPRequest
        {
            Path = AlluxioPath.Resolve(path),
            Options = new LoadPOptions { PreferredHost = local ? _data.LocalHost.Name : "", Wait = wait, CommonOptions = Common(mutation: true) },
        };
        return await _master.CallAsync(nameof(LoadAsync), retryable: true, (c, o) => Fs(c).LoadAsync(request, o), cancellationToken, withDeadline: !wait)
            .ConfigureAwait(false);
    }

    private static BlockMasterClientService.BlockMasterClientServiceClient Block(GrpcChannel channel) => new(channel);
}

using Alluxio.UnderFs;
using Alluxio.UnderFs.Options;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Ufs;

/// <summary>
/// One file written into a UFS: created with its parents, written as the bytes come, committed by
/// <see cref="CommitAsync"/>. Disposing without a commit abandons it, so a failed or cancelled write leaves nothing
/// visible (no object, no open upload).
/// </summary>
internal sealed class UfsFileWriter : IAsyncDisposable
{
    private readonly UnderFileSystem _ufs;
    private readonly Stream _stream;
    private readonly UfsCounters _counters;
    private readonly ILogger _logger;
    private bool _finished;

    private UfsFileWriter(UnderFileSystem ufs, string path, Stream stream, UfsCounters counters, ILogger logger)
    {
        _ufs = ufs;
        Path = path;
        _stream = stream;
        _counters = counters;
        _logger = logger;
    }

    public string Path { get; }

    public long Length { get; private set; }

    public static async Task<UfsFileWriter> CreateAsync(MountedUfs mounted, string path, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mounted);
        var stream = await mounted.Ufs.CreateAsync(path, new CreateOptions { CreateParent = true, EnsureAtomic = true }, cancellationToken).ConfigureAwait(false);
        return new UfsFileWriter(mounted.Ufs, path, stream, mounted.Counters, logger);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        Length += data.Length;
        _counters.AddWritten(data.Length);
    }

    /// <summary>Surfaces a failure of what was sent so far (e.g. a multipart part that failed).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _stream.FlushAsync(cancellationToken);

    /// <summary>Makes the file visible, whole, and returns its content hash as the UFS reports it.</summary>
    public async Task<string> CommitAsync(CancellationToken cancellationToken)
    {
        _finished = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
        return (await _ufs.GetFileStatusAsync(Path, cancellationToken).ConfigureAwait(false)).ContentHash;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            await _stream.AbortAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Errors.AlluxioException or IOException)
        {
            // The write already failed for the caller; an object store expires what an abort could not remove.
            WorkerLog.UfsAbortFailed(_logger, Path, e.Message);
        }
    }
}

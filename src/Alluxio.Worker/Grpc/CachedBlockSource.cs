using Alluxio.Worker.BlockStore;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Worker.Grpc;

/// <summary>A committed block's file, read under a lease that keeps the block from eviction until disposed.</summary>
internal sealed class CachedBlockSource : IBlockSource
{
    private readonly BlockReadLease _lease;
    private readonly SafeFileHandle _file;

    public CachedBlockSource(BlockReadLease lease)
    {
        _lease = lease;
        try
        {
            _file = File.OpenHandle(lease.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public long Length => _lease.Block.Length;

    public ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken) =>
        RandomAccess.ReadAsync(_file, buffer, position, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        _lease.Dispose();
        return ValueTask.CompletedTask;
    }
}

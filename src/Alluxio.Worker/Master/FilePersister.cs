using System.Buffers;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Worker.BlockStore;
using Alluxio.Worker.Ufs;
using Microsoft.Extensions.Logging;
using BlockInfo = Alluxio.Grpc.BlockInfo;

namespace Alluxio.Worker.Master;

/// <summary>
/// Writes a file to its UFS path from its blocks in order (ASYNC_THROUGH, fs persist): blocks in this store are read
/// from their files under a lease, the others from a worker that caches them. The bytes stream into the UFS; a
/// failure abandons the UFS file, so nothing partial appears.
/// </summary>
internal sealed class FilePersister(
    TieredBlockStore store, UfsClients ufsClients, RemoteBlockReader remote, ILogger logger)
{
    private const int BufferSize = 1 << 20;

    /// <summary>Persists <paramref name="file"/> and returns the content hash the UFS reports for it.</summary>
    public async Task<string> PersistAsync(PersistFile file, long? selfWorkerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ufs = await ufsClients.GetAsync(file.MountId, cancellationToken).ConfigureAwait(false);
        var writer = await UfsFileWriter.CreateAsync(ufs, file.UfsPath, logger, cancellationToken).ConfigureAwait(false);
        await using var writerScope = writer.ConfigureAwait(false);
        foreach (var block in file.Blocks)
        {
            if (store.FindBlock(block.BlockId) is not null)
            {
                await CopyLocalAsync(block, writer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await remote.CopyAsync(block, selfWorkerId, writer.WriteAsync, cancellationToken).ConfigureAwait(false);
            }
        }

        if (writer.Length != file.Length)
        {
            throw new AlluxioException(
                ErrorType.FailedPrecondition, $"The blocks of file {file.FileId} hold {writer.Length} bytes, not the file's {file.Length}.");
        }

        return await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyLocalAsync(BlockInfo block, UfsFileWriter writer, CancellationToken cancellationToken)
    {
        using var lease = store.AcquireReadLease(block.BlockId);
        using var file = File.OpenHandle(lease.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (long position = 0; position < lease.Block.Length;)
            {
                var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, lease.Block.Length - position)), position, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new AlluxioException(ErrorType.Internal, $"The file of block {block.BlockId} ends at byte {position}, before its length {lease.Block.Length}.");
                }

                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

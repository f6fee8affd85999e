using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Channels;
using Alluxio.Grpc.Errors;
using Alluxio.Grpc.Streaming;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Master;

/// <summary>Reads a block another worker caches, with that worker's ReadBlock, over one channel per worker.</summary>
internal sealed class RemoteBlockReader(ILoggerFactory loggerFactory) : IDisposable
{
    private const int ChunkSize = 1 << 20;

    private readonly WorkerChannels _channels = new(TimeSpan.FromSeconds(5), loggerFactory);

    /// <summary>
    /// Streams the whole of <paramref name="block"/> into <paramref name="sink"/> from the first of its locations
    /// (other than <paramref name="selfWorkerId"/>) that serves it.
    /// </summary>
    /// <exception cref="AlluxioException">No worker served it, or one failed after sending part of it.</exception>
    public async Task CopyAsync(
        BlockInfo block, long? selfWorkerId, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(sink);
        AlluxioException? last = null;
        foreach (var location in block.Locations.Where(l => l.WorkerId != selfWorkerId && l.WorkerAddress is not null))
        {
            var target = location.WorkerAddress.Target;
            var invoker = _channels.Get(target).CreateCallInvoker();
            long copied = 0;
            try
            {
                using var call = PooledReadBlock.Start(
                    invoker,
                    new ReadRequest { BlockId = block.BlockId, Offset = 0, Length = block.Length, ChunkSize = ChunkSize },
                    new CallOptions(cancellationToken: cancellationToken));
                await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        await sink(chunk.Memory, cancellationToken).ConfigureAwait(false);
                        copied += chunk.Length;
                    }
                    finally
                    {
                        chunk.Release();
                    }
                }
            }
            catch (RpcException e) when (copied == 0 && !cancellationToken.IsCancellationRequested)
            {
                last = AlluxioStatus.ToAlluxioException(e, target);
                continue;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw AlluxioStatus.ToAlluxioException(e, target);
            }

            if (copied != block.Length)
            {
                throw new AlluxioException(
                    ErrorType.FailedPrecondition, $"The worker at {target} sent {copied} bytes of block {block.BlockId}, not its {block.Length}.");
            }

            return;
        }

        throw new AlluxioException(
            ErrorType.Unavailable,
            $"Block {block.BlockId} is not cached here and no other worker holding it served it{(last is null ? "" : $": {last.Message}")}",
            last);
    }

    public void Dispose() => _channels.Dispose();
}

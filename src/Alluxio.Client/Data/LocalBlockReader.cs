using Alluxio.Client.Metrics;
using Alluxio.Grpc;
using Grpc.Core;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Client.Data;

/// <summary>
/// Short-circuit read: the block's file on this machine, opened directly. The worker keeps the block from eviction
/// for as long as the lease stream is open, which is the life of this reader.
/// </summary>
internal sealed class LocalBlockReader : IBlockReader
{
    private readonly AsyncDuplexStreamingCall<OpenLocalBlockRequest, OpenLocalBlockResponse> _lease;
    private readonly SafeFileHandle _file;
    private readonly ClientCounters _counters;
    private readonly long _end;
    private long _position;

    private LocalBlockReader(
        AsyncDuplexStreamingCall<OpenLocalBlockRequest, OpenLocalBlockResponse> lease, SafeFileHandle file, long offset, long length, long workerId, ClientCounters counters)
    {
        _lease = lease;
        _file = file;
        _counters = counters;
        _position = offset;
        _end = offset + length;
        WorkerId = workerId;
    }

    public long WorkerId { get; }

    /// <summary>Leases the block from its worker and opens its file at <paramref name="offset"/>.</summary>
    public static async Task<LocalBlockReader> OpenAsync(
        BlockWorker.BlockWorkerClient client, long blockId, bool promote, long offset, long length, long workerId, Metadata? headers, ClientCounters counters, CancellationToken cancellationToken)
    {
        var lease = client.OpenLocalBlock(headers, cancellationToken: CancellationToken.None);
        try
        {
            await lease.RequestStream.WriteAsync(new OpenLocalBlockRequest { BlockId = blockId, Promote = promote }, cancellationToken).ConfigureAwait(false);
            if (!await lease.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"The worker ended the lease of block {blockId} without a path."));
            }

            var file = File.OpenHandle(lease.ResponseStream.Current.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (RandomAccess.GetLength(file) < offset + length)
            {
                // A range handed to a splice would come back short, which a kernel takes for the file's end.
                var actual = RandomAccess.GetLength(file);
                file.Dispose();
                throw new IOException($"The local file of block {blockId} holds {actual} bytes, fewer than the {offset + length} the block has.");
            }

            return new LocalBlockReader(lease, file, offset, length, workerId, counters);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, _end - _position);
        if (count <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(_file, buffer[..count], _position);
        _position += read;
        _counters.AddBytesReadLocal(read);
        return read > 0 ? read : throw Truncated();
    }

    /// <summary>
    /// Moves to <paramref name="offset"/> in the block, for a reader opened to the block's end: the lease and the open
    /// file serve any part of it.
    /// </summary>
    public void MoveTo(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, _end);
        _position = offset;
    }

    /// <summary>Takes up to <paramref name="count"/> of the next bytes as a range of the block file, not a copy.</summary>
    public LocalFileRange Take(int count)
    {
        count = (int)Math.Min(count, _end - _position);
        if (count <= 0)
        {
            throw Truncated();
        }

        var referenced = false;
        _file.DangerousAddRef(ref referenced);
        var range = new LocalFileRange(_file, _position, count);
        _position += count;
        _counters.AddBytesReadLocal(count);
        return range;
    }

    /// <summary>
    /// Reads inline, as <see cref="Read"/> does. A block file sits in the worker's store (memory, or a disk whose
    /// pages are mostly cached), where a pread takes microseconds; RandomAccess.ReadAsync does the same pread on a
    /// thread-pool thread, adding a thread hop and allocations to every call, which small reads (FUSE's 4 KiB
    /// O_DIRECT reads, positioned reads) pay many times over.
    /// </summary>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

    public ValueTask DisposeAsync()
    {
        _file.Dispose();

        // The reader is done with the file; ending the lease takes a round trip to the worker that the next block's
        // read need not wait for.
        _ = ReleaseLeaseAsync();
        return ValueTask.CompletedTask;
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            // Completing our side and waiting for the worker to end its side releases the lease cleanly; disposing
            // at once would reset the stream under the worker.
            await _lease.RequestStream.CompleteAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while (await _lease.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
            {
            }
        }
        catch (RpcException)
        {
            // The worker is gone; so is the lease.
        }
        catch (InvalidOperationException)
        {
            // The call already ended.
        }
        catch (OperationCanceledException)
        {
            // The worker did not end the call in time; disposing it below ends it.
        }
        finally
        {
            _lease.Dispose();
        }
    }

    private IOException Truncated() => new($"The local block file ended at byte {_position}, before the block's end at {_end}.");
}

using Alluxio.Grpc;
using Alluxio.Grpc.Streaming;
using Grpc.Core;

namespace Alluxio.Client.Data;

/// <summary>
/// A block range streamed from a worker as pooled chunks. HTTP/2 flow control keeps the worker from running ahead of
/// the reader by more than the stream's window; each wait for the next chunk is bounded by the read timeout.
/// </summary>
internal sealed class GrpcBlockReader : IBlockReader
{
    private readonly AsyncServerStreamingCall<ReadChunk> _call;
    private readonly TimeSpan _chunkTimeout;
    private readonly long _expected;
    private ReadChunk? _chunk;
    private int _chunkOffset;
    private long _received;
    private CancellationTokenSource? _timeout;
    private CancellationToken _timeoutLinkedTo;

    public GrpcBlockReader(CallInvoker invoker, ReadRequest request, long workerId, Metadata? headers, TimeSpan chunkTimeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        _call = PooledReadBlock.Start(invoker, request, new CallOptions(headers));
        _expected = request.Length;
        _chunkTimeout = chunkTimeout;
        WorkerId = workerId;
    }

    public long WorkerId { get; }

    public int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (Available == 0)
        {
            if (!NextAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                return 0;
            }
        }

        return Take(buffer);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (Available == 0)
        {
            if (!await NextAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        return Take(buffer.Span);
    }

    public ValueTask DisposeAsync()
    {
        _chunk?.Release();
        _call.Dispose();
        _timeout?.Dispose();
        return ValueTask.CompletedTask;
    }

    private int Available => _chunk is null ? 0 : _chunk.Length - _chunkOffset;

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, Available);
        _chunk!.Span.Slice(_chunkOffset, count).CopyTo(buffer);
        _chunkOffset += count;
        return count;
    }

    private async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        _chunk?.Release();
        _chunk = null;
        var more = await MoveNextAsync(cancellationToken).ConfigureAwait(false);
        if (!more)
        {
            if (_received < _expected)
            {
                // A worker that stops early without an error is as broken as one that fails: try another source.
                throw new RpcException(new Status(StatusCode.DataLoss, $"The worker ended the block after {_received} of {_expected} bytes."));
            }

            return false;
        }

        _chunk = _call.ResponseStream.Current;
        _chunkOffset = 0;
        _received += _chunk.Length;
        return true;
    }

    private async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        // One timer per reader, re-armed for each chunk; a caller's new token needs a new link.
        if (_timeout is null || _timeoutLinkedTo != cancellationToken || !_timeout.TryReset())
        {
            _timeout?.Dispose();
            _timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _timeoutLinkedTo = cancellationToken;
        }

        _timeout.CancelAfter(_chunkTimeout);
        try
        {
            return await _call.ResponseStream.MoveNext(_timeout.Token).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"The worker sent no data for {_chunkTimeout.TotalSeconds:0} s."));
        }
    }
}

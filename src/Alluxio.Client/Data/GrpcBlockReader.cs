using Alluxio.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Alluxio.Client.Data;

/// <summary>
/// A block range streamed from a worker as chunks. HTTP/2 flow control keeps the worker from running ahead of the
/// reader by more than the stream's window; each wait for the next chunk is bounded by the read timeout.
/// </summary>
internal sealed class GrpcBlockReader : IBlockReader
{
    private readonly AsyncServerStreamingCall<ReadResponse> _call;
    private readonly TimeSpan _chunkTimeout;
    private readonly long _expected;
    private ByteString _chunk = ByteString.Empty;
    private int _chunkOffset;
    private long _received;
    private CancellationTokenSource? _timeout;

    public GrpcBlockReader(BlockWorker.BlockWorkerClient client, ReadRequest request, long workerId, Metadata? headers, TimeSpan chunkTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        _call = client.ReadBlock(request, headers);
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

        while (_chunkOffset == _chunk.Length)
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

        while (_chunkOffset == _chunk.Length)
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
        _call.Dispose();
        _timeout?.Dispose();
        return ValueTask.CompletedTask;
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _chunk.Length - _chunkOffset);
        _chunk.Span.Slice(_chunkOffset, count).CopyTo(buffer);
        _chunkOffset += count;
        return count;
    }

    private async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        if (_timeout is null || !_timeout.TryReset())
        {
            _timeout?.Dispose();
            _timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        _timeout.CancelAfter(_chunkTimeout);
        bool more;
        try
        {
            more = await _call.ResponseStream.MoveNext(_timeout.Token).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"The worker sent no data for {_chunkTimeout.TotalSeconds:0} s."));
        }

        if (!more)
        {
            if (_received < _expected)
            {
                // A worker that stops early without an error is as broken as one that fails: try another source.
                throw new RpcException(new Status(StatusCode.DataLoss, $"The worker ended the block after {_received} of {_expected} bytes."));
            }

            return false;
        }

        _chunk = _call.ResponseStream.Current.Chunk;
        _chunkOffset = 0;
        _received += _chunk.Length;
        return true;
    }
}

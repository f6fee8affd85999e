using Alluxio.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Alluxio.Client.Data;

/// <summary>
/// One write stream to a worker: a command naming what is written (a block, or a file in the UFS), then chunks.
/// A flush waits for the worker to confirm what it has taken; completing the stream commits and returns the
/// worker's last answer; disposing an uncompleted stream cancels it, and the worker discards what it got.
/// </summary>
internal sealed class WorkerWriter : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<WriteRequest, WriteResponse> _call;

    private WorkerWriter(AsyncDuplexStreamingCall<WriteRequest, WriteResponse> call, long workerId)
    {
        _call = call;
        WorkerId = workerId;
    }

    public long WorkerId { get; }

    public static async Task<WorkerWriter> OpenAsync(
        BlockWorker.BlockWorkerClient client, WriteRequestCommand command, long workerId, Metadata? headers, CancellationToken cancellationToken)
    {
        var call = client.WriteBlock(headers, cancellationToken: CancellationToken.None);
        try
        {
            await call.RequestStream.WriteAsync(new WriteRequest { Command = command }, cancellationToken).ConfigureAwait(false);
            return new WorkerWriter(call, workerId);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a chunk. The bytes are wrapped, not copied: gRPC has serialized them when this returns, so the caller
    /// may reuse the buffer then.
    /// </summary>
    public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
        _call.RequestStream.WriteAsync(new WriteRequest { Chunk = UnsafeByteOperations.UnsafeWrap(chunk) }, cancellationToken);

    /// <summary>Waits until the worker has taken everything sent so far; returns how many bytes that is.</summary>
    public async Task<long> FlushAsync(CancellationToken cancellationToken)
    {
        await _call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Flush = true } }, cancellationToken).ConfigureAwait(false);
        if (!await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The worker ended the write without confirming a flush."));
        }

        return _call.ResponseStream.Current.Offset;
    }

    /// <summary>Ends the stream, so the worker commits, and returns its final answer.</summary>
    public async Task<WriteResponse> CompleteAsync(CancellationToken cancellationToken)
    {
        await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
        WriteResponse? last = null;
        while (await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            last = _call.ResponseStream.Current;
        }

        return last ?? throw new RpcException(new Status(StatusCode.Unavailable, "The worker ended the write without an answer."));
    }

    public ValueTask DisposeAsync()
    {
        // Disposing a call that has not completed cancels it, which is how the worker learns to discard the write.
        _call.Dispose();
        return ValueTask.CompletedTask;
    }
}

using Alluxio.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Alluxio.Worker.Tests.Hosting;

/// <summary>The client side of the data service as tests drive it.</summary>
internal static class WorkerCalls
{
    /// <summary>Reads with ReadBlock and returns each chunk.</summary>
    public static async Task<List<byte[]>> ReadChunksAsync(this BlockWorker.BlockWorkerClient client, ReadRequest request, CancellationToken cancellationToken)
    {
        using var call = client.ReadBlock(request, cancellationToken: cancellationToken);
        var chunks = new List<byte[]>();
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            chunks.Add(response.Chunk.ToByteArray());
        }

        return chunks;
    }

    public static async Task<byte[]> ReadAsync(this BlockWorker.BlockWorkerClient client, ReadRequest request, CancellationToken cancellationToken) =>
        [.. (await client.ReadChunksAsync(request, cancellationToken)).SelectMany(c => c)];

    /// <summary>Writes <paramref name="content"/> after <paramref name="command"/> in chunks, completes the stream and returns the last answer.</summary>
    public static async Task<WriteResponse> WriteAsync(
        this BlockWorker.BlockWorkerClient client, WriteRequestCommand command, byte[] content, int chunkSize, CancellationToken cancellationToken)
    {
        using var call = client.WriteBlock(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = command }, cancellationToken);
        for (var offset = 0; offset < content.Length; offset += chunkSize)
        {
            var chunk = ByteString.CopyFrom(content, offset, Math.Min(chunkSize, content.Length - offset));
            await call.RequestStream.WriteAsync(new WriteRequest { Chunk = chunk }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        WriteResponse? last = null;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            last = response;
        }

        return last ?? throw new InvalidOperationException("The worker answered nothing.");
    }

    public static WriteRequest Chunk(byte[] content, int offset, int count) => new() { Chunk = ByteString.CopyFrom(content, offset, count) };
}

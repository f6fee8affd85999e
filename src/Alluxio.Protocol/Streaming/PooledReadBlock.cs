using System.Buffers;
using Google.Protobuf;
using Grpc.Core;

namespace Alluxio.Grpc.Streaming;

/// <summary>
/// BlockWorker.ReadBlock as the generated client calls it on the wire, but with each response parsed into a pooled
/// <see cref="ReadChunk"/> instead of a freshly allocated ByteString. The server and the protocol are unchanged.
/// </summary>
public static class PooledReadBlock
{
    /// <summary>Field 1 (chunk), length-delimited: the only field of ReadResponse.</summary>
    private const uint ChunkTag = (1 << 3) | 2;

    private static readonly Method<ReadRequest, ReadChunk> s_method = new(
        MethodType.ServerStreaming,
        BlockWorker.Descriptor.FullName,
        "ReadBlock",
        Marshallers.Create(r => r.ToByteArray(), ReadRequest.Parser.ParseFrom),
        Marshallers.Create<ReadChunk>((_, _) => throw new NotSupportedException("Chunks are only read."), Parse));

    /// <summary>Starts a ReadBlock stream on <paramref name="invoker"/>; the caller releases every chunk it takes.</summary>
    public static AsyncServerStreamingCall<ReadChunk> Start(CallInvoker invoker, ReadRequest request, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        return invoker.AsyncServerStreamingCall(s_method, null, options, request);
    }

    private static ReadChunk Parse(DeserializationContext context)
    {
        var reader = new SequenceReader<byte>(context.PayloadAsReadOnlySequence());
        ReadChunk? chunk = null;
        while (!reader.End)
        {
            var tag = ReadVarint(ref reader);
            var wireType = (int)(tag & 7);
            if (tag == ChunkTag)
            {
                var length = checked((int)ReadVarint(ref reader));
                chunk?.Release();
                chunk = Copy(ref reader, length);
                continue;
            }

            Skip(ref reader, wireType);
        }

        return chunk ?? new ReadChunk(null, 0);
    }

    private static ReadChunk Copy(ref SequenceReader<byte> reader, int length)
    {
        if (reader.Remaining < length)
        {
            throw new InvalidDataException("A ReadBlock response ended inside its chunk.");
        }

        if (length == 0)
        {
            return new ReadChunk(null, 0);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        reader.TryCopyTo(buffer.AsSpan(0, length));
        reader.Advance(length);
        return new ReadChunk(buffer, length);
    }

    private static void Skip(ref SequenceReader<byte> reader, int wireType)
    {
        if (wireType == 0)
        {
            ReadVarint(ref reader);
            return;
        }

        var skip = wireType switch
        {
            1 => 8L,
            2 => (long)ReadVarint(ref reader),
            5 => 4L,
            _ => throw new InvalidDataException($"A ReadBlock response has a field of wire type {wireType}, which proto3 does not use."),
        };
        if (reader.Remaining < skip)
        {
            throw new InvalidDataException("A ReadBlock response ended inside a field.");
        }

        reader.Advance(skip);
    }

    private static ulong ReadVarint(ref SequenceReader<byte> reader)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (!reader.TryRead(out var b))
            {
                throw new InvalidDataException("A ReadBlock response ended inside a number.");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A ReadBlock response has a number longer than ten bytes.");
    }
}

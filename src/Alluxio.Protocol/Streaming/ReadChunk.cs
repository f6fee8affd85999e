using System.Buffers;

namespace Alluxio.Grpc.Streaming;

/// <summary>
/// One ReadBlock response's bytes in a buffer rented from the shared pool: what a reader holds until it has copied
/// them out, then gives back with <see cref="Release"/>. Chunks are up to a megabyte; a new array for each would
/// land on the large object heap and cost a full collection every few hundred megabytes read.
/// </summary>
public sealed class ReadChunk
{
    private byte[]? _buffer;

    internal ReadChunk(byte[]? buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The chunk's bytes; empty once released.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, Length);

    /// <summary>The chunk's bytes as memory, for sinks that take it; valid until <see cref="Release"/>.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer is null ? default : _buffer.AsMemory(0, Length);

    /// <summary>Returns the buffer to the pool; the chunk is empty afterwards. Safe to call twice.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

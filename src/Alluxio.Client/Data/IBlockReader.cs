namespace Alluxio.Client.Data;

/// <summary>Reads one range of one block, in order, from one source (a local block file or a worker's stream).</summary>
internal interface IBlockReader : IAsyncDisposable
{
    /// <summary>The worker this reader depends on, to avoid it after a failure.</summary>
    public long WorkerId { get; }

    /// <summary>Reads the next bytes; 0 only at the end of the range.</summary>
    public int Read(Span<byte> buffer);

    /// <inheritdoc cref="Read(Span{byte})"/>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}

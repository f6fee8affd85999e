namespace S3.Protocol.Body;

/// <summary>Reads a request body's payload, undoing its transfer encoding.</summary>
internal abstract class PayloadReader : IDisposable
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> s_noTrailers = [];

    /// <summary>The trailing headers that followed the payload, once it has been read to its end.</summary>
    public virtual IReadOnlyList<KeyValuePair<string, string>> Trailers => s_noTrailers;

    /// <summary>Reads decoded bytes; 0 at the end of the payload.</summary>
    public abstract int Read(Span<byte> destination);

    /// <inheritdoc cref="Read"/>
    public abstract ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }
}

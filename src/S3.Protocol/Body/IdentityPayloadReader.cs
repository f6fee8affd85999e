namespace S3.Protocol.Body;

/// <summary>A body sent as it is: reads go straight to the source, without copying.</summary>
internal sealed class IdentityPayloadReader(Stream source) : PayloadReader
{
    public override int Read(Span<byte> destination) => source.Read(destination);

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken) =>
        source.ReadAsync(destination, cancellationToken);
}

namespace S3.Protocol.Tests.Support;

/// <summary>A stream whose reads return at most the given sizes in turn, as a network stream's reads would.</summary>
internal sealed class TrickleStream(byte[] content, IReadOnlyList<int> readSizes) : MemoryStream(content, writable: false)
{
    private int _reads;

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Limit(count));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Limit(buffer.Length)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Limit(count), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken);

    private int Limit(int count) =>
        readSizes.Count == 0 ? count : Math.Min(count, Math.Max(1, readSizes[_reads++ % readSizes.Count]));
}

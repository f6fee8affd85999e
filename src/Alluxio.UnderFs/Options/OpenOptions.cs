namespace Alluxio.UnderFs.Options;

public sealed record OpenOptions
{
    public static readonly OpenOptions Default = new();

    /// <summary>The byte to start at.</summary>
    public long Offset { get; init; }

    /// <summary>How many bytes the caller will read at most; null for up to the end.</summary>
    public long? Length { get; init; }

    /// <summary>
    /// The content hash the caller expects (from the status it already has). When set, the open fails rather than
    /// return the bytes of another version, and needs no status call of its own.
    /// </summary>
    public string? ContentHash { get; init; }
}

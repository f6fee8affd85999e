namespace Alluxio.Client.Options;

/// <summary>What the writer of a file reports when it is done.</summary>
public sealed record CompleteFileOptions
{
    public static CompleteFileOptions Default { get; } = new();

    /// <summary>The number of bytes written.</summary>
    public long Length { get; init; }

    /// <summary>The content fingerprint of the UFS object a through write produced, when the writer knows it.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Extended attributes the file takes as it completes, replacing those of the same name.</summary>
    public IReadOnlyDictionary<string, byte[]> XAttr { get; init; } = new Dictionary<string, byte[]>();
}

namespace Alluxio.Client.Options;

/// <summary>How cached data is freed.</summary>
public sealed record FreeOptions
{
    public static FreeOptions Default { get; } = new();

    /// <summary>Free a directory's subtree.</summary>
    public bool Recursive { get; init; }

    /// <summary>Free pinned files as well.</summary>
    public bool Forced { get; init; }
}

namespace Alluxio.UnderFs.Options;

public sealed record DeleteOptions
{
    public static readonly DeleteOptions Default = new();

    public static readonly DeleteOptions Recursive = new() { IsRecursive = true };

    public bool IsRecursive { get; init; }
}

namespace Alluxio.UnderFs.Options;

public sealed record ListOptions
{
    public static readonly ListOptions Default = new();

    public static readonly ListOptions Recursive = new() { IsRecursive = true };

    /// <summary>List every descendant, named by its path relative to the listed folder (a/b/c).</summary>
    public bool IsRecursive { get; init; }
}

namespace Alluxio.UnderFs.Options;

/// <summary>How a file is created; the defaults are Alluxio's.</summary>
public sealed record CreateOptions
{
    public static readonly CreateOptions Default = new();

    /// <summary>Create missing parent directories first.</summary>
    public bool CreateParent { get; init; }

    /// <summary>The file appears only when its stream is closed (every UFS here writes this way).</summary>
    public bool EnsureAtomic { get; init; }
}

namespace Alluxio.Master.Sync;

/// <summary>How far below a path a load or sync reaches.</summary>
public enum DescendantType
{
    /// <summary>The path only.</summary>
    None,

    /// <summary>The path and its direct children.</summary>
    One,

    /// <summary>The whole subtree.</summary>
    All,
}

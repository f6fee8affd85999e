namespace Alluxio.Master.Operations;

/// <summary>Who makes a call and how the caller wants metadata treated, from the caller's own configuration.</summary>
/// <param name="User">The caller's user name; new inodes belong to it.</param>
/// <param name="Group">The caller's primary group.</param>
/// <param name="SyncIntervalMs">-1 never sync with the UFS, 0 sync on every call, else the most a sync may be stale.</param>
/// <param name="LoadType">Whether a path missing from Alluxio is looked for in the UFS.</param>
/// <param name="OperationId">The caller's id for this change, the same across its retries; "" when none.</param>
public sealed record CallContext(
    string User = "",
    string Group = "",
    long SyncIntervalMs = -1,
    MetadataLoadType LoadType = MetadataLoadType.Once,
    string OperationId = "")
{
    public static CallContext Default { get; } = new();
}

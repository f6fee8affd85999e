namespace Alluxio.Master.Jobs;

/// <summary>A journaled free: the blocks of <paramref name="FileIds"/> leave every worker that holds them.</summary>
public sealed record FreeJob(long JobId, IReadOnlyList<long> FileIds);

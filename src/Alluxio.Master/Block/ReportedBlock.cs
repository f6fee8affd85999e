namespace Alluxio.Master.Block;

/// <summary>A block a worker says it holds, and where in its store.</summary>
public readonly record struct ReportedBlock(long BlockId, TierLocation Location);

namespace Alluxio.Master.Commands;

/// <summary>A persist command handed to a worker: which registration of it, and the UFS path it was told to write.</summary>
internal sealed record PersistAttempt(long WorkerId, long Session, string UfsPath);

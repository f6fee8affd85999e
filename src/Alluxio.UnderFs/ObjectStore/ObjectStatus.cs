namespace Alluxio.UnderFs.ObjectStore;

/// <summary>One object as an object store reports it.</summary>
public sealed record ObjectStatus(string Key, long Size, string ContentHash, DateTimeOffset? LastModified);

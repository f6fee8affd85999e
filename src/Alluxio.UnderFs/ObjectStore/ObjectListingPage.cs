namespace Alluxio.UnderFs.ObjectStore;

/// <summary>One page of an object listing; <see cref="NextMarker"/> is null after the last page.</summary>
public sealed record ObjectListingPage(IReadOnlyList<ObjectStatus> Objects, IReadOnlyList<string> CommonPrefixes, string? NextMarker);

using Alluxio.Client;

namespace Alluxio.Fuse.Files;

/// <summary>
/// An inode's attributes as fetched at <paramref name="FetchedAt"/>, and whether the file was complete then; for a
/// complete file fetched by itself (a lookup or getattr, not a listing), the status too, which the open that
/// usually follows a lookup reads from instead of asking the master again.
/// </summary>
internal sealed record InodeSnapshot(FuseAttributes Attributes, bool Complete, long FetchedAt, UriStatus? Status = null);

using Alluxio.Client.Data;

namespace Alluxio.Fuse;

/// <summary>
/// What a read produced: <see cref="Count"/> bytes in the caller's buffer, or, when <see cref="File"/> is set, that
/// many bytes left in a local file for the transport to move without a copy (and then release).
/// </summary>
public readonly record struct FuseRead(int Count, LocalFileRange? File = null);

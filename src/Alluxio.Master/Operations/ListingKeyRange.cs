namespace Alluxio.Master.Operations;

/// <summary>
/// Which children of a directory a key-ordered listing returns: names starting with <see cref="Prefix"/> whose keys
/// (the name, with a trailing "/" for a directory) sort after <see cref="StartAfter"/> by code point.
/// </summary>
public sealed record ListingKeyRange(string StartAfter, string Prefix);

namespace Alluxio.Client.Options;

/// <summary>
/// The children of a directory listed in object-key order: those whose names start with <see cref="Prefix"/> and whose
/// keys (the name, with a trailing "/" for a directory) sort after <see cref="StartAfter"/>; empty strings for all.
/// </summary>
public sealed record ChildKeyRange(string StartAfter = "", string Prefix = "");

namespace Kodo.Emulator.Storage;

/// <summary>One page of a listing: the objects and folded prefixes found, and the last key scanned (null at the end).</summary>
internal sealed record ListPage(IReadOnlyList<ObjectInfo> Items, IReadOnlyList<string> CommonPrefixes, string? LastScannedKey);

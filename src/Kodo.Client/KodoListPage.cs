namespace Kodo.Client;

/// <summary>
/// One page of a listing. Kodo's limit counts scanned keys, so a page can be short or even empty while
/// <see cref="Marker"/> is not null: callers must page on until <see cref="Marker"/> is null.
/// </summary>
public sealed record KodoListPage(IReadOnlyList<KodoObjectInfo> Items, IReadOnlyList<string> CommonPrefixes, string? Marker)
{
    /// <summary>True when this is the last page.</summary>
    public bool IsLast => Marker is null;
}

using Alluxio.Grpc;

namespace Alluxio.Client.Options;

/// <summary>The attributes to change; only the set ones change.</summary>
public sealed record SetAttributeOptions
{
    /// <summary>The permission bits, e.g. 0755.</summary>
    public int? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }

    public bool? Pinned { get; init; }

    /// <summary>The media a pinned file must stay on (MEM, SSD, HDD); any medium when empty.</summary>
    public IReadOnlyList<string> PinnedMedia { get; init; } = [];

    /// <summary>The time to live; a negative value removes it.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>What happens when the time to live ends; sent with <see cref="Ttl"/>.</summary>
    public TtlAction TtlAction { get; init; } = TtlAction.Delete;

    public bool? Persisted { get; init; }

    public int? ReplicationMin { get; init; }

    public int? ReplicationMax { get; init; }

    /// <summary>Extended attributes to change, as <see cref="XAttrUpdateStrategy"/> says.</summary>
    public IReadOnlyDictionary<string, byte[]> XAttr { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>How <see cref="XAttr"/> changes the path's attributes; TRUNCATE with none clears them.</summary>
    public XAttrUpdateStrategy XAttrUpdateStrategy { get; init; } = XAttrUpdateStrategy.UnionReplace;

    /// <summary>Apply to the whole subtree.</summary>
    public bool Recursive { get; init; }
}

namespace Alluxio.Formatting;

/// <summary>The order reports list storage tiers in: MEM, SSD, HDD, then any other alias alphabetically.</summary>
public sealed class TierOrder : IComparer<string>
{
    public static TierOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var rank = Rank(x).CompareTo(Rank(y));
        return rank != 0 ? rank : string.CompareOrdinal(x, y);
    }

    private static int Rank(string? tier) => tier switch
    {
        "MEM" => 0,
        "SSD" => 1,
        "HDD" => 2,
        _ => 3,
    };
}

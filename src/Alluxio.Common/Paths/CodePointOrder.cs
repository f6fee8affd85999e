namespace Alluxio.Paths;

/// <summary>
/// Orders strings by Unicode code point, which is the order of their UTF-8 bytes: how S3 and Kodo list keys, and how
/// the master lists a directory in key order. Plain ordinal UTF-16 order differs only where a surrogate pair meets a
/// character from U+E000 to U+FFFF, so those are remapped.
/// </summary>
public sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Weight(x[i]) - Weight(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (U+D800-DFFF) encode code points above U+FFFF, so they must sort after U+E000-FFFF.
    private static int Weight(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}

using System.Text;

namespace Alluxio.Client.Options;

/// <summary>
/// Enum values as Alluxio spells them on command lines and in configuration: CachePromote is CACHE_PROMOTE,
/// AsyncThrough is ASYNC_THROUGH. One mapping, both ways, for read types, write types and the like.
/// </summary>
public static class AlluxioNames
{
    /// <summary>The value's Alluxio name: its words upper-cased and joined by '_'.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The value named <paramref name="text"/> (any case, underscores optional), or false.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value)
            && Enum.IsDefined(value)
            && !text.All(char.IsAsciiDigit);
    }
}

namespace Alluxio.Server.Web.Sources;

/// <summary>One page of a listing, from offset and limit query values, as Alluxio's web pages page.</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 20;

    /// <summary>Parses the query values; null with the message Alluxio shows when they are not numbers.</summary>
    public static Paging? Parse(string? offset, string? limit, out string error)
    {
        error = "";
        if (!int.TryParse(string.IsNullOrEmpty(offset) ? "0" : offset, out var o) || !int.TryParse(string.IsNullOrEmpty(limit) ? "20" : limit, out var l) || o < 0 || l < 0)
        {
            error = $"Error: offset or limit parse error, offset={offset}, limit={limit}";
            return null;
        }

        return new Paging(o, l == 0 ? DefaultLimit : l);
    }

    /// <summary>The rows of this page among <paramref name="count"/>; an offset past the end gives none.</summary>
    public (int Skip, int Take) Within(int count) => (Math.Min(Offset, count), Math.Max(0, Math.Min(Limit, count - Offset)));
}

using System.Text.RegularExpressions;

namespace Alluxio.SystemBenchmarks;

/// <summary>Pages through an unsigned S3 ListObjects (V1) as rclone asks for it, reading each page whole.</summary>
internal static partial class S3Pages
{
    /// <summary>The keys of every page of <paramref name="firstPage"/>, following NextMarker.</summary>
    public static async Task<int> ListAsync(HttpClient http, Uri firstPage, CancellationToken cancellationToken)
    {
        var keys = 0;
        var page = firstPage;
        while (true)
        {
            var xml = await http.GetStringAsync(page, cancellationToken);
            keys += KeyElement().Count(xml);
            if (!xml.Contains("<IsTruncated>true</IsTruncated>", StringComparison.Ordinal))
            {
                return keys;
            }

            var marker = NextMarker().Match(xml);
            Expect.That(marker.Success, $"a truncated page of {page} names no NextMarker");
            page = new Uri($"{firstPage}&marker={Uri.EscapeDataString(System.Net.WebUtility.HtmlDecode(marker.Groups[1].Value))}");
        }
    }

    [GeneratedRegex("<Key>")]
    private static partial Regex KeyElement();

    [GeneratedRegex("<NextMarker>([^<]*)</NextMarker>")]
    private static partial Regex NextMarker();
}

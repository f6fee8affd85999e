using System.Globalization;

namespace S3.Protocol;

/// <summary>The two ways S3 writes a time: ISO 8601 with milliseconds in XML, RFC 1123 in HTTP headers.</summary>
public static class S3Timestamp
{
    /// <summary>A time as S3's XML documents write it, e.g. 2013-09-17T18:07:53.000Z.</summary>
    public static string FormatIso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time as the Last-Modified and Date headers carry it, e.g. Tue, 17 Sep 2013 18:07:53 GMT.</summary>
    public static string FormatHttpDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>Reads an RFC 1123 date as sent in Date, If-Modified-Since and similar headers.</summary>
    public static bool TryParseHttpDate(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            text?.Trim(),
            "r",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal,
            out time);
}

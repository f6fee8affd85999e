namespace Kodo.Protocol.Auth;

/// <summary>
/// The parts of an rs/rsf/uc/api request that a management signature (QBox or Qiniu) covers, exactly as they go
/// on the wire: the raw path and raw query are signed as sent, never re-encoded.
/// </summary>
public sealed class ManagementRequest
{
    /// <summary>The MIME type whose body QBox signs and that Qiniu signs when no Content-Type is sent.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>The HTTP method in upper case; only the Qiniu signature covers it.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The raw (percent-encoded, as sent) path, e.g. "/stat/YWxs…"; may be empty.</summary>
    public string Path { get; init; } = "";

    /// <summary>The raw query without the leading '?'; null or empty when there is none.</summary>
    public string? Query { get; init; }

    /// <summary>The Host header as sent, with its port if it has one; only the Qiniu signature covers it.</summary>
    public string Host { get; init; } = "";

    /// <summary>The Content-Type header, or null when the request has none.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// The request headers (any names, any case); the Qiniu signature covers those whose canonical name starts
    /// with "X-Qiniu-".
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request body; management bodies are small forms or JSON documents.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}

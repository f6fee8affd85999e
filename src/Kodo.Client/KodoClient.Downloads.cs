using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kodo.Protocol.Auth;

namespace Kodo.Client;

/// <summary>Downloads: ranged GETs of the private download URL, sent to the io endpoint with the bucket's Host.</summary>
public sealed partial class KodoClient
{
    /// <summary>
    /// Opens <paramref name="key"/> for reading from <paramref name="offset"/>, for <paramref name="length"/> bytes
    /// or to the end. The first request is made here, so a missing object fails at once; later reads that lose
    /// their connection re-request from where they stopped. Reading at or past the end returns 0: no request with
    /// an inverted range is ever sent (defect K11).
    /// </summary>
    /// <exception cref="KodoException">The object does not exist (<see cref="KodoException.IsNotFound"/>), or any other failure.</exception>
    public Task<KodoDownloadStream> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken cancellationToken = default) =>
        OpenReadAsync(key, offset, length, expectedHash: null, cancellationToken);

    /// <inheritdoc cref="OpenReadAsync(string, long, long?, CancellationToken)"/>
    /// <param name="expectedHash">
    /// The object's qetag as the caller knows it; when set, another version of the object fails the open
    /// (<see cref="KodoException.IsChanged"/>) instead of returning its bytes.
    /// </param>
    public async Task<KodoDownloadStream> OpenReadAsync(string key, long offset, long? length, string? expectedHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(requested, nameof(length));
            if (requested == 0)
            {
                return new KodoDownloadStream(this, key, offset, offset, null);
            }
        }

        var end = length is { } l ? offset + l : (long?)null;
        var first = await GetRangeAsync(key, offset, end, cancellationToken).ConfigureAwait(false);
        if (first.Response is null)
        {
            return new KodoDownloadStream(this, key, offset, offset, null);
        }

        if (expectedHash is not null && first.ETag is { } etag && !string.Equals(etag.Trim('"'), expectedHash, StringComparison.Ordinal))
        {
            first.Dispose();
            throw KodoException.Changed("download", key, expectedHash, etag.Trim('"'));
        }

        var stop = end is { } e ? Math.Min(e, first.ObjectSize) : first.ObjectSize;
        var stream = new KodoDownloadStream(this, key, offset, Math.Max(stop, offset), first.ETag);
        stream.Attach(first);
        return stream;
    }

    /// <summary>
    /// Requests bytes [<paramref name="offset"/>, <paramref name="end"/>) of <paramref name="key"/> (to the object's
    /// end when <paramref name="end"/> is null) and returns the open response; a range starting at or past the end
    /// (416) comes back without one.
    /// </summary>
    internal Task<RangeResponse> GetRangeAsync(string key, long offset, long? end, CancellationToken cancellationToken)
    {
        const string Operation = "download";
        return ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            using var request = CreateDownloadRequest(attempt.Use(_ioHosts), key, offset, end);
            var response = await SendStreamingAsync(request, token).ConfigureAwait(false);
            try
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        var size = response.Content.Headers.ContentLength
                            ?? throw KodoException.Protocol(Operation, key, "the answer has no Content-Length.");

                        // A server that ignores the range sends everything: the reader skips to the offset.
                        return await RangeResponse.OpenAsync(response, size, offset, GetETag(response), token).ConfigureAwait(false);
                    case HttpStatusCode.PartialContent:
                        var range = response.Content.Headers.ContentRange;
                        if (range?.From != offset || range.Length is not { } total)
                        {
                            throw KodoException.Protocol(Operation, key, "the answer's Content-Range does not match the request.");
                        }

                        return await RangeResponse.OpenAsync(response, total, 0, GetETag(response), token).ConfigureAwait(false);
                    case HttpStatusCode.RequestedRangeNotSatisfiable:
                        response.Dispose();
                        return RangeResponse.PastEnd;
                    default:
                        var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                        throw CreateException(Operation, key, new BufferedResponse((int)response.StatusCode, body, GetReqId(response)));
                }
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The signed GET of a range. Each path segment of the key is escaped (defect K6: a raw key breaks on space,
    /// '#', '?', '%' or non-ASCII), and the URL is signed as http://DownloadHost + the escaped path exactly as it
    /// goes on the wire, with a fresh one-hour deadline.
    /// </summary>
    private HttpRequestMessage CreateDownloadRequest(Uri io, string key, long offset, long? end)
    {
        var unsigned = KodoEndpoint.Combine(io, EscapeKeyPath(key));
        var path = unsigned.PathAndQuery;
        var signed = PrivateDownloadUrl.Create(_credentials, "http://" + _options.DownloadHost + path, Now + TokenLifetime);
        var query = signed[(signed.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var request = new HttpRequestMessage(HttpMethod.Get, KodoEndpoint.Combine(io, path + "?" + query));
        request.Headers.Host = _options.DownloadHost;
        if (offset > 0 || end is not null)
        {
            request.Headers.Range = new RangeHeaderValue(offset, end - 1);
        }

        return request;
    }

    /// <summary>
    /// "/" + the key with each '/'-separated segment percent-escaped; "." and ".." segments are escaped too so no
    /// URI normalisation can fold them away.
    /// </summary>
    internal static string EscapeKeyPath(string key)
    {
        var path = new StringBuilder(key.Length + 16);
        foreach (var segment in key.Split('/'))
        {
            path.Append('/').Append(segment switch
            {
                "." => "%2E",
                ".." => "%2E%2E",
                _ => Uri.EscapeDataString(segment),
            });
        }

        return path.ToString();
    }

    private static string? GetETag(HttpResponseMessage response) => response.Headers.ETag?.Tag;
}

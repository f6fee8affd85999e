namespace Kodo.Client;

/// <summary>
/// An open download answer: the body to read, how many leading bytes to skip (when a server ignored the range),
/// the object's full size and its ETag. <see cref="PastEnd"/> stands for a range that starts at or past the end.
/// </summary>
internal sealed class RangeResponse : IDisposable
{
    public static readonly RangeResponse PastEnd = new(null, null, 0, 0, null);

    private RangeResponse(HttpResponseMessage? response, Stream? body, long objectSize, long skip, string? etag)
    {
        Response = response;
        Body = body;
        ObjectSize = objectSize;
        Skip = skip;
        ETag = etag;
    }

    public HttpResponseMessage? Response { get; }

    public Stream? Body { get; }

    public long ObjectSize { get; }

    public long Skip { get; }

    public string? ETag { get; }

    public static async Task<RangeResponse> OpenAsync(HttpResponseMessage response, long objectSize, long skip, string? etag, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new RangeResponse(response, body, objectSize, skip, etag);
    }

    public void Dispose()
    {
        Body?.Dispose();
        Response?.Dispose();
    }
}

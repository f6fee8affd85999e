using System.Net;
using System.Net.Http.Headers;

namespace Alluxio.Benchmarks;

/// <summary>
/// Answers every download GET as Kodo's io service would for one object of <paramref name="size"/> bytes: 200 with
/// the whole body, or 206 with a Content-Range for a ranged request. No socket, no emulator: only the client runs.
/// </summary>
internal sealed class FixedObjectHandler(long size) : HttpMessageHandler
{
    private static readonly EntityTagHeaderValue s_etag = new("\"FixedObjectEtag\"");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var from = request.Headers.Range?.Ranges.FirstOrDefault()?.From ?? 0;
        var partial = request.Headers.Range is not null;
        var response = new HttpResponseMessage(partial ? HttpStatusCode.PartialContent : HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StreamContent(new PatternStream(size - from)),
        };
        response.Headers.ETag = s_etag;
        response.Content.Headers.ContentLength = size - from;
        if (partial)
        {
            response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, size - 1, size);
        }

        return Task.FromResult(response);
    }
}

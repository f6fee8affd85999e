namespace Kodo.Client.Tests;

/// <summary>
/// Passes requests to a real handler but breaks the body of the first <see cref="Times"/> successful GETs after
/// <paramref name="keepBytes"/> bytes, in the way <see cref="AfterKeptAsync"/> says.
/// </summary>
internal abstract class PartialBodyHandler(int keepBytes) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _broken;

    /// <summary>How many GET bodies to break.</summary>
    public int Times { get; set; } = 1;

    /// <summary>What a read past the kept bytes does: throw, or wait until it is cancelled.</summary>
    protected abstract Task AfterKeptAsync(CancellationToken cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get && response.IsSuccessStatusCode && Interlocked.Increment(ref _broken) <= Times)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var partial = new StreamContent(new PartialBodyStream(body.AsMemory(0, Math.Min(keepBytes, body.Length)), AfterKeptAsync));
            foreach (var header in response.Content.Headers)
            {
                partial.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = partial;
        }

        return response;
    }
}

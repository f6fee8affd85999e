namespace Kodo.Client.Tests;

/// <summary>
/// Sends requests on to the server and, for the first <paramref name="times"/> that match, throws the answer away
/// as a reset connection would: the server acted, the client cannot know it.
/// </summary>
internal sealed class ResponseDroppingHandler(Func<HttpRequestMessage, bool> matches, int times = 1) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _matched;

    /// <summary>How many answers were dropped.</summary>
    public int Dropped => Math.Min(Volatile.Read(ref _matched), times);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (matches(request) && Interlocked.Increment(ref _matched) <= times)
        {
            // Read the whole answer first, so the server has finished acting before the client loses it.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            throw new HttpRequestException("The connection was reset after the server answered.", new IOException("reset by the test"));
        }

        return response;
    }
}

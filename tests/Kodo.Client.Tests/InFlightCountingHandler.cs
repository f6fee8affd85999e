namespace Kodo.Client.Tests;

/// <summary>Sends requests on to the server and records the most that were ever in flight at once.</summary>
internal sealed class InFlightCountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _inFlight;
    private int _most;

    public int Most => Volatile.Read(ref _most);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int most;
        while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

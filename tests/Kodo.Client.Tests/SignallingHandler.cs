namespace Kodo.Client.Tests;

/// <summary>Sends requests on to the server and tells the test when the first one has left.</summary>
internal sealed class SignallingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstRequest => _first.Task;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sending = base.SendAsync(request, cancellationToken);
        _first.TrySetResult();
        return sending;
    }
}

using System.Diagnostics;

namespace Kodo.Benchmarks;

/// <summary>
/// Sends through a plain handler and records how long multipart completions take, work that a single form upload
/// does not have, so that it is reported apart from the transfer.
/// </summary>
internal sealed class CompletionTimer() : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
{
    private long _ticks;

    /// <summary>The time spent in completion requests since the last <see cref="Reset"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Reset() => Interlocked.Exchange(ref _ticks, 0);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isCompletion = request.Method == HttpMethod.Post
            && request.RequestUri?.AbsolutePath is { } path
            && path.StartsWith("/buckets/", StringComparison.Ordinal)
            && path.Split('/').Length == 7;
        var clock = Stopwatch.StartNew();
        var response = await base.SendAsync(request, cancellationToken);
        if (isCompletion)
        {
            Interlocked.Add(ref _ticks, clock.Elapsed.Ticks);
        }

        return response;
    }
}

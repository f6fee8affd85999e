using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Kodo.Protocol;
using Kodo.Protocol.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Kodo.Client;

/// <summary>
/// An HTTP client for one Kodo bucket: stat, list, delete, copy, move, uploads (form and v2 multipart) and ranged
/// downloads, each call bounded by a deadline and retried on transient failures. It is thread-safe and meant to
/// live as long as the mount that uses it.
/// </summary>
/// <remarks>
/// Management calls are signed with QBox, as Alluxio's Kodo UFS signs them, over the exact path and query that go
/// on the wire. Upload tokens and download URLs are made fresh for every request, so a long upload never runs into
/// an expired token (defect K8).
/// </remarks>
public sealed partial class KodoClient : IAsyncDisposable, IDisposable
{
    /// <summary>How long upload tokens and download URLs stay valid; each request gets a fresh one.</summary>
    internal static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private const string ReqIdHeader = "X-Reqid";

    private readonly KodoClientOptions _options;
    private readonly KodoCredentials _credentials;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _concurrency;
    private readonly ResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ILogger _logger;
    private readonly HostList _ioHosts;
    private readonly KodoClientMetrics _metrics;
    private int _disposed;

    /// <summary>Creates a client with its own connection pool sized by <paramref name="options"/>.</summary>
    public KodoClient(KodoClientOptions options, ILogger? logger = null, Meter? meter = null)
        : this(options, handler: null, logger, meter)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="handler"/> when given (the caller keeps owning it), or
    /// through its own <see cref="SocketsHttpHandler"/>. Attempts are recorded on <paramref name="meter"/> when given.
    /// </summary>
    public KodoClient(KodoClientOptions options, HttpMessageHandler? handler, ILogger? logger = null, Meter? meter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _credentials = new KodoCredentials(options.AccessKey, options.SecretKey);
        _logger = logger ?? NullLogger.Instance;
        _metrics = new KodoClientMetrics(meter);
        _ioHosts = new HostList(KodoService.Io, [KodoEndpoint.Parse(options.IoEndpoint ?? options.DownloadHost, Uri.UriSchemeHttp)]);
        _concurrency = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        _pipeline = KodoRetry.Create(options, _logger);
        var ownsHandler = handler is null;
        handler ??= CreateHandler(options);
        _http = new HttpClient(handler, ownsHandler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The connection pool a client makes for itself: at most <see cref="KodoClientOptions.MaxConcurrentRequests"/>
    /// connections per host, each opened within <see cref="KodoClientOptions.ConnectTimeout"/>, never redirected.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(KodoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConcurrentRequests,
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>The options this client was built from.</summary>
    public KodoClientOptions Options => _options;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _http.Dispose();
        _lifetime.Dispose();
        _regionGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> through the retry pipeline under one deadline (<paramref name="deadline"/>,
    /// else <see cref="KodoClientOptions.RequestTimeout"/>), and turns what escapes into a <see cref="KodoException"/>
    /// that names the host when the host is the problem: only the caller's own cancellation stays an
    /// <see cref="OperationCanceledException"/>. Each attempt is told its number and picks its host through
    /// <see cref="KodoAttempt.Use"/>, so a retry goes to the service's next host; with
    /// <paramref name="attemptTimeout"/> an attempt that gets no answer in time gives way to the next.
    /// </summary>
    internal async Task<T> ExecuteAsync<T>(
        string operation,
        string? key,
        Func<KodoAttempt, CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken,
        TimeSpan? deadline = null,
        TimeSpan? attemptTimeout = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var limit = deadline ?? _options.RequestTimeout;

        // One source for the deadline, the caller and the client's lifetime; the caller tells them apart afterwards.
        using var call = new CancellationTokenSource(limit, _options.TimeProvider);
        using var callerRegistration = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), call);
        using var lifetimeRegistration = _lifetime.Token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), call);
        var context = ResilienceContextPool.Shared.Get(operation, call.Token);
        var current = new KodoAttempt();
        try
        {
            return await _pipeline.ExecuteAsync(
                async context =>
                {
                    current.Next();
                    var started = _options.TimeProvider.GetTimestamp();
                    try
                    {
                        var result = attemptTimeout is { } perAttempt
                            ? await RunWithTimeoutAsync(attempt, current, perAttempt, context.CancellationToken).ConfigureAwait(false)
                            : await attempt(current, context.CancellationToken).ConfigureAwait(false);
                        _metrics.Record(current, operation, "ok", _options.TimeProvider.GetElapsedTime(started));
                        return result;
                    }
                    catch (Exception e)
                    {
                        var transient = KodoRetry.IsTransient(e, context.CancellationToken);
                        _metrics.Record(current, operation, transient ? "transient" : "failed", _options.TimeProvider.GetElapsedTime(started));
                        if (transient)
                        {
                            current.Failed();
                        }

                        throw;
                    }
                },
                context).ConfigureAwait(false);
        }
        catch (KodoException e) when (current.Host is { } host && e.IsHostProblem)
        {
            throw e.AtHost(host.Authority, KodoSettingHints.For(current.Hosts!.Service));
        }
        catch (Exception e) when (e is not KodoException && !cancellationToken.IsCancellationRequested && !_lifetime.IsCancellationRequested
            && call.IsCancellationRequested)
        {
            throw WithHost(KodoException.Timeout(operation, key, limit, e), current);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _lifetime.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(KodoClient));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is HttpRequestException or OperationCanceledException or TimeoutException or (IOException and not KodoException))
        {
            // Retries ran out on a network failure, or on a timeout inside the stack such as the connect timeout.
            throw WithHost(KodoException.Network(operation, key, e), current);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static KodoException WithHost(KodoException error, KodoAttempt attempt) =>
        attempt.Host is { } host ? error.AtHost(host.Authority, KodoSettingHints.For(attempt.Hosts!.Service)) : error;

    /// <summary>Runs one attempt that must answer within <paramref name="timeout"/>; silence is a retryable timeout.</summary>
    private async Task<T> RunWithTimeoutAsync<T>(
        Func<KodoAttempt, CancellationToken, Task<T>> attempt, KodoAttempt current, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = new CancellationTokenSource(timeout, _options.TimeProvider);
        using var registration = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), bounded);
        try
        {
            return await attempt(current, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && bounded.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no answer within {timeout.TotalMilliseconds:0} ms"), e);
        }
    }

    /// <summary>
    /// Sends one request made by <paramref name="createRequest"/> and reads its whole (small) answer, holding a
    /// slot of <see cref="KodoClientOptions.MaxConcurrentRequests"/> meanwhile.
    /// </summary>
    internal async Task<BufferedResponse> SendBufferedAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = createRequest();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new BufferedResponse((int)response.StatusCode, body, GetReqId(response));
        }
        finally
        {
            _concurrency.Release();
        }
    }

    /// <summary>Sends a request and returns once its headers arrived; the caller owns (and disposes) the response.</summary>
    internal async Task<HttpResponseMessage> SendStreamingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The body streams afterwards under the connection limit, so a slow reader never starves other calls.
            _concurrency.Release();
        }
    }

    /// <summary>Throws the <see cref="KodoException"/> a non-2xx answer stands for.</summary>
    internal static void ThrowIfFailed(string operation, string? key, BufferedResponse response)
    {
        if (!response.IsSuccess)
        {
            throw CreateException(operation, key, response);
        }
    }

    internal static KodoException CreateException(string operation, string? key, BufferedResponse response) =>
        KodoException.FromResponse(operation, key, response.Status, ReadErrorText(response.Body), response.ReqId);

    internal static string? GetReqId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReqIdHeader, out var values) ? values.FirstOrDefault() : null;

    internal static string? ReadErrorText(ReadOnlySpan<byte> body) =>
        !body.IsEmpty && KodoError.TryParse(body, out var error) ? error.Error : null;

    /// <summary>Parses a JSON answer, or throws a retryable protocol error (the Java SDK retries a 200 it cannot parse).</summary>
    internal static T Parse<T>(string operation, string? key, BufferedResponse response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize(response.Body, typeInfo) is { } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
        }

        throw KodoException.Protocol(operation, key, "the answer is not the expected JSON.");
    }

    /// <summary>The current time, for token deadlines.</summary>
    internal DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    internal ILogger Logger => _logger;
}

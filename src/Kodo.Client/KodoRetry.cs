using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Kodo.Client;

/// <summary>
/// Builds the client's one retry pipeline: exponential backoff with jitter over network failures, internal
/// timeouts and the retryable Kodo statuses. Caller cancellation and the call's own deadline are never retried,
/// and neither is any 4xx.
/// </summary>
internal static class KodoRetry
{
    /// <summary>No single wait between attempts grows past this.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    public static ResiliencePipeline Create(KodoClientOptions options, ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
            OnRetry = args =>
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var operation = args.Context.OperationKey ?? "request";
                    var reason = Describe(args.Outcome.Exception);
                    var delay = args.RetryDelay.TotalMilliseconds;
                    Log.Retrying(logger, operation, args.AttemptNumber + 1, reason, delay);
                }

                return default;
            },
        }).Build();
    }

    /// <summary>
    /// True for failures another attempt may fix. A cancellation counts only when the call's own token is not
    /// cancelled: then it came from inside the stack (a connect timeout), not from the caller or the deadline.
    /// </summary>
    public static bool IsTransient(Exception? exception, CancellationToken callToken) => exception switch
    {
        null => false,
        KodoException kodo => kodo.IsRetryable,
        OperationCanceledException => !callToken.IsCancellationRequested,
        HttpRequestException => true,
        IOException => true,
        TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception? exception) => exception switch
    {
        KodoException kodo => kodo.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
